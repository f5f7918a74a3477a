// French strings about coders, and the main process's messages about them
// (their English is in src/shared/main-messages-coders.ts).
export const codersFr = {
  'settings.coderName': 'Nom du codeur',
  'settings.coderName.placeholder': '{name} (votre nom d’utilisateur sur cet ordinateur)',
  'settings.coderName.help':
    'Les passages que vous ajoutez sont attribués à ce nom. Laissez vide pour utiliser votre nom d’utilisateur sur cet ordinateur.',
  'settings.coderName.inCopy':
    'Cette session est une copie de codage pour {name} : les passages qui y sont ajoutés sont attribués à {name}. Le nom choisi ici vaut pour vos autres sessions.',
  'settings.coderName.saved': 'Les nouveaux passages sont attribués à {name}.',
  'settings.coderName.control':
    'Un nom de codeur ne peut pas contenir de caractères de contrôle (tabulation, saut de ligne…).',
  'settings.coderName.reserved':
    '« consensus » est réservé aux passages sur lesquels les codeurs se sont accordés : choisissez un autre nom.',
  'settings.coderName.tooLong': 'Un nom de codeur a au plus {max} caractères.',
  'settings.coderName.failed': 'Le nom du codeur n’a pas été enregistré : {message}',
  'coders.makeCopiesAction': 'Faire des copies pour les codeurs…',
  'coders.dialog.title': 'Faire des copies pour les codeurs',
  'coders.dialog.intro':
    'Une copie de cette session par codeur, chacune en un seul fichier : les mêmes articles et la même grille de codage, sans passages. Chaque codeur ouvre la sienne avec « Ouvrir une session… » et la code sur son ordinateur ; la copie revient ensuite dans cette session.',
  'coders.dialog.names': 'Codeurs, un par ligne',
  'coders.dialog.placeholder': 'Louise\nMehdi',
  'coders.dialog.listLabel': 'Copies à faire',
  'coders.dialog.includeMine': 'Inclure mes passages ({name})',
  'coders.dialog.includeMineHelp':
    'Ils restent attribués à vous : quand une copie revient, seuls les passages de son codeur sont repris.',
  'coders.dialog.make': 'Choisir un dossier et faire {copies}',
  'coders.dialog.none': 'Écrivez le nom d’au moins un codeur.',
  'coders.dialog.fix': 'Corrigez d’abord les noms signalés.',
  'coders.copies.one': '{count} copie',
  'coders.copies.other': '{count} copies',
  'coders.problem.control': 'contient un caractère de contrôle (une tabulation…)',
  'coders.problem.reserved':
    '« consensus » est réservé aux passages sur lesquels les codeurs se sont accordés',
  'coders.problem.tooLong': 'plus de {max} caractères',
  'coders.problem.twice': 'en double',
  'coders.progressLabel': 'Copies pour les codeurs en cours',
  'coders.progress': 'Copie pour {coder} en cours ({n} sur {total})…',
  'coders.progressDone': 'Fin des copies pour les codeurs…',
  'coders.cancel': 'Annuler',
  'coders.cancelling': 'Annulation…',
  'coders.failed': 'Aucune copie pour les codeurs n’a été faite : {message}',
  'coders.report.title': 'Copies pour les codeurs faites',
  'coders.report.titleCancelled': 'Copies pour les codeurs annulées',
  'coders.report.titleStopped': 'Copies pour les codeurs interrompues',
  'coders.report.folder': 'Dans {folder} :',
  'coders.report.file': 'pour {coder}',
  'coders.report.fileMine': 'pour {coder}, avec {passages} des vôtres',
  'coders.report.none': 'Aucune copie n’a été faite.',
  'coders.report.cancelled': 'Annulé : les copies qui ne sont pas listées n’ont pas été faites.',
  'coders.report.stopped':
    '{reason}. Il ne reste rien de cette copie sur le disque ; les copies qui ne sont pas listées n’ont pas été faites.',
  'coders.report.next':
    'Donnez à chaque codeur son fichier ; il l’ouvre avec « Ouvrir une session… ». Le nom de chaque fichier dit à qui il est destiné.',
  'coders.badge': 'Copie de codage · {name}',
  'coders.badgeTitle':
    'Une copie de codage pour {name}, faite à partir de la session « {title} » le {date}. Les passages ajoutés ici sont attribués à {name}.',
  'coders.badgeTitleUntitled':
    'Une copie de codage pour {name}, faite le {date}. Les passages ajoutés ici sont attribués à {name}.',
  'main.coders.fromCopy':
    'Cette session est une copie de codage (pour {name}) : les copies pour les codeurs se font à partir de la session dont elle vient, pour qu’elles y reviennent.',
  'main.coders.twice': 'Le codeur « {name} » figure deux fois.',
  'main.coders.busy':
    'Des copies de cette session pour les codeurs sont déjà en cours ; attendez-les ou annulez.',
} as const
