// The main process's texts about coders (coder copies), in English; spread
// into MAIN_MESSAGES_EN. The French is in src/renderer/src/i18n/coders-fr.ts.
// Pure: no Node, no DOM.
export const CODERS_MESSAGES_EN = {
  'main.coders.fromCopy':
    'This session is a coder copy (for {name}): coder copies are made from the session it was made from, so that they come back to it.',
  'main.coders.twice': 'The coder “{name}” is listed twice.',
  'main.coders.busy':
    'Coder copies of this session are already being made; wait for them or cancel.',
} as const
