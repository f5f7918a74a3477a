// French strings of "Bring coders' work back…" (« Rapatrier le travail des
// codeurs… »), and of the main process's messages about it (their English
// is in src/shared/main-messages-bring-back.ts).
export const bringBackFr = {
  'bringBack.action': 'Rapatrier le travail des codeurs…',
  'bringBack.working': 'Rapatriement de {files}…',
  'bringBack.progressLabel': 'Rapatriement du travail des codeurs',
  'bringBack.failed': 'Le travail des codeurs n’a pas été rapatrié : {message}',
  'bringBack.title': 'Travail des codeurs rapatrié',
  'bringBack.titleRefused': 'Rien n’a été rapatrié',
  'bringBack.refused':
    'Ces copies de codeur ne peuvent pas être rapatriées ; rien n’a donc été rapatrié et la session est telle qu’elle était :',
  'bringBack.fine':
    'Les autres fichiers sont corrects ({files}) : choisissez-les de nouveau sans les fichiers ci-dessus pour les rapatrier.',
  'bringBack.noneFine': 'Aucun des fichiers choisis ne peut être rapatrié.',
  'bringBack.coder': '{coder}',
  'bringBack.fromFile': 'depuis {file}',
  'bringBack.countsTable': 'Ce qui a été rapatrié, par codeur',
  'bringBack.firstShort': 'première fois',
  'bringBack.replacedShort': 'remplace la copie précédente',
  'bringBack.count.added': 'Passages ajoutés',
  'bringBack.count.removed': 'Passages retirés',
  'bringBack.count.changed': 'Passages modifiés',
  'bringBack.count.unchanged': 'Passages inchangés',
  'bringBack.count.matched': 'Articles retrouvés',
  'bringBack.count.notInSession': 'Articles absents de cette session',
  'bringBack.count.reanchored': 'Passages retrouvés dans des articles dont le texte diffère',
  'bringBack.count.unplaced': 'Passages impossibles à placer',
  'bringBack.unplaced':
    'Passages impossibles à placer ({count}) : leur texte n’est pas dans l’article de la session',
  'bringBack.unplacedItem': '« {quote} » — {themes}',
  'bringBack.noTheme': 'aucun thème',
  'bringBack.notInSession': 'Articles absents de cette session ({count}) : non ajoutés',
  'bringBack.themesAdded': 'Thèmes ajoutés depuis la copie de {coder} ({count})',
  'bringBack.themeAddedAs': '{name} (« {copyName} » dans la copie : ce nom est déjà pris)',
  'bringBack.themesRenamed': 'Thèmes renommés dans la copie de {coder} ({count})',
  'bringBack.themeRenamed': '{name} → {copyName} ; conservé sous le nom {name}',
  'bringBack.notSaved':
    'Rapatrié, mais pas encore enregistré : {reason}. Gloss l’enregistre avec votre prochaine modification.',
  'bringBack.undo': 'Annuler retire tout d’un coup.',
  'main.bringback.truncated':
    'elle est endommagée ou tronquée : elle commence comme un zip, mais sa fin manque',
  'main.bringback.newer':
    'elle a été enregistrée par une version plus récente de Gloss (format de session {version} ; cette version lit jusqu’au format {supported}) ; mettez Gloss à jour pour la rapatrier',
  'main.bringback.notCoderCopy':
    'c’est une copie de session, pas une copie de codeur (faite avec « Faire des copies pour les codeurs… » pour un codeur)',
  'main.bringback.otherSessionTitled':
    'c’est une copie de codeur d’une autre session, « {title} » ({id}), pas de celle-ci',
  'main.bringback.otherSession':
    'c’est une copie de codeur d’une autre session ({id}), pas de celle-ci',
  'main.bringback.sameCoder':
    'c’est la copie de {name}, tout comme {file} : choisissez une seule copie par codeur',
  'main.bringback.coderBlank': 'le nom de son codeur est vide',
  'main.bringback.coderSpaces':
    'le nom de son codeur, « {name} », commence ou finit par des espaces ou contient des caractères de contrôle',
  'main.bringback.consensus':
    'elle est destinée à un codeur nommé « {name} », un nom que Gloss réserve aux passages sur lesquels les codeurs se sont accordés',
  'main.bringback.coderIsYou':
    'elle est destinée à un codeur nommé « {name} », le nom que portent vos propres passages dans cette session : la rapatrier les remplacerait',
  'main.bringback.gone': 'Ces copies de codeur ne sont plus choisies ; choisissez-les de nouveau.',
  'main.bringback.busy':
    'Le travail des codeurs est déjà en cours de rapatriement dans cette session.',
} as const
