// Sources of the PDF reader's fixtures, written as flat ODF text (.fodt) that
// LibreOffice turns into PDFs at test time (office-fixtures.ts): a French
// article about a company's culture laid out like a newspaper page (title,
// running header, page numbers in the footer, a two-column section, soft
// hyphens that break words at line ends), a page holding nothing but an
// image (what a scan looks like), and a long generated report for timing.
// Sources only: nothing here reads or writes a file.
import { deflateSync } from 'node:zlib'

/** Paragraph styles of the fixtures (see STYLES). */
export type FodtStyle = 'Title' | 'Byline' | 'Body' | 'Indented' | 'Heading'

export interface FodtBlock {
  style: FodtStyle
  /** The paragraph's text; `~` marks a soft hyphen (U+00AD), where LibreOffice may break the word. */
  text: string
}

export interface FodtSection {
  /** 1 or 2 columns. */
  columns: 1 | 2
  blocks: FodtBlock[]
}

export interface FodtArticle {
  title: string
  author: string
  /** Running header, on every page. */
  header: string
  sections: FodtSection[]
}

/**
 * The text a reader should give for a block: soft hyphen marks removed,
 * ligature characters spelled out (the article writes one, "ﬂexibilité", as
 * text pasted from another PDF does).
 */
export function plainText(text: string): string {
  return text.replaceAll('~', '').replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`)
}

function paragraphXml(block: FodtBlock): string {
  return `<text:p text:style-name="${block.style}">${escapeXml(block.text).replaceAll('~', '\u00AD')}</text:p>`
}

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ')

const STYLES = `
<office:font-face-decls>
  <style:font-face style:name="DejaVu Sans" svg:font-family="&apos;DejaVu Sans&apos;" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
  <style:default-style style:family="paragraph">
    <style:paragraph-properties fo:line-height="125%"/>
    <style:text-properties style:font-name="DejaVu Sans" fo:font-size="12pt" fo:language="fr" fo:country="FR"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Title" style:family="paragraph">
    <style:paragraph-properties fo:margin-bottom="0.3cm"/>
    <style:text-properties fo:font-size="20pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Byline" style:family="paragraph">
    <style:paragraph-properties fo:margin-bottom="0.4cm"/>
    <style:text-properties fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Body" style:family="paragraph">
    <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.25cm"/>
  </style:style>
  <style:style style:name="Indented" style:family="paragraph">
    <style:paragraph-properties fo:text-align="justify" fo:text-indent="0.6cm" fo:margin-top="0cm" fo:margin-bottom="0cm"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph">
    <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>
    <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph">
    <style:paragraph-properties fo:text-align="center"/>
    <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph">
    <style:paragraph-properties fo:text-align="center"/>
    <style:text-properties fo:font-size="9pt"/>
  </style:style>
</office:styles>
<office:automatic-styles>
  <style:page-layout style:name="Page">
    <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
    <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
    <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="Columns" style:family="section">
    <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties>
  </style:style>
</office:automatic-styles>`

/** The page style: a running header and the page number in the footer, or neither. */
function masterStyles(header: string | null): string {
  const furniture =
    header === null
      ? ''
      : `
    <style:header><text:p text:style-name="Header">${escapeXml(header)}</text:p></style:header>
    <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>`
  return `
<office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="Page">${furniture}
  </style:master-page>
</office:master-styles>`
}

function documentXml(meta: string, header: string | null, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>${meta}</office:meta>
${STYLES}
${masterStyles(header)}
<office:body><office:text>
${body}
</office:text></office:body>
</office:document>
`
}

/** A flat ODF text document of the article (title and author in its properties). */
export function articleFodt(article: FodtArticle): string {
  let sectionCount = 0
  const body = article.sections
    .map((section) => {
      const paragraphs = section.blocks.map(paragraphXml).join('\n')
      if (section.columns === 1) return paragraphs
      sectionCount++
      return `<text:section text:style-name="Columns" text:name="Columns${sectionCount}">\n${paragraphs}\n</text:section>`
    })
    .join('\n')
  const meta = `
  <dc:title>${escapeXml(article.title)}</dc:title>
  <meta:initial-creator>${escapeXml(article.author)}</meta:initial-creator>
  <dc:creator>${escapeXml(article.author)}</dc:creator>
  <dc:language>fr-FR</dc:language>
`
  return documentXml(meta, article.header, body)
}

/** The article's blocks in reading order, as a reader should give them (soft hyphens removed). */
export function articleBlocks(article: FodtArticle): string[] {
  return article.sections.flatMap((s) => s.blocks.map((b) => plainText(b.text)))
}

/**
 * The article: a title and a byline, three full-width paragraphs separated
 * by space, a full-width heading above a two-column section whose paragraphs
 * are told apart by a first-line indent only, then a full-width conclusion.
 */
export const CULTURE_ARTICLE: FodtArticle = {
  title: 'Chez Verdane, la culture d’entreprise à l’épreuve du terrain',
  author: 'Claire Dubois',
  header: 'Le Journal — 12 mars 2025',
  sections: [
    {
      columns: 1,
      blocks: [
        { style: 'Title', text: 'Chez Verdane, la culture d’entreprise à l’épreuve du terrain' },
        { style: 'Byline', text: 'Par Claire Dubois, à Lyon' },
        {
          style: 'Body',
          text: 'Depuis trois ans, la société lyonnaise Verdane, spécialisée dans la logis~tique ur~baine, répète à qui veut l’entendre que sa culture d’entreprise est son premier atout. Les affiches du siège parlent de con~fiance, de trans~pa~rence et de res~pon~sa~bi~lité partagée. Mais que disent vraiment les salariés, une fois les portes des salles de réunion refermées ? Pendant six semaines, nous avons rencontré une quarantaine d’entre eux, des chauffeurs aux ingé~nieurs, pour com~prendre ce que recouvrent ces mots affichés sur les murs.',
        },
        {
          style: 'Body',
          text: 'La direction ne cache pas ses ambitions. « Nous voulons être l’entreprise où l’on reste, pas celle que l’on quitte », résume sa porte-parole, Inès Marchal, qui insiste sur le bien-être au travail et sur la ﬂexi~bi~lité des horaires. Les chiffres officiels lui donnent en partie raison : le taux de rotation du personnel a baissé de moitié en deux ans, et l’absen~téisme recule dans presque tous les entrepôts de la région.',
        },
        {
          style: 'Body',
          text: 'Le cabinet de conseil londonien de renom dirigé par Margaret French-Owen, qui accompagne Verdane depuis 2022, parle d’une « trans~for~ma~tion patiente ». Selon elle, la réussite tient moins aux discours qu’à une série de petites décisions concrètes : des réunions plus courtes, des responsables d’équipe formés à l’écoute, et une commu~ni~ca~tion interne qui accepte enfin les mauvaises nouvelles sans chercher de coupable.',
        },
        { style: 'Heading', text: 'Deux équipes, deux regards' },
      ],
    },
    {
      columns: 2,
      blocks: [
        {
          style: 'Indented',
          text: 'Au dépôt de Vénissieux, l’ambiance est studieuse dès six heures du matin. Les chauffeurs consultent leurs tournées sur des tablettes, échangent quelques mots avec le chef d’équipe et partent sans préci~pi~ta~tion. « Avant, on nous donnait les ordres par haut-parleur, se souvient Karim, quinze ans de maison. Aujourd’hui, on discute des itinéraires la veille, et ça change tout. » La réflexion collective sur les tournées a réduit les kilomètres parcourus et, surtout, la fatigue des équipes.',
        },
        {
          style: 'Indented',
          text: 'Tout n’est pas rose pour autant. Plusieurs chauffeurs regrettent que les nouvelles règles aient été conçues au siège, loin des contraintes de la route. « On nous demande notre avis, mais la décision est déjà prise », glisse une jeune livreuse arrivée l’an dernier. Le bien-être promis par les affiches se heurte parfois à la réalité des embouteillages, des colis trop lourds et des clients pressés.',
        },
        {
          style: 'Indented',
          text: 'Au siège, l’équipe informatique vit une autre histoire. Les dévelop~peurs y travaillent en petits groupes autonomes, choisissent leurs outils et organisent eux-mêmes leurs priorités. Margaret French-Owen cite volontiers leur exemple : « Ils ont compris que la confiance se construit par la preuve, pas par le slogan. » Les réunions du lundi, autrefois interminables, durent désormais vingt minutes, debout, devant un tableau couvert de notes.',
        },
        {
          style: 'Indented',
          text: 'Cette autonomie a un prix. Certains salariés disent se sentir seuls face à des choix qui les dépassent, et réclament davantage d’accom~pa~gne~ment. La direction a répondu en créant un programme de mentorat : chaque nouvel arrivant est suivi pendant six mois par un collègue expérimenté, qui n’est pas son supérieur hiérar~chique. L’initiative est unanimement saluée, même par les plus sceptiques.',
        },
        {
          style: 'Indented',
          text: 'Entre ces deux mondes, les passerelles restent rares. Les chauffeurs connaissent mal le siège, et les ingénieurs n’ont souvent jamais vu un entrepôt à l’aube. Pour y remédier, Verdane organise depuis l’automne des journées d’immersion : un dévelop~peur accompagne une tournée, un chauffeur assiste à une réunion de conception. Les premiers retours sont encoura~geants, même si l’exercice reste rare faute de temps.',
        },
        {
          style: 'Indented',
          text: 'Le télétravail cristallise aussi les tensions. Ouvert aux fonctions de bureau deux jours par semaine, il reste par définition inaccessible aux équipes de terrain. « On ne peut pas livrer depuis son salon », ironise un chef de quai. La direction étudie des compensations, comme des horaires plus souples ou des jours de repos supplé~men~taires, sans avoir encore tranché.',
        },
        {
          style: 'Indented',
          text: 'Reste la question des salaires, que la culture d’entreprise ne saurait faire oublier. Les négociations annuelles ont abouti à une hausse modeste, jugée insuffisante par les syndicats au regard de l’inflation. Pour Margaret French-Owen, le sujet est central : « Une culture de confiance ne survit pas longtemps à un sentiment d’injustice. » Le message semble avoir été entendu, puisque la direction promet une nouvelle grille avant l’été.',
        },
        {
          style: 'Indented',
          text: 'Dans les entrepôts comme au siège, une même attente revient : que les valeurs affichées se traduisent en gestes visibles. Les salariés ne demandent pas de grands discours, mais des décisions expliquées, des promesses tenues et un droit à l’erreur qui vaille pour tous, du stagiaire au directeur général. C’est à cette aune, disent-ils, qu’ils jugeront les prochaines années.',
        },
      ],
    },
    {
      columns: 1,
      blocks: [
        { style: 'Heading', text: 'Une culture qui se mesure' },
        {
          style: 'Body',
          text: 'Pour suivre ses progrès, Verdane a mis en place un baromètre interne, rempli chaque trimestre de façon anonyme. Les résultats sont publiés sans retouche sur l’intranet, y compris lorsqu’ils sont mauvais. Au dernier trimestre, la satis~fac~tion globale atteignait soixante-douze pour cent, en hausse de huit points, mais la confiance envers la direction générale reculait légèrement chez les chauffeurs.',
        },
        {
          style: 'Body',
          text: 'Ce baromètre a ses limites, reconnaît Inès Marchal. Les questions évoluent d’une année à l’autre, le taux de réponse varie selon les sites, et les chiffres disent peu de choses des raisons profondes d’un malaise. La direction prévoit donc de compléter l’enquête par des entretiens individuels, menés par un organisme indépendant, afin d’entendre ce que les cases à cocher ne permettent pas d’exprimer.',
        },
        {
          style: 'Body',
          text: 'D’autres entreprises de la région observent l’expérience avec intérêt. Plusieurs dirigeants ont déjà rendu visite au siège pour s’en inspirer, et une fédération profes~sion~nelle envisage de publier un guide à partir du cas Verdane. Mais tous le reconnaissent, les plus enthousiastes eux-mêmes : une culture ne se copie pas. Elle se construit lentement, au fil des décisions de chaque jour, et se perd bien plus vite qu’elle ne se gagne.',
        },
        {
          style: 'Body',
          text: 'À Vénissieux, Karim résume à sa manière le chemin parcouru et celui qui reste à faire. « On nous écoute plus qu’avant, c’est vrai. Maintenant, il faut que ça se voie sur la fiche de paie et sur le planning. » Une phrase que la direction, dit-on, a fait afficher dans la salle du conseil.',
        },
      ],
    },
  ],
}

/**
 * A long report for timing: the article's sections `copies` times over
 * (each copy under its own numbered heading), about 2.3 pages a copy.
 */
export function longArticle(copies: number): FodtArticle {
  const sections: FodtSection[] = []
  for (let i = 1; i <= copies; i++) {
    const [first, ...rest] = CULTURE_ARTICLE.sections
    sections.push({
      columns: 1,
      blocks: [
        { style: 'Heading', text: `Partie ${i} : ce que disent les salariés` },
        ...first!.blocks.filter((b) => b.style === 'Body' || b.style === 'Heading'),
      ],
    })
    sections.push(...rest)
  }
  return { ...CULTURE_ARTICLE, title: 'Rapport annuel sur la culture d’entreprise', sections }
}

// ------------------------------------------------------------------ a scan

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/**
 * A grey page image that looks like a scanned page of text from afar: dark
 * bars where lines of text would be (a PNG, 8-bit greyscale).
 */
export function scannedPagePng(width = 300, height = 420): Uint8Array {
  const rows: number[] = []
  for (let y = 0; y < height; y++) {
    rows.push(0) // filter: none
    const inLine = y > 30 && y < height - 30 && y % 12 < 6
    for (let x = 0; x < width; x++) {
      const ink = inLine && x > 25 && x < width - 25 - ((y * 7) % 60) && (x * 13 + y) % 29 > 4
      rows.push(ink ? 40 : 235)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8 bits, greyscale, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', new Uint8Array(0)),
  ])
}

/** A document of two pages that hold nothing but a picture of a page: what a scan without OCR is. */
export function scannedFodt(): string {
  const png = Buffer.from(scannedPagePng()).toString('base64')
  const page = `<text:p text:style-name="Standard"><draw:frame draw:name="Scan" text:anchor-type="as-char" svg:width="15cm" svg:height="21cm"><draw:image><office:binary-data>${png}</office:binary-data></draw:image></draw:frame></text:p>`
  return documentXml('<dc:title>Numérisation</dc:title>', null, `${page}\n${page}`)
}
