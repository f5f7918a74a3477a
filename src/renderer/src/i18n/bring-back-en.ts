// English strings of "Bring coders' work back…": the command, the progress
// and the report (the main process's reasons for refusing a copy are in
// src/shared/main-messages-bring-back.ts).
export const bringBackEn = {
  'bringBack.action': 'Bring coders’ work back…',
  'bringBack.working': 'Bringing back {files}…',
  'bringBack.progressLabel': 'Bringing coders’ work back',
  'bringBack.failed': 'Coders’ work was not brought back: {message}',
  'bringBack.title': 'Coders’ work brought back',
  'bringBack.titleRefused': 'Nothing was brought back',
  'bringBack.refused':
    'These coder copies cannot be brought back, so nothing was brought back and the session is as it was:',
  'bringBack.fine':
    'The other files are fine ({files}): choose them again without the files above to bring them back.',
  'bringBack.noneFine': 'None of the files chosen can be brought back.',
  'bringBack.coder': '{coder}',
  'bringBack.fromFile': 'from {file}',
  'bringBack.countsTable': 'What was brought back, by coder',
  'bringBack.firstShort': 'first time',
  'bringBack.replacedShort': 'replaces the earlier copy',
  'bringBack.count.added': 'Passages added',
  'bringBack.count.removed': 'Passages removed',
  'bringBack.count.changed': 'Passages changed',
  'bringBack.count.unchanged': 'Passages unchanged',
  'bringBack.count.matched': 'Articles matched',
  'bringBack.count.notInSession': 'Articles not in this session',
  'bringBack.count.reanchored': 'Passages found again in articles whose text differs',
  'bringBack.count.unplaced': 'Passages that could not be placed',
  'bringBack.unplaced':
    'Passages that could not be placed ({count}): their text is not in the session’s article',
  'bringBack.unplacedItem': '“{quote}” — {themes}',
  'bringBack.noTheme': 'no theme',
  'bringBack.notInSession': 'Articles not in this session ({count}): not added',
  'bringBack.themesAdded': 'Themes added from {coder}’s copy ({count})',
  'bringBack.themeAddedAs': '{name} (“{copyName}” in the copy: that name is taken)',
  'bringBack.themesRenamed': 'Themes renamed in {coder}’s copy ({count})',
  'bringBack.themeRenamed': '{name} → {copyName}; kept as {name}',
  'bringBack.notSaved':
    'Brought back, but not saved yet: {reason}. Gloss saves it with your next change.',
  'bringBack.undo': 'Undo takes all of it back at once.',
} as const
