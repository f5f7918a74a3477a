// Chaînes françaises de l’accord inter-codeurs : la vue Accord
// (features/agreement), ses exports, et les messages de main sur l’accord
// (src/shared/main-messages-agreement.ts). Mêmes clés que agreement-en.ts.
import type { AGREEMENT_MESSAGES_EN } from '@shared/main-messages-agreement'
import type { agreementEn } from './agreement-en'

export const agreementFr = {
  'main.agreement.twoCoders':
    'L’accord compare au moins deux codeurs : choisissez-en au moins deux.',
  'main.agreement.coderTwice': 'Le codeur « {coder} » est choisi deux fois.',
  'main.agreement.unknownTheme':
    'Un thème choisi n’est plus dans la grille de codage ; choisissez de nouveau les thèmes.',
  'main.agreement.unknownArticle':
    'Un article choisi n’est plus dans la session ; choisissez de nouveau les articles.',
  'main.agreement.noThemes': 'Choisissez au moins un thème.',
  'agreement.button': 'Accord',
  'agreement.buttonTitle': 'Accord inter-codeurs des codeurs de la session (Ctrl+Maj+K)',
  'agreement.action': 'Afficher l’accord inter-codeurs',
  'agreement.title': 'Accord inter-codeurs',
  'agreement.close': 'Retour à l’article',
  'agreement.closeTitle': 'Retour à l’article (Échap)',
  'agreement.empty.title': 'L’accord demande au moins deux codeurs',
  'agreement.empty.none':
    'Cette session n’enregistre encore aucun codeur. L’accord compare la façon dont plusieurs codeurs ont codé les mêmes articles.',
  'agreement.empty.one':
    'Cette session enregistre un seul codeur ({coder}). L’accord compare au moins deux codeurs.',
  'agreement.empty.how':
    'Pour avoir des codeurs : « Créer des copies pour les codeurs… » donne à chaque codeur une copie de la session pour coder les mêmes articles ; « Récupérer le travail des codeurs… » remet ici leurs passages, chacun sous le nom de son codeur.',
  'agreement.controls': 'Que comparer',
  'agreement.unit': 'Unité d’analyse',
  'agreement.unit.article': 'Article',
  'agreement.unit.paragraph': 'Paragraphe',
  'agreement.unit.sentence': 'Phrase',
  'agreement.unit.characters': 'Caractères (découpage)',
  'agreement.unit.help.article': 'Le codeur a-t-il donné le thème quelque part dans l’article ?',
  'agreement.unit.help.paragraph':
    'Le codeur a-t-il donné le thème à un passage qui touche le paragraphe ?',
  'agreement.unit.help.sentence':
    'Le codeur a-t-il donné le thème à un passage qui touche la phrase ?',
  'agreement.unit.help.characters':
    'Où commencent et finissent les passages du thème de chaque codeur ? (alpha de découpage de Krippendorff, αu)',
  'agreement.coders': 'Codeurs',
  'agreement.coders.opened': '{articles} ouverts',
  'agreement.coders.atLeastTwo': 'Choisissez au moins deux codeurs.',
  'agreement.themes': 'Thèmes',
  'agreement.themes.all': 'Tous les thèmes',
  'agreement.themes.chosen': 'Thèmes choisis',
  'agreement.themes.none': 'Choisissez au moins un thème.',
  'agreement.scope': 'Articles',
  'agreement.scope.session': 'Toute la session ({articles})',
  'agreement.scope.filtered': 'Articles filtrés ({articles})',
  'agreement.scope.noFilter': 'Articles filtrés (aucun filtre dans le panneau des articles)',
  'agreement.compute': 'Calculer',
  'agreement.recompute': 'Recalculer',
  'agreement.stale':
    'Les choix ont changé depuis ces chiffres : recalculez pour les mettre à jour.',
  'agreement.progress.units': 'Lecture des articles : {done} sur {total}',
  'agreement.progress.themes': 'Calcul des thèmes : {done} sur {total}',
  'agreement.progress.label': 'Calcul de l’accord',
  'agreement.cancel': 'Annuler',
  'agreement.cancelled': 'Annulé. Calculez pour recommencer.',
  'agreement.failed': 'L’accord n’a pas pu être calculé : {message}',
  'agreement.col.theme': 'Thème',
  'agreement.col.units': 'Unités',
  'agreement.col.articles': 'Articles',
  'agreement.col.excluded': 'Exclues',
  'agreement.col.percent': '% d’accord',
  'agreement.col.fleiss': 'κ de Fleiss',
  'agreement.col.alpha': 'α de Krippendorff',
  'agreement.col.unitizing': 'αu (découpage)',
  'agreement.col.pair': '{a} × {b}',
  'agreement.table': 'Accord par thème',
  'agreement.pairs': 'κ de Cohen pour chaque paire de codeurs',
  'agreement.overall': 'Tous les thèmes',
  'agreement.overall.pooled': 'Tous les thèmes (regroupés)',
  'agreement.overall.help.nominal':
    'Tous les thèmes : chaque décision unité × thème regroupée en une seule variable oui/non, et non la moyenne des thèmes.',
  'agreement.overall.help.characters':
    'Tous les thèmes : 1 − ΣDo / ΣDe, les désaccords observés et attendus des thèmes additionnés.',
  'agreement.n': 'n = {units}',
  'agreement.nTitle': '{units} unités comparées, {excluded} exclues',
  'agreement.notDefined.no-variation': 'non défini : aucune variation',
  'agreement.notDefined.no-pairable-units': 'non défini : aucune unité codée par deux codeurs',
  'agreement.notDefined.one-coder': 'non défini : un seul codeur',
  'agreement.notDefined.short': 'n. d.',
  'agreement.benchmark.reliable': 'fiable',
  'agreement.benchmark.tentative': 'provisoire',
  'agreement.benchmark.not-reliable': 'non fiable',
  'agreement.benchmarkNote':
    'Seuils (Krippendorff, 2004, Content Analysis: An Introduction to Its Methodology, 2e éd., p. 241) : α ≥ 0,800 fiable ; 0,667 ≤ α < 0,800 conclusions provisoires seulement ; α < 0,667 non fiable. Le pourcentage d’accord n’est pas corrigé du hasard.',
  'agreement.kind.article.one': '{count} article',
  'agreement.kind.article.other': '{count} articles',
  'agreement.kind.paragraph.one': '{count} paragraphe',
  'agreement.kind.paragraph.other': '{count} paragraphes',
  'agreement.kind.sentence.one': '{count} phrase',
  'agreement.kind.sentence.other': '{count} phrases',
  'agreement.kind.characters.one': '{count} article',
  'agreement.kind.characters.other': '{count} articles',
  'agreement.compared': 'Unités comparées : {units} sur {articles}, {coders}.',
  'agreement.coderCount.one': '{count} codeur',
  'agreement.coderCount.other': '{count} codeurs',
  'agreement.excluded.none': 'Aucune unité n’a été exclue.',
  'agreement.excluded.some':
    'Unités exclues : {units}, chacune avec moins de deux valeurs de codeurs :',
  'agreement.excluded.coder': '{coder} n’a pas codé {articles} ({units})',
  'agreement.excluded.uncoded': 'aucun codeur choisi n’a codé {articles} ({units})',
  'agreement.excluded.coderArticles': '{coder} n’a pas codé {articles}',
  'agreement.excluded.uncodedArticles': 'aucun codeur choisi n’a codé {articles}',
  'agreement.disagreements': 'Désaccords',
  'agreement.disagreements.theme': 'Thème',
  'agreement.disagreements.count': '{theme} ({count})',
  'agreement.disagreements.none': 'Les codeurs sont d’accord sur chaque unité de ce thème.',
  'agreement.disagreements.shown':
    'Les {shown} premiers sur {total} sont listés ; le CSV des unités les contient tous.',
  'agreement.disagreements.open': 'Ouvrir l’article à cette unité',
  'agreement.value.gave': 'l’a donné',
  'agreement.value.notGiven': 'non',
  'agreement.value.notCoded': 'non codé',
  'agreement.export.table': 'CSV du tableau…',
  'agreement.export.tableTitle':
    'Une ligne par thème, coefficient et paire de codeurs : valeur, n, exclues, seuil',
  'agreement.export.units': 'CSV des unités…',
  'agreement.export.unitsTitle':
    'Une ligne par unité, thème et codeur (1, 0, ou vide quand le codeur n’a pas codé l’article), pour recalculer les chiffres',
  'agreement.export.png': 'Rapport PNG…',
  'agreement.export.pngTitle': 'Le tableau en une image d’une page pour une section méthodologique',
  'agreement.export.saving': 'Enregistrement…',
  'agreement.export.saved': 'Enregistré : {path}',
  'agreement.export.failed': 'Non enregistré : {message}',
  'agreement.report.title': 'Accord inter-codeurs',
  'agreement.report.subtitle': '{unit} · {coders} · {articles}',
  'agreement.help.title': 'Comment Gloss calcule l’accord',
  'agreement.help.coded':
    'Un codeur a codé un article quand il l’a ouvert dans sa copie, ou qu’il y a au moins un passage. Les unités d’un article qu’un codeur n’a pas codé sont des données manquantes pour ce codeur, jamais « n’a pas donné le thème » ; les unités qui ont moins de deux valeurs de codeurs sont exclues, et comptées ci-dessus.',
  'agreement.help.units':
    'Chaque thème est une variable oui/non par unité : un codeur l’a donné quand un de ses passages portant le thème touche un caractère non blanc de l’unité. Les paragraphes sont ceux de l’article ; les phrases sont découpées selon les règles françaises et anglaises de Gloss. Au niveau des caractères, Gloss compare où commencent et finissent les passages du thème de chaque codeur (alpha de découpage).',
  'agreement.help.coefficients':
    'Pourcentage d’accord : la part des paires de codeurs qui ont donné la même valeur à une unité. κ de Fleiss : sur les unités que tous les codeurs choisis ont codées. α de Krippendorff (nominal) : sur les unités codées par au moins deux codeurs. κ de Cohen : pour chaque paire, sur les unités codées par les deux.',
} as const satisfies Record<keyof typeof agreementEn | keyof typeof AGREEMENT_MESSAGES_EN, string>
