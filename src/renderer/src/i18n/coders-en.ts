// English strings about coders: the coder name (Settings), "Make coder
// copies…" (its dialog, progress and report) and the coder copy's badge.
export const codersEn = {
  'settings.coderName': 'Coder name',
  'settings.coderName.placeholder': '{name} (your user name on this computer)',
  'settings.coderName.help':
    'Passages you add are attributed to this name. Leave it empty to use your user name on this computer.',
  'settings.coderName.inCopy':
    'This session is a coder copy for {name}: passages added in it are attributed to {name}. The name set here applies to your other sessions.',
  'settings.coderName.saved': 'New passages are attributed to {name}.',
  'settings.coderName.control':
    'A coder name cannot hold control characters (a tab, a line break…).',
  'settings.coderName.reserved':
    '“consensus” is kept for the coders’ agreed passages: choose another name.',
  'settings.coderName.tooLong': 'A coder name has at most {max} characters.',
  'settings.coderName.failed': 'The coder name was not saved: {message}',
  'coders.makeCopiesAction': 'Make coder copies…',
  'coders.dialog.title': 'Make coder copies',
  'coders.dialog.intro':
    'One copy of this session per coder, each one file: the same articles and codebook, without passages. Each coder opens theirs with “Open session…” and codes it on their own computer; the copy then comes back to this session.',
  'coders.dialog.names': 'Coders, one per line',
  'coders.dialog.placeholder': 'Amélie\nKarim',
  'coders.dialog.listLabel': 'Copies to make',
  'coders.dialog.includeMine': 'Include my passages ({name})',
  'coders.dialog.includeMineHelp':
    'They stay attributed to you: when a copy comes back, only its coder’s passages are taken.',
  'coders.dialog.make': 'Choose a folder and make {copies}',
  'coders.dialog.none': 'Write at least one coder’s name.',
  'coders.dialog.fix': 'Correct the names marked first.',
  'coders.copies.one': '{count} copy',
  'coders.copies.other': '{count} copies',
  'coders.problem.control': 'holds a control character (a tab…)',
  'coders.problem.reserved': '“consensus” is kept for the coders’ agreed passages',
  'coders.problem.tooLong': 'longer than {max} characters',
  'coders.problem.twice': 'listed twice',
  'coders.progressLabel': 'Making coder copies',
  'coders.progress': 'Making the copy for {coder} ({n} of {total})…',
  'coders.progressDone': 'Finishing the coder copies…',
  'coders.cancel': 'Cancel',
  'coders.cancelling': 'Cancelling…',
  'coders.failed': 'No coder copies were made: {message}',
  'coders.report.title': 'Coder copies made',
  'coders.report.titleCancelled': 'Coder copies cancelled',
  'coders.report.titleStopped': 'Coder copies stopped',
  'coders.report.folder': 'In {folder}:',
  'coders.report.file': 'for {coder}',
  'coders.report.fileMine': 'for {coder}, with {passages} of yours',
  'coders.report.none': 'No copy was made.',
  'coders.report.cancelled': 'Cancelled: the copies not listed were not made.',
  'coders.report.stopped':
    '{reason}. Nothing of that copy was left on disk; the copies not listed were not made.',
  'coders.report.next':
    'Give each coder their file; they open it with “Open session…”. The names of the files say whom each is for.',
  'coders.badge': 'Coder copy · {name}',
  'coders.badgeTitle':
    'A coder copy for {name}, made from the session “{title}” on {date}. Passages added here are attributed to {name}.',
  'coders.badgeTitleUntitled':
    'A coder copy for {name}, made on {date}. Passages added here are attributed to {name}.',
} as const
