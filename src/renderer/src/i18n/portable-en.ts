// English strings of the one-file session copy ("Save a copy as one file…").
export const portableEn = {
  'portable.saveCopy': 'Save a copy…',
  'portable.saveCopyAction': 'Save a copy as one file…',
  'portable.saveCopyTitle':
    'Save the whole session as one file, to mail or carry; “Open session…” opens it on any computer',
  'portable.saving': 'Saving a copy…',
  'portable.saved': 'Saved a copy of the session as one file: {path}',
  'portable.failed': 'The copy was not saved: {message}',
} as const
