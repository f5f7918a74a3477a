// The main process's own words, in English and French: the application menu
// and the titles and filter names of native dialogs. These never reach the
// renderer (texts that do are in src/shared/main-messages.ts and translated
// there). The language is the one the renderer shows: the `locale` setting,
// or the system language when it is 'system'. Plain data and pure functions,
// no electron import.
import type { Settings } from '@shared/settings'

export type MainLocale = 'en' | 'fr'

const en = {
  'menu.file': 'File',
  'menu.addArticles': 'Add Articles…',
  'menu.pasteArticle': 'Paste as New Article',
  'menu.exportCsv': 'Export CSV…',
  'menu.saveCopy': 'Save a Copy as One File…',
  'menu.closeSession': 'Close Session',
  'menu.quit': 'Quit Gloss',
  'menu.closeWindow': 'Close Window',
  'menu.edit': 'Edit',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select All',
  'menu.view': 'View',
  'menu.resetZoom': 'Actual Size',
  'menu.zoomIn': 'Zoom In',
  'menu.zoomOut': 'Zoom Out',
  'menu.fullScreen': 'Toggle Full Screen',
  'menu.devTools': 'Toggle Developer Tools',
  'menu.about': 'About Gloss',
  'menu.services': 'Services',
  'menu.hide': 'Hide Gloss',
  'menu.hideOthers': 'Hide Others',
  'menu.showAll': 'Show All',
  'dialog.openArticle': 'Open article',
  'dialog.openSession': 'Open session',
  'dialog.addArticles': 'Add articles',
  'dialog.exportCsv': 'Export CSV',
  'dialog.exportTidyCsv': 'Export CSV, one row per passage and theme',
  'dialog.saveSummaryCsv': 'Save summary as CSV',
  'dialog.saveSummaryPng': 'Save summary chart as PNG',
  // Corpus exports and summary (issue 12).
  'dialog.exportMatrixCsv': 'Export CSV, one row per article (article × theme matrix)',
  'dialog.exportCodebook': 'Export codebook as CSV',
  'dialog.importCodebook': 'Import codebook',
  'dialog.importAttributes': 'Import article attributes',
  'dialog.saveSessionCopy': 'Save a copy of the session as one file',
  'dialog.saveOriginal': 'Save a copy of the original file',
  'filter.articles': 'Articles',
  'filter.sessions': 'Gloss sessions',
  'filter.sessionCopy': 'Gloss session copy (one file)',
  'filter.csv': 'CSV',
  'filter.png': 'PNG image',
  // Coders: coder copies, the coder name.
  'menu.coderCopies': 'Make Coder Copies…',
  'menu.settings': 'Settings…',
  'dialog.coderCopies': 'Choose the folder for the coder copies',
  // Bringing coders' work back.
  'menu.bringBack': 'Bring Coders’ Work Back…',
  'dialog.bringBack': 'Bring coders’ work back',
  'filter.coderCopies': 'Gloss coder copies',
  'dialog.exportAgreementCsv': 'Export agreement table as CSV',
  'dialog.exportAgreementUnitsCsv': 'Export agreement units as CSV',
  'dialog.saveAgreementPng': 'Save agreement report as PNG',
  'menu.agreement': 'Inter-coder Agreement',
} as const

export type MainTextKey = keyof typeof en

const fr: Record<MainTextKey, string> = {
  'menu.file': 'Fichier',
  'menu.addArticles': 'Ajouter des articles…',
  'menu.pasteArticle': 'Coller comme nouvel article',
  'menu.exportCsv': 'Exporter en CSV…',
  'menu.saveCopy': 'Enregistrer une copie en un seul fichier…',
  'menu.closeSession': 'Fermer la session',
  'menu.quit': 'Quitter Gloss',
  'menu.closeWindow': 'Fermer la fenêtre',
  'menu.edit': 'Édition',
  'menu.undo': 'Annuler',
  'menu.redo': 'Rétablir',
  'menu.cut': 'Couper',
  'menu.copy': 'Copier',
  'menu.paste': 'Coller',
  'menu.selectAll': 'Tout sélectionner',
  'menu.view': 'Affichage',
  'menu.resetZoom': 'Taille réelle',
  'menu.zoomIn': 'Zoom avant',
  'menu.zoomOut': 'Zoom arrière',
  'menu.fullScreen': 'Plein écran',
  'menu.devTools': 'Outils de développement',
  'menu.about': 'À propos de Gloss',
  'menu.services': 'Services',
  'menu.hide': 'Masquer Gloss',
  'menu.hideOthers': 'Masquer les autres',
  'menu.showAll': 'Tout afficher',
  'dialog.openArticle': 'Ouvrir un article',
  'dialog.openSession': 'Ouvrir une session',
  'dialog.addArticles': 'Ajouter des articles',
  'dialog.exportCsv': 'Exporter en CSV',
  'dialog.exportTidyCsv': 'Exporter en CSV, une ligne par passage et par thème',
  'dialog.saveSummaryCsv': 'Enregistrer la synthèse en CSV',
  'dialog.saveSummaryPng': 'Enregistrer le graphique de la synthèse en PNG',
  // Exports et synthèse du corpus (ticket 12).
  'dialog.exportMatrixCsv': 'Exporter en CSV, une ligne par article (matrice article × thème)',
  'dialog.exportCodebook': 'Exporter la grille de codage en CSV',
  'dialog.importCodebook': 'Importer une grille de codage',
  'dialog.importAttributes': 'Importer les attributs des articles',
  'dialog.saveSessionCopy': 'Enregistrer une copie de la session en un seul fichier',
  'dialog.saveOriginal': 'Enregistrer une copie du fichier d’origine',
  'filter.articles': 'Articles',
  'filter.sessions': 'Sessions Gloss',
  'filter.sessionCopy': 'Copie de session Gloss (un seul fichier)',
  'filter.csv': 'CSV',
  'filter.png': 'Image PNG',
  // Codeurs : copies de codage, nom du codeur.
  'menu.coderCopies': 'Faire des copies pour les codeurs…',
  'menu.settings': 'Réglages…',
  'dialog.coderCopies': 'Choisir le dossier des copies pour les codeurs',
  'menu.bringBack': 'Rapatrier le travail des codeurs…',
  'dialog.bringBack': 'Rapatrier le travail des codeurs',
  'filter.coderCopies': 'Copies de codeur Gloss',
  'dialog.exportAgreementCsv': 'Exporter le tableau d’accord en CSV',
  'dialog.exportAgreementUnitsCsv': 'Exporter les unités de l’accord en CSV',
  'dialog.saveAgreementPng': 'Enregistrer le rapport d’accord en PNG',
  'menu.agreement': 'Accord inter-codeurs',
}

export const MAIN_CATALOGS: Record<MainLocale, Record<MainTextKey, string>> = { en, fr }

/**
 * The language of the main process's words: the setting, or for 'system'
 * the system language (Electron's app.getLocale(), e.g. "fr-CA"); English
 * for any language Gloss does not speak.
 */
export function resolveLocale(choice: Settings['locale'], systemLanguage: string): MainLocale {
  if (choice !== 'system') return choice
  const base = systemLanguage.toLowerCase().split(/[-_]/)[0]
  return base === 'fr' ? 'fr' : 'en'
}

/** A text of the main process in `locale`. */
export function mainText(locale: MainLocale, key: MainTextKey): string {
  return MAIN_CATALOGS[locale][key]
}
