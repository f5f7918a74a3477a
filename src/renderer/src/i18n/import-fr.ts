// French strings of reading articles in other formats, and of the main
// process's messages about it (their English is in src/shared/main-messages-import.ts).
export const importFr = {
  'main.format.unsupported':
    'Gloss ne lit pas ce type de fichier (il lit le texte, le Markdown, les pages web, Word, OpenDocument, PDF, EPUB, CSV et Excel)',
  'main.format.corrupt': 'le fichier est endommagé ou incomplet',
  'main.format.encrypted':
    'le fichier est protégé par un mot de passe ou chiffré ; ouvrez-le, enregistrez-le sans protection, puis ajoutez-le à nouveau',
  'main.format.scanned':
    'aucun texte trouvé ; Gloss ne lit pas les pages numérisées (pas de reconnaissance de caractères)',
  'main.format.noText': 'aucun texte trouvé',
  'main.format.tooLarge':
    'il est trop volumineux, ou se décompresse en trop de données, pour un article',
  'main.format.oldFormat':
    'il est dans un ancien format binaire (Word 97–2003 ou Excel 97–2003) ; enregistrez-le en .docx ou .xlsx, puis ajoutez-le à nouveau',
  'main.format.cancelled': 'annulé',
  'main.format.detail': '{reason} ({detail})',
  'main.format.tableOpen':
    'c’est un tableau d’articles : ouvrez une session (ou l’exemple), puis ajoutez-le avec Ajouter des articles… pour choisir ses colonnes',
  'main.format.table':
    'c’est un tableau d’articles : choisissez ses colonnes pour en ajouter les lignes',
  'main.table.emptyText': 'ligne {row} : la cellule du texte est vide',
  'main.table.duplicateRow': 'ligne {row} : le même texte que la ligne {first}',
  'main.table.badDate':
    'ligne {row} : « {value} » n’est pas une date ; la ligne a été ajoutée sans elle',
  'main.table.badValue':
    'ligne {row} : « {value} » ne convient pas à l’attribut « {name} » ; la ligne a été ajoutée sans cette valeur',
  'main.table.columnsDropped':
    'une session a au plus {max} attributs : ces colonnes n’ont pas été ajoutées comme attributs : {columns}',
  'main.table.columnsDroppedMore':
    'une session a au plus {max} attributs : ces colonnes n’ont pas été ajoutées comme attributs : {columns} et {count} autres',
  'main.table.noTextColumn': 'choisissez la colonne qui contient le texte des articles',
  'main.table.gone': 'Ce tableau n’est plus prêt ; ajoutez à nouveau le fichier.',
} as const
