// The main process's texts about inter-coder agreement (the Agreement view
// and its exports), in English; spread into MAIN_MESSAGES_EN. The French is
// in src/renderer/src/i18n/agreement-fr.ts. Pure: no Node, no DOM.
export const AGREEMENT_MESSAGES_EN = {
  'main.agreement.twoCoders': 'Agreement compares two coders or more: choose at least two coders.',
  'main.agreement.coderTwice': 'The coder “{coder}” is chosen twice.',
  'main.agreement.unknownTheme':
    'A theme chosen is no longer in the codebook; choose the themes again.',
  'main.agreement.unknownArticle':
    'An article chosen is no longer in the session; choose the articles again.',
  'main.agreement.noThemes': 'Choose at least one theme.',
} as const
