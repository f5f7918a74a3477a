// French strings of the one-file session copy, and of the main process's
// messages about it (their English is in src/shared/main-messages-portable.ts).
export const portableFr = {
  'portable.saveCopy': 'Enregistrer une copie…',
  'portable.saveCopyAction': 'Enregistrer une copie en un seul fichier…',
  'portable.saveCopyTitle':
    'Enregistrer toute la session en un seul fichier, à envoyer ou emporter ; « Ouvrir une session… » l’ouvre sur n’importe quel ordinateur',
  'portable.saving': 'Enregistrement de la copie…',
  'portable.saved': 'Copie de la session enregistrée en un seul fichier : {path}',
  'portable.failed': 'La copie n’a pas été enregistrée : {message}',
  'main.copy.cannotOpen': 'Impossible d’ouvrir la copie de session {file} : {problem}.',
  'main.copy.cannotSave': 'Impossible d’enregistrer une copie de la session : {problem}.',
  'main.copy.brokenArticle':
    'l’article « {title} » est illisible, la session ne peut donc pas être copiée en entier',
  'main.copy.notZip': 'ce n’est pas une copie de session Gloss (pas un fichier zip)',
  'main.copy.zip64':
    'elle utilise le format ZIP64, dont une copie de session Gloss n’a jamais besoin',
  'main.copy.tooLarge': 'elle dépasse {limit}',
  'main.copy.unpacksTooLarge': 'une fois décompressée, elle dépasserait {limit}',
  'main.copy.tooManyFiles': 'elle contient plus de {limit} fichiers',
  'main.copy.strangeFile': 'elle contient « {name} », qui n’est pas un fichier de session Gloss',
  'main.copy.twice': 'elle contient « {name} » deux fois',
  'main.copy.link': '« {name} » est un lien, ce qu’une copie de session ne contient jamais',
  'main.copy.encrypted': '« {name} » est chiffré',
  'main.copy.method': '« {name} » est compressé d’une façon que Gloss ne lit pas',
  'main.copy.bomb':
    '« {name} » se décompresserait en {ratio} fois sa taille, comme une bombe zip, pas comme une session',
  'main.copy.damagedEntry': '« {name} » est endommagé ({detail})',
  'main.copy.noIndex': 'elle ne contient pas de session.json',
  'main.copy.articleBroken':
    'l’article « {title} » qu’elle contient est illisible ({file} : {problem})',
  'main.notice.copyOpened':
    'Copie de session {file} ouverte. Gloss y travaille dans le dossier {folder}, parmi vos sessions ; la copie elle-même reste telle quelle.',
  'main.notice.copyOfExisting':
    'La copie de session {file} est celle d’une session que vous avez déjà ({existing}). Elle a été ouverte comme une session distincte, dans le dossier {folder}, pour que les deux restent telles quelles.',
} as const
