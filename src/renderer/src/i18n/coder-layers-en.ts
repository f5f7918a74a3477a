// English strings of the session's coders: the Coders control and its
// legend (features/coders), the coder in the passage details, the passage
// list, the Passages view and the export chooser.
export const coderLayersEn = {
  'coders.label': 'Coders',
  'coders.help':
    'Show or hide each coder’s passages. With two or more coders shown, each coder’s underlines have their own line.',
  'coders.all': 'All',
  'coders.consensus': 'Consensus',
  'coders.none': '(no coder)',
  'coders.count': '{count}',
  'coders.mark.0': 'solid line',
  'coders.mark.1': 'dashed line',
  'coders.mark.2': 'dotted line',
  'coders.mark.3': 'double line',
  'coders.mark.4': 'wavy line',
  'coders.mark.5': 'thin line (shared by the coders after the fifth)',
  'coders.toggle': '{coder}: {passages}, {mark}',
  'coders.hover': '{themes} — {coders}',
  'details.coder': 'Coder',
  'filter.byCoder': 'Filter by coder',
  'retrieval.col.coder': 'Coder',
  'retrieval.filter.coders': 'Coders',
  'export.scope.filteredCoders': 'Filtered articles ({count}), passages of {coders} only',
} as const
