// The main process's texts about bringing coders' work back ("Bring coders'
// work back…"): why a coder copy is refused, in English; spread into
// MAIN_MESSAGES_EN. The report around them is the renderer's
// (i18n/bring-back-en.ts); the French of both is in i18n/bring-back-fr.ts.
// Pure: no Node, no DOM.
export const BRING_BACK_MESSAGES_EN = {
  'main.bringback.truncated':
    'it is damaged or cut short: it starts as a zip, but its end is missing',
  'main.bringback.newer':
    'it was saved by a newer version of Gloss (session format {version}; this version reads up to {supported}); update Gloss to bring it back',
  'main.bringback.notCoderCopy':
    'it is a copy of a session, not a coder copy (one made with “Make coder copies…” for one coder)',
  'main.bringback.otherSessionTitled':
    'it is a coder copy of another session, “{title}” ({id}), not of this one',
  'main.bringback.otherSession': 'it is a coder copy of another session ({id}), not of this one',
  'main.bringback.sameCoder': 'it is {name}’s copy, and so is {file}: choose one copy per coder',
  'main.bringback.coderBlank': 'the name of its coder is empty',
  'main.bringback.coderSpaces':
    'the name of its coder, “{name}”, starts or ends with spaces or holds control characters',
  'main.bringback.consensus':
    'it is for a coder named “{name}”, a name Gloss keeps for the passages the coders agreed on',
  'main.bringback.coderIsYou':
    'it is for a coder named “{name}”, the name your own passages carry in this session: bringing it back would replace them',
  'main.bringback.gone': 'These coder copies are no longer chosen; choose them again.',
  'main.bringback.busy': 'Coders’ work is already being brought back into this session.',
} as const
