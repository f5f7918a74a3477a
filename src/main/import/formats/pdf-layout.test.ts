import { describe, expect, it } from 'vitest'
import {
  cleanLineText,
  expandLigatures,
  isPageNumber,
  joinLines,
  layoutPages,
  pageLines,
  type PageText,
  type TextPiece,
} from './pdf-layout'

// Made-up pages: text is 10 pt unless told, each character half the size wide.
const A4 = [0, 0, 595, 842] as const

function piece(text: string, x: number, y: number, size = 10, width?: number): TextPiece {
  return { text, transform: [size, 0, 0, size, x, y], width: width ?? text.length * size * 0.5 }
}

function page(pieces: TextPiece[]): PageText {
  return { view: A4, pieces }
}

interface Setting {
  x: number
  top: number
  width: number
  size?: number
  /** Baseline to baseline. */
  pitch?: number
  /** Extra space between paragraphs. */
  gap?: number
  /** First-line indent. */
  indent?: number
}

/**
 * Sets paragraphs given line by line into a column, top down: every line but
 * a paragraph's last is justified to the column's width. Returns the pieces
 * and the baseline below the last line.
 */
function typeset(paragraphs: string[][], s: Setting): { pieces: TextPiece[]; next: number } {
  const size = s.size ?? 10
  const pitch = s.pitch ?? 12
  const pieces: TextPiece[] = []
  let y = s.top
  for (const lines of paragraphs) {
    lines.forEach((text, i) => {
      const x = s.x + (i === 0 ? (s.indent ?? 0) : 0)
      const last = i === lines.length - 1
      pieces.push(piece(text, x, y, size, last ? undefined : s.x + s.width - x))
      y -= pitch
    })
    y -= s.gap ?? 0
  }
  return { pieces, next: y }
}

describe('pageLines', () => {
  it('joins the pieces of a line, with a space where the gap is a space wide', () => {
    const lines = pageLines(
      page([
        piece('Le', 100, 700),
        piece('Journal', 113, 700), // 3 pt after "Le" (ends at 110): a space
        piece('logis', 100, 688),
        piece('tique', 125, 688), // touching: one word
        piece('un', 100, 676),
        piece(' ', 110, 676, 10, 3), // a drawn space
        piece('deux', 113, 676),
      ]),
    ).lines.map((l) => l.text)
    expect(lines).toEqual(['Le Journal', 'logistique', 'un deux'])
  })

  it('keeps a raised note number on its line, and starts a line where drawing goes back left', () => {
    const lines = pageLines(
      page([
        piece('selon le rapport', 100, 700),
        piece('1', 180, 703, 6),
        piece('publié hier', 186, 700),
        piece('nouvelle ligne', 100, 688),
        piece('ici', 100, 688), // drawn over the start of the same baseline again
      ]),
    ).lines.map((l) => l.text)
    expect(lines).toEqual(['selon le rapport1 publié hier', 'nouvelle ligne', 'ici'])
  })

  it('leaves out a watermark drawn at an angle and a label up the margin', () => {
    const diagonal = Math.SQRT1_2 * 40
    const lines = pageLines(
      page([
        piece('Le texte de la page.', 100, 700),
        {
          text: 'CONFIDENTIEL',
          transform: [diagonal, diagonal, -diagonal, diagonal, 150, 300],
          width: 400,
        },
        { text: 'arXiv:2501.00001v1', transform: [0, 10, -10, 0, 30, 200], width: 90 },
        piece('Sa deuxième ligne.', 100, 688),
      ]),
    ).lines.map((l) => l.text)
    expect(lines).toEqual(['Le texte de la page.', 'Sa deuxième ligne.'])
  })

  it('reads a page whose text is all drawn a quarter turn round', () => {
    // Landscape text on a portrait page: each line goes up the page, lines follow rightwards.
    const up = (text: string, x: number, y: number): TextPiece => ({
      text,
      transform: [0, 10, -10, 0, x, y],
      width: text.length * 5,
    })
    const lines = pageLines(
      page([
        up('Première ligne', 100, 100),
        up('tournée', 100, 175),
        up('Deuxième ligne', 112, 100),
      ]),
    ).lines.map((l) => l.text)
    expect(lines).toEqual(['Première ligne tournée', 'Deuxième ligne'])
  })
})

describe('ligatures and clean text', () => {
  it('spells out the ligature characters and nothing else that NFKC would change', () => {
    expect(expandLigatures('ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ')).toBe('ff fi fl ffi ffl st st')
    expect(expandLigatures('la ﬁche, réﬂexion, eﬃcace')).toBe('la fiche, réflexion, efficace')
    // Compatibility characters other than ligatures stay as written.
    const others = 'x² ½ ｆ Å ™ ﬗ 12\u00A0%'
    expect(expandLigatures(others)).toBe(others)
    expect(others.normalize('NFKC')).not.toBe(others)
  })

  it('drops control characters and soft hyphens inside a line, keeps one at its end, collapses spaces', () => {
    expect(cleanLineText('  com\u00ADmu\u00ADni\u0007cation   interne\u00AD ')).toBe(
      'communication interne\u00AD',
    )
    expect(cleanLineText('a\tb\u00A0c')).toBe('a b\u00A0c')
  })
})

describe('joinLines: words broken at a line end', () => {
  const words = new Set(['eux-mêmes', 'well-known', 'organisation'])

  it('joins lines with a space when nothing is broken', () => {
    expect(joinLines('la culture', 'd’entreprise', words)).toBe('la culture d’entreprise')
    expect(joinLines('une pause —', 'puis la suite', words)).toBe('une pause — puis la suite')
    expect(joinLines('en 2024 -', 'et après', words)).toBe('en 2024 - et après')
  })

  it('mends a word broken by hyphenation', () => {
    expect(joinLines('la logis-', 'tique urbaine', words)).toBe('la logistique urbaine')
    expect(joinLines('une organi-', 'sation', words)).toBe('une organisation')
    expect(joinLines('des dévelop\u2010', 'peurs', words)).toBe('des développeurs')
  })

  it('always mends a word broken at a soft hyphen', () => {
    expect(joinLines('eux\u00AD', 'mêmes', words)).toBe('euxmêmes')
  })

  it('keeps the hyphen when a capital, a digit or a non-letter is on either side', () => {
    expect(joinLines('Margaret French-', 'Owen, qui', words)).toBe('Margaret French-Owen, qui')
    expect(joinLines('le COVID-', '19 recule', words)).toBe('le COVID-19 recule')
    expect(joinLines('les années 2020-', '2021', words)).toBe('les années 2020-2021')
    expect(joinLines('le vice-', 'Président', words)).toBe('le vice-Président')
  })

  it('keeps the hyphen of a compound the document writes hyphenated elsewhere', () => {
    expect(joinLines('organisent eux-', 'mêmes leurs priorités', words)).toBe(
      'organisent eux-mêmes leurs priorités',
    )
    expect(joinLines('a well-', 'known fact', words)).toBe('a well-known fact')
    // The same break, in a document that never writes "eux-mêmes": taken for hyphenation.
    expect(joinLines('organisent eux-', 'mêmes', new Set())).toBe('organisent euxmêmes')
  })
})

describe('isPageNumber', () => {
  it('knows the usual ways of numbering pages', () => {
    for (const text of [
      '3',
      '- 3 -',
      '— 12 —',
      'Page 3',
      'page 3 of 12',
      '3 / 12',
      '3 sur 12',
      'p. 7',
      'Seite 4',
      'iv',
      'xii',
    ])
      expect(isPageNumber(text), text).toBe(true)
  })

  it('does not take text with a number in it for one', () => {
    for (const text of [
      '3 juillet 2025',
      'Page de garde',
      '2025 en chiffres',
      'Le Journal',
      '3.',
      'Partie 2 : la suite',
    ])
      expect(isPageNumber(text), text).toBe(false)
  })
})

/** A page of body text (one column, 72 to 522) under a header and over a footer. */
function bodyPage(paragraphs: string[][], header: string | null, footer: string | null, size = 10) {
  const pieces: TextPiece[] = []
  if (header !== null) pieces.push(piece(header, 250, 800, 8))
  pieces.push(...typeset(paragraphs, { x: 72, top: 760, width: 450, gap: 6, size }).pieces)
  if (footer !== null) pieces.push(piece(footer, 290, 40, 8))
  return page(pieces)
}

describe('layoutPages: headers, footers and page numbers', () => {
  const SENTENCES = [
    ['Les chauffeurs consultent leurs', 'tournées sur des tablettes.'],
    ['Au siège, l’équipe informatique vit', 'une autre histoire.'],
    ['Cette autonomie a un prix pour', 'certains salariés.'],
    ['Entre ces deux mondes, les passerelles', 'restent rares.'],
    ['Le télétravail cristallise aussi', 'les tensions.'],
    ['Reste la question des salaires, que', 'rien ne fait oublier.'],
  ]
  const paragraph = (n: number) => [SENTENCES[n - 1]!]
  const expected = (count: number) => SENTENCES.slice(0, count).map((lines) => lines.join(' '))

  it('drops a header and a numbered footer that every page repeats', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      bodyPage(paragraph(n), 'Le Journal — 12 mars 2025', `Page ${n} / 4`),
    )
    expect(layoutPages(pages).blocks).toEqual(expected(4))
  })

  it('drops headers that alternate between even and odd pages, and lone page numbers', () => {
    const pages = [1, 2, 3, 4, 5, 6].map((n) =>
      bodyPage(paragraph(n), n % 2 ? 'Culture d’entreprise' : 'Rapport annuel 2024', String(n)),
    )
    expect(layoutPages(pages).blocks).toEqual(expected(6))
  })

  it('keeps what is at the top of one page only, and text repeated away from the edges', () => {
    const pages = [1, 2, 3].map((n) =>
      bodyPage(
        [...paragraph(n), ['Lire aussi notre dossier.']],
        n === 1 ? 'Édition spéciale' : null,
        null,
      ),
    )
    const [first, second, third] = expected(3)
    expect(layoutPages(pages).blocks).toEqual([
      'Édition spéciale',
      first,
      'Lire aussi notre dossier.',
      second,
      'Lire aussi notre dossier.',
      third,
      'Lire aussi notre dossier.',
    ])
  })

  it('keeps a running header of a two-page document (too few pages to tell) but drops its page numbers', () => {
    const pages = [1, 2].map((n) => bodyPage(paragraph(n), 'Le Journal', `- ${n} -`))
    const [first, second] = expected(2)
    expect(layoutPages(pages).blocks).toEqual(['Le Journal', first, 'Le Journal', second])
  })
})

describe('layoutPages: columns and paragraphs', () => {
  it('reads a full-width title, then the left column, then the right one', () => {
    const title = piece('Deux équipes, deux regards', 72, 780, 18)
    const left = typeset(
      [
        ['Au dépôt de Vénissieux, l’ambiance', 'est studieuse dès six heures du', 'matin.'],
        ['Tout n’est pas rose pour autant :', 'les chauffeurs'],
      ],
      { x: 72, top: 740, width: 210, indent: 10 },
    )
    // The right column goes on with the left one's last paragraph, then starts another.
    const goesOn = typeset([['regrettent que les règles soient', 'conçues au siège.']], {
      x: 312,
      top: 740,
      width: 210,
    })
    const right = typeset([['Au siège, l’équipe informatique', 'vit une autre histoire.']], {
      x: 312,
      top: goesOn.next,
      width: 210,
      indent: 10,
    })
    const layout = layoutPages([page([title, ...left.pieces, ...goesOn.pieces, ...right.pieces])])
    expect(layout.blocks).toEqual([
      'Deux équipes, deux regards',
      'Au dépôt de Vénissieux, l’ambiance est studieuse dès six heures du matin.',
      'Tout n’est pas rose pour autant : les chauffeurs regrettent que les règles soient conçues au siège.',
      'Au siège, l’équipe informatique vit une autre histoire.',
    ])
  })

  it('reads three columns left to right, and full-width text below them after them', () => {
    const columns = [72, 227, 382].map((x, i) =>
      typeset([[`Colonne ${i + 1}, première ligne`, `deuxième ligne`, `troisième ligne.`]], {
        x,
        top: 760,
        width: 140,
      }),
    )
    const below = typeset(
      [['Un paragraphe sur toute la largeur, sous les trois colonnes de', 'la page.']],
      {
        x: 72,
        top: 700,
        width: 450,
      },
    )
    // Drawn in a muddled order: the layout does not depend on it.
    const pieces = [
      ...below.pieces,
      ...columns[2]!.pieces,
      ...columns[0]!.pieces,
      ...columns[1]!.pieces,
    ]
    expect(layoutPages([page(pieces)]).blocks).toEqual([
      'Colonne 1, première ligne deuxième ligne troisième ligne.',
      'Colonne 2, première ligne deuxième ligne troisième ligne.',
      'Colonne 3, première ligne deuxième ligne troisième ligne.',
      'Un paragraphe sur toute la largeur, sous les trois colonnes de la page.',
    ])
  })

  it('reads a heading under the columns at the foot of a page after them, and a longer column whole', () => {
    const left = typeset(
      [['La colonne de gauche, sur trois', 'lignes, est plus longue que', 'l’autre.']],
      {
        x: 72,
        top: 200,
        width: 210,
      },
    )
    const right = typeset([['Celle de droite n’en a', 'que deux.']], {
      x: 312,
      top: 200,
      width: 210,
    })
    // Under the left column only, in larger type, with the text it heads on the next page.
    const heading = piece('Une culture qui se mesure', 72, 150, 12)
    const next = typeset([['Le texte qui suit le titre, sur toute', 'la largeur de la page.']], {
      x: 72,
      top: 760,
      width: 450,
      size: 10.5,
    })
    const pages = [page([...left.pieces, heading, ...right.pieces]), page(next.pieces)]
    expect(layoutPages(pages).blocks).toEqual([
      'La colonne de gauche, sur trois lignes, est plus longue que l’autre.',
      'Celle de droite n’en a que deux.',
      'Une culture qui se mesure',
      'Le texte qui suit le titre, sur toute la largeur de la page.',
    ])
  })

  it('starts a paragraph at a wider gap, at a first-line indent and at a change of size', () => {
    const heading = piece('Une culture qui se mesure', 72, 780, 14)
    const spaced = typeset(
      [['Premier paragraphe, séparé du suivant', 'par un blanc.'], ['Deuxième paragraphe.']],
      { x: 72, top: 760, width: 450, gap: 6 },
    )
    const indented = typeset(
      [['Troisième paragraphe, sans blanc mais', 'avec un retrait.'], ['Quatrième paragraphe.']],
      { x: 72, top: spaced.next, width: 450, indent: 15 },
    )
    expect(layoutPages([page([heading, ...spaced.pieces, ...indented.pieces])]).blocks).toEqual([
      'Une culture qui se mesure',
      'Premier paragraphe, séparé du suivant par un blanc.',
      'Deuxième paragraphe.',
      'Troisième paragraphe, sans blanc mais avec un retrait.',
      'Quatrième paragraphe.',
    ])
  })

  it('goes on with a paragraph over a page break, unless the page ended it', () => {
    const pages = [
      bodyPage([['Une phrase coupée par la fin de la', 'page se poursuit']], null, null),
      bodyPage([['sur la suivante. Une autre finit', 'sur une ligne courte.']], null, null),
      bodyPage([['Elle commence la page suivante.']], null, null),
      bodyPage([['Ligne pleine finie par un point, jusqu’au bout.']], null, null),
    ]
    // The last page's line fills its column: the paragraph is taken to go on.
    pages[2]!.pieces[0]!.width = 450
    const blocks = layoutPages(pages).blocks
    expect(blocks).toEqual([
      'Une phrase coupée par la fin de la page se poursuit sur la suivante. Une autre finit sur une ligne courte.',
      'Elle commence la page suivante. Ligne pleine finie par un point, jusqu’au bout.',
    ])
  })

  it('mends hyphenated words across lines, columns and pages', () => {
    const pages = [
      bodyPage(
        [['Les dévelop-', 'peurs et les ingénieurs eux-mêmes', 'organisent eux-']],
        null,
        null,
      ),
      bodyPage([['mêmes leurs priorités avec Margaret French-', 'Owen.']], null, null),
    ]
    expect(layoutPages(pages).blocks).toEqual([
      'Les développeurs et les ingénieurs eux-mêmes organisent eux-mêmes leurs priorités avec Margaret French-Owen.',
    ])
  })
})

describe('layoutPages: title', () => {
  it('takes a first line in clearly larger type for the title', () => {
    const pieces = [
      piece('Chez Verdane, la culture', 72, 780, 20),
      piece('à l’épreuve du terrain', 72, 756, 20),
      ...typeset([['Le corps du texte, en dix points,', 'sur deux lignes.']], {
        x: 72,
        top: 720,
        width: 450,
      }).pieces,
    ]
    expect(layoutPages([page(pieces)])).toEqual({
      title: 'Chez Verdane, la culture à l’épreuve du terrain',
      blocks: [
        'Chez Verdane, la culture à l’épreuve du terrain',
        'Le corps du texte, en dix points, sur deux lignes.',
      ],
    })
  })

  it('takes no title when the first lines are not clearly larger', () => {
    const pieces = [
      piece('Un intertitre à peine plus grand', 72, 780, 12),
      ...typeset([['Le corps du texte, en dix points,', 'sur deux lignes.']], {
        x: 72,
        top: 750,
        width: 450,
      }).pieces,
    ]
    expect(layoutPages([page(pieces)]).title).toBeUndefined()
  })
})
