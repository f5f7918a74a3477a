// Chaînes françaises des codeurs de la session : le contrôle Codeurs et sa
// légende (features/coders), le codeur dans le détail d’un passage, la liste
// des passages, la vue Passages et le choix d’export. Mêmes clés que
// coders-en.ts.
import type { coderLayersEn } from './coder-layers-en'

export const coderLayersFr = {
  'coders.label': 'Codeurs',
  'coders.help':
    'Afficher ou masquer les passages de chaque codeur. Quand deux codeurs ou plus sont affichés, les soulignements de chacun ont leur propre trait.',
  'coders.all': 'Tous',
  'coders.consensus': 'Consensus',
  'coders.none': '(sans codeur)',
  'coders.count': '{count}',
  'coders.mark.0': 'trait plein',
  'coders.mark.1': 'tirets',
  'coders.mark.2': 'pointillés',
  'coders.mark.3': 'trait double',
  'coders.mark.4': 'trait ondulé',
  'coders.mark.5': 'trait fin (partagé par les codeurs après le cinquième)',
  'coders.toggle': '{coder} : {passages}, {mark}',
  'coders.hover': '{themes} — {coders}',
  'details.coder': 'Codeur',
  'filter.byCoder': 'Filtrer par codeur',
  'retrieval.col.coder': 'Codeur',
  'retrieval.filter.coders': 'Codeurs',
  'export.scope.filteredCoders': 'Articles filtrés ({count}), passages de {coders} seulement',
} as const satisfies Record<keyof typeof coderLayersEn, string>
