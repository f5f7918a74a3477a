import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from './codebook'
import {
  addTheme,
  CodebookError,
  countByTheme,
  deleteTheme,
  importCodebook,
  mergeThemes,
  moveTheme,
  newThemeId,
  passagesLeftUntagged,
  renumberKeys,
  sortThemeIds,
  themeFieldsProblem,
  themeSlug,
  updateTheme,
} from './codebook-ops'
import {
  applyEdit,
  applyEdits,
  EditError,
  editSchema,
  invertEdit,
  makePassage,
  type Edit,
} from './edits'
import {
  findSessionProblems,
  MAX_THEMES,
  sessionSchema,
  type Passage,
  type Session,
  type Theme,
} from './schema'

const T0 = '2025-01-01T09:00:00.000Z'
const T1 = '2025-01-02T10:00:00.000Z'
const T2 = '2025-01-03T11:00:00.000Z'

const TEXT = 'Croissance rapide. Une culture du secret. La sécurité pratique. Le chaos.'

function passage(word: string, id: string, themeIds: string[]): Passage {
  const start = TEXT.indexOf(word)
  if (start < 0) throw new Error(`no ${word}`)
  return makePassage(TEXT, {
    id,
    start,
    end: start + word.length,
    themeIds,
    author: 'ana',
    now: T0,
  })
}

/** growth+culture, culture only, secrecy+safety, culture+growth+safety. */
function session(): Session {
  return {
    schemaVersion: 1,
    id: 's1',
    createdAt: T0,
    updatedAt: T0,
    document: { title: 'A', sourceFileName: 'a.txt', text: TEXT, sha256: 'a'.repeat(64) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages: [
      passage('Croissance rapide', 'p1', ['growth', 'culture']),
      passage('Une culture', 'p2', ['culture']),
      passage('du secret', 'p3', ['secrecy', 'safety']),
      passage('Le chaos', 'p4', ['growth', 'culture', 'safety']),
    ],
    ui: { scrollTop: 0 },
  }
}

const seq = (...xs: string[]) => {
  let i = 0
  return () => xs[i++ % xs.length]!
}
const themesOf = (s: Session, id: string) => s.passages.find((p) => p.id === id)!.themeIds
const keys = (s: Pick<Session, 'codebook'>) => s.codebook.map((t) => `${t.key}:${t.name}`)

/** Applies an edit, checks the result is a valid session, and that its inverse undoes it exactly. */
function applyChecked(before: Session, edit: Edit): Session {
  expect(editSchema.safeParse(edit).success).toBe(true)
  const inverse = invertEdit(before, edit)
  const after = applyEdit(before, edit, T1)
  expect(sessionSchema.safeParse(after).success).toBe(true)
  expect(findSessionProblems(after)).toEqual([])
  expect(applyEdit(after, inverse, T2)).toEqual({ ...before, updatedAt: T2 })
  return after
}

describe('addTheme', () => {
  it('adds a theme last with the next key, a fresh id from its name, trimmed fields', () => {
    const s = session()
    const { edit, theme } = addTheme(
      s,
      { name: '  Leadership ', colour: '#112233', description: ' Who leads. ' },
      { now: T1, random: seq('abc123') },
    )
    expect(theme).toEqual({
      id: 'leadership-abc123',
      name: 'Leadership',
      colour: '#112233',
      key: '5',
      description: 'Who leads.',
    })
    expect(edit.passages).toEqual([])
    const after = applyChecked(s, edit)
    expect(keys(after)).toEqual(['1:Growth', '2:Culture', '3:Secrecy', '4:Safety', '5:Leadership'])
    expect(after.passages).toEqual(s.passages)
  })

  it('inserts at a chosen key and moves the later themes one key down', () => {
    const { edit } = addTheme(s0(), { name: 'Risque', colour: '#000000' }, { position: 1, now: T1 })
    expect(keys(applyChecked(s0(), edit))).toEqual([
      '1:Growth',
      '2:Risque',
      '3:Culture',
      '4:Secrecy',
      '5:Safety',
    ])
    expect(edit.codebook[1]).not.toHaveProperty('description')
  })

  it('adds a tenth theme without a key, and refuses one past MAX_THEMES', () => {
    let s = session()
    for (let i = 5; i <= 10; i++)
      s = applyEdit(s, addTheme(s, { name: `T${i}`, colour: '#000000' }, { now: T1 }).edit, T1)
    expect(s.codebook).toHaveLength(10)
    expect(s.codebook.map((t) => t.key)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      undefined,
    ])
    const full = {
      codebook: Array.from({ length: MAX_THEMES }, (_, i) => ({
        id: `t${i}`,
        name: `T${i}`,
        colour: '#000000',
      })),
    }
    const more = () => addTheme(full, { name: 'One more', colour: '#000000' }, { now: T1 })
    expect(more).toThrow(CodebookError)
    expect(more).toThrow(/at most 2000 themes/)
  })

  it('refuses blank, duplicate (any case), reserved and too long names, bad colours and long descriptions', () => {
    const cb = DEFAULT_CODEBOOK
    expect(themeFieldsProblem({ name: '  ', colour: '#000000' }, cb)).toBe('name-empty')
    expect(themeFieldsProblem({ name: ' secrecy ', colour: '#000000' }, cb)).toBe('name-taken')
    expect(themeFieldsProblem({ name: 'Note', colour: '#000000' }, cb)).toBe('name-reserved')
    expect(themeFieldsProblem({ name: 'x'.repeat(201), colour: '#000000' }, cb)).toBe(
      'name-too-long',
    )
    expect(themeFieldsProblem({ name: 'x'.repeat(200), colour: '#000000' }, cb)).toBeNull()
    expect(themeFieldsProblem({ name: 'Ok', colour: 'red' }, cb)).toBe('colour')
    expect(themeFieldsProblem({ name: 'Ok', colour: '#12345' }, cb)).toBe('colour')
    expect(
      themeFieldsProblem({ name: 'Ok', colour: '#000000', description: 'd'.repeat(1001) }, cb),
    ).toBe('description-too-long')
    expect(() => addTheme(session(), { name: 'GROWTH', colour: '#000000' }, { now: T1 })).toThrow(
      expect.objectContaining({ problem: 'name-taken' }),
    )
  })
})

function s0() {
  return session()
}

describe('theme ids', () => {
  it('slugs names to ASCII ids', () => {
    expect(themeSlug('Sécurité & IA')).toBe('securite-ia')
    expect(themeSlug('安全')).toBe('')
    expect(themeSlug('x'.repeat(80))).toHaveLength(40)
    expect(newThemeId('安全', [], seq('zzzzzz'))).toBe('theme-zzzzzz')
  })

  it('never returns a taken id, and random ids do not repeat', () => {
    expect(newThemeId('Growth', ['growth-aaaaaa'], seq('aaaaaa', 'bbbbbb'))).toBe('growth-bbbbbb')
    const ids = new Set(Array.from({ length: 2000 }, () => newThemeId('Growth', [])))
    expect(ids.size).toBe(2000)
  })

  it('does not give a deleted theme’s id to a new theme of the same name', () => {
    let s = session()
    const { edit, theme } = addTheme(s, { name: 'Leadership', colour: '#000000' }, { now: T1 })
    s = applyEdit(s, edit, T1)
    s = applyEdit(s, deleteTheme(s, theme.id, T1), T1)
    const again = addTheme(s, { name: 'Leadership', colour: '#000000' }, { now: T1 }).theme
    expect(again.id).not.toBe(theme.id)
    // Nor one of the defaults, deleted: "growth" is never made again.
    const noGrowth = applyEdit(session(), deleteTheme(session(), 'growth', T1), T1)
    expect(addTheme(noGrowth, { name: 'Growth', colour: '#000000' }, { now: T1 }).theme.id).toMatch(
      /^growth-[0-9a-z]{6}$/,
    )
  })
})

describe('updateTheme', () => {
  it('renames, recolours and describes a theme; id, key and passages stay', () => {
    const s = session()
    const edit = updateTheme(s, 'secrecy', {
      name: 'Confidentiality',
      colour: '#abcdef',
      description: 'Leaks.',
    })
    expect(edit.passages).toEqual([])
    const after = applyChecked(s, edit)
    expect(after.codebook[2]).toEqual({
      id: 'secrecy',
      name: 'Confidentiality',
      colour: '#abcdef',
      key: '3',
      description: 'Leaks.',
    })
    expect(after.passages).toEqual(s.passages)
  })

  it('lets a theme change the case of its own name, and clears an emptied description', () => {
    const edit = updateTheme(session(), 'growth', {
      name: 'GROWTH',
      colour: '#009E73',
      description: '',
    })
    expect(edit.codebook[0]).toEqual({ id: 'growth', name: 'GROWTH', colour: '#009E73', key: '1' })
  })

  it('refuses an unknown theme and a name another theme has', () => {
    expect(() => updateTheme(session(), 'ghost', { name: 'X', colour: '#000000' })).toThrow(
      /no such theme/,
    )
    expect(() => updateTheme(session(), 'growth', { name: 'Safety', colour: '#000000' })).toThrow(
      CodebookError,
    )
  })
})

describe('moveTheme', () => {
  it('moves a theme and renumbers keys; passages are not changed', () => {
    const s = session()
    const edit = moveTheme(s, 'safety', 0, T1)
    const after = applyChecked(s, edit)
    expect(keys(after)).toEqual(['1:Safety', '2:Growth', '3:Culture', '4:Secrecy'])
    // Only the order changed: the passages were not edited.
    expect(after.passages).toEqual(s.passages)
    expect(edit.passages).toEqual([])
  })

  it('clamps the target and leaves a move in place without passage changes', () => {
    const s = session()
    expect(keys(applyChecked(s, moveTheme(s, 'growth', 99, T1)))).toEqual([
      '1:Culture',
      '2:Secrecy',
      '3:Safety',
      '4:Growth',
    ])
    expect(moveTheme(s, 'growth', -5, T1)).toEqual({
      type: 'setCodebook',
      codebook: s.codebook,
      passages: [],
    })
  })
})

describe('mergeThemes', () => {
  it('replaces Culture by Growth on every passage, once, keeping the other themes', () => {
    const s = session()
    const edit = mergeThemes(s, 'culture', 'growth', T1)
    const after = applyChecked(s, edit)
    expect(keys(after)).toEqual(['1:Growth', '2:Secrecy', '3:Safety'])
    expect(themesOf(after, 'p1')).toEqual(['growth'])
    expect(themesOf(after, 'p2')).toEqual(['growth'])
    expect(themesOf(after, 'p3')).toEqual(['secrecy', 'safety'])
    expect(themesOf(after, 'p4')).toEqual(['growth', 'safety'])
    expect(after.passages).toHaveLength(4)
    expect(after.passages.find((p) => p.id === 'p3')!.updatedAt).toBe(T0)
    expect(after.passages.find((p) => p.id === 'p2')!.updatedAt).toBe(T1)
  })

  it('refuses merging a theme into itself or into an unknown theme', () => {
    expect(() => mergeThemes(session(), 'growth', 'growth', T1)).toThrow(
      expect.objectContaining({ problem: 'same-theme' }),
    )
    expect(() => mergeThemes(session(), 'growth', 'ghost', T1)).toThrow(CodebookError)
  })
})

describe('deleteTheme', () => {
  it('removes the theme from the codebook and the passages; untagged passages stay', () => {
    const s = session()
    expect(passagesLeftUntagged(s.passages, 'culture')).toBe(1)
    const after = applyChecked(s, deleteTheme(s, 'culture', T1))
    expect(keys(after)).toEqual(['1:Growth', '2:Secrecy', '3:Safety'])
    expect(after.passages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4'])
    expect(themesOf(after, 'p2')).toEqual([])
    expect(themesOf(after, 'p1')).toEqual(['growth'])
    expect(themesOf(after, 'p4')).toEqual(['growth', 'safety'])
    expect(countByTheme(after.passages)).toEqual(
      new Map([
        ['growth', 2],
        ['secrecy', 1],
        ['safety', 2],
      ]),
    )
  })

  it('keeps at least one theme', () => {
    let s = session()
    for (const id of ['growth', 'culture', 'secrecy']) s = applyEdit(s, deleteTheme(s, id, T1), T1)
    expect(() => deleteTheme(s, 'safety', T1)).toThrow(
      expect.objectContaining({ problem: 'last-theme' }),
    )
  })
})

describe('setCodebook edits are checked', () => {
  const cb = DEFAULT_CODEBOOK.map((t) => ({ ...t }))
  const set = (
    codebook: Theme[],
    passages: Extract<Edit, { type: 'setCodebook' }>['passages'] = [],
  ) => ({ type: 'setCodebook', codebook, passages }) as const

  it('refuses repeated ids, keys or names and blank names', () => {
    const dupId = cb.map((t, i) => (i === 1 ? { ...t, id: 'growth' } : t))
    const dupKey = cb.map((t, i) => (i === 1 ? { ...t, key: '1' } : t))
    const dupName = cb.map((t, i) => (i === 1 ? { ...t, name: ' growth' } : t))
    const blank = cb.map((t, i) => (i === 1 ? { ...t, name: '  ' } : t))
    const s = session()
    expect(() => applyEdit(s, set(dupId), T1)).toThrow(/duplicate theme ids/)
    expect(() => applyEdit(s, set(dupKey), T1)).toThrow(/duplicate theme keys/)
    expect(() => applyEdit(s, set(dupName), T1)).toThrow(/duplicate theme names/)
    expect(() => applyEdit(s, set(blank), T1)).toThrow(/blank/)
  })

  it('refuses to drop a theme that passages still use, unknown passages and repeats', () => {
    const s = session()
    expect(() => applyEdit(s, set(cb.slice(0, 3)), T1)).toThrow(/unknown theme safety/)
    const p = { id: 'ghost', themeIds: [], updatedAt: T1 }
    expect(() => applyEdit(s, set(cb, [p]), T1)).toThrow(EditError)
    expect(() => invertEdit(s, set(cb, [p]))).toThrow(/no passage ghost/)
    const twice = { id: 'p1', themeIds: ['growth'], updatedAt: T1 }
    expect(() => applyEdit(s, set(cb, [twice, twice]), T1)).toThrow(/changed twice/)
    const rep = { id: 'p1', themeIds: ['growth', 'growth'], updatedAt: T1 }
    expect(() => applyEdit(s, set(cb, [rep]), T1)).toThrow(/listed twice/)
  })

  it('rejects by schema codebooks of 0 or more than MAX_THEMES themes and bad colours', () => {
    const ten = Array.from({ length: MAX_THEMES + 1 }, (_, i) => ({
      id: `t${i}`,
      name: `T${i}`,
      colour: '#000000',
    }))
    expect(editSchema.safeParse(set([])).success).toBe(false)
    expect(editSchema.safeParse(set(ten)).success).toBe(false)
    expect(editSchema.safeParse(set([{ ...cb[0]!, colour: 'green' }])).success).toBe(false)
    expect(editSchema.safeParse(set([{ ...cb[0]!, description: 'd'.repeat(1001) }])).success).toBe(
      false,
    )
    expect(editSchema.safeParse(set(cb)).success).toBe(true)
  })
})

describe('importCodebook', () => {
  it('merges by name, case-insensitively: ids stay, colour, description and place follow the file', () => {
    const s = session()
    const plan = importCodebook(
      s,
      [
        { name: 'SAFETY', colour: '#111111', description: 'Risk.', key: '1' },
        { name: 'Leadership', colour: '#222222', description: '', key: '2' },
        { name: 'growth', colour: '#333333', description: 'Scale.', key: '3' },
      ],
      { now: T1, random: seq('qqqqqq') },
    )
    expect(plan).toMatchObject({ added: 1, updated: 2 })
    const after = applyChecked(s, plan.edit!)
    expect(after.codebook).toEqual([
      { id: 'safety', name: 'Safety', colour: '#111111', key: '1', description: 'Risk.' },
      { id: 'leadership-qqqqqq', name: 'Leadership', colour: '#222222', key: '2' },
      { id: 'growth', name: 'Growth', colour: '#333333', key: '3', description: 'Scale.' },
      { ...DEFAULT_CODEBOOK[1]!, key: '4' },
      { ...DEFAULT_CODEBOOK[2]!, key: '5' },
    ])
    // A new order changes no passage.
    expect(themesOf(after, 'p4')).toEqual(['growth', 'culture', 'safety'])
  })

  it('takes the file’s order; keys the file gives that the order does not are kept as given', () => {
    const s = session()
    const plan = importCodebook(
      s,
      [
        { name: 'Zeta', colour: '#000000' },
        { name: 'Safety', colour: '#0072B2', key: '4' },
        { name: 'Alpha', colour: '#000000', key: '9' },
      ],
      { now: T1, random: seq('aaaaaa', 'bbbbbb') },
    )
    const after = applyChecked(s, plan.edit!)
    expect(keys(after)).toEqual([
      'undefined:Zeta',
      '4:Safety',
      '9:Alpha',
      '1:Growth',
      '2:Culture',
      '3:Secrecy',
    ])
    // No description column: descriptions stay.
    expect(after.codebook[1]!.description).toBe(DEFAULT_CODEBOOK[3]!.description)
  })

  it('changes nothing when the file is the codebook itself', () => {
    const rows = DEFAULT_CODEBOOK.map((t) => ({ ...t }))
    expect(importCodebook(session(), rows, { now: T1 })).toEqual({
      edit: null,
      added: 0,
      updated: 0,
    })
  })

  it('refuses a result of more than MAX_THEMES themes and repeated names', () => {
    const rows = Array.from({ length: MAX_THEMES - 3 }, (_, i) => ({
      name: `N${i}`,
      colour: '#000000',
    }))
    expect(() => importCodebook(session(), rows, { now: T1 })).toThrow(/at most 2000/)
    expect(() =>
      importCodebook(
        session(),
        [
          { name: 'A', colour: '#000000' },
          { name: 'a ', colour: '#000000' },
        ],
        { now: T1 },
      ),
    ).toThrow(CodebookError)
  })
})

describe('helpers', () => {
  it('renumberKeys and sortThemeIds follow codebook order', () => {
    const shuffled = [DEFAULT_CODEBOOK[2]!, DEFAULT_CODEBOOK[0]!]
    expect(renumberKeys(shuffled).map((t) => t.key)).toEqual(['1', '2'])
    expect(sortThemeIds(['x', 'safety', 'growth'], ['growth', 'safety'])).toEqual([
      'growth',
      'safety',
      'x',
    ])
  })
})

describe('any sequence of codebook changes', () => {
  type Op =
    | { kind: 'add'; name: string; colour: string; position: number }
    | { kind: 'update'; at: number; name: string; colour: string; description: string }
    | { kind: 'move'; at: number; to: number }
    | { kind: 'merge'; at: number; into: number }
    | { kind: 'delete'; at: number }
    | { kind: 'tag'; passage: number; at: number }

  const colour = fc
    .integer({ min: 0, max: 0xffffff })
    .map((n) => `#${n.toString(16).padStart(6, '0')}`)
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      name: fc.string({ minLength: 1, maxLength: 12 }),
      colour,
      position: fc.nat(10),
    }),
    fc.record({
      kind: fc.constant('update' as const),
      at: fc.nat(9),
      name: fc.string({ minLength: 1, maxLength: 12 }),
      colour,
      description: fc.string({ maxLength: 20 }),
    }),
    fc.record({
      kind: fc.constant('move' as const),
      at: fc.nat(9),
      to: fc.integer({ min: -1, max: 10 }),
    }),
    fc.record({ kind: fc.constant('merge' as const), at: fc.nat(9), into: fc.nat(9) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(9) }),
    fc.record({ kind: fc.constant('tag' as const), passage: fc.nat(3), at: fc.nat(9) }),
  )

  /** The edit for an op, or null when it does not apply (a CodebookError, as the UI would show). */
  function editFor(s: Session, op: Op): Edit | null {
    const cb = s.codebook
    const theme = (i: number) => cb[i % cb.length]!
    try {
      switch (op.kind) {
        case 'add':
          return addTheme(s, op, { position: op.position, now: T1 }).edit
        case 'update':
          return updateTheme(s, theme(op.at).id, op)
        case 'move':
          return moveTheme(s, theme(op.at).id, op.to, T1)
        case 'merge':
          return mergeThemes(s, theme(op.at).id, theme(op.into).id, T1)
        case 'delete':
          return deleteTheme(s, theme(op.at).id, T1)
        case 'tag': {
          const p = s.passages[op.passage]!
          const id = theme(op.at).id
          if (p.themeIds.includes(id)) return null
          const themeIds = sortThemeIds(
            [...p.themeIds, id],
            cb.map((t) => t.id),
          )
          return { type: 'putPassage', passage: { ...p, themeIds } }
        }
      }
    } catch (e) {
      if (e instanceof CodebookError) return null
      throw e
    }
  }

  it('keeps the session valid, keys following the order, passages all kept, and undoes exactly', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const start = session()
        let s = start
        const undo: Edit[] = []
        for (const op of ops) {
          const edit = editFor(s, op)
          if (!edit) continue
          const inverse = invertEdit(s, edit)
          const next = applyEdit(s, edit, T1)
          // invert ∘ apply = identity (the undo is stamped T2).
          expect(applyEdit(next, inverse, T2)).toEqual({ ...s, updatedAt: T2 })
          undo.push(inverse)
          s = next
          expect(sessionSchema.safeParse(s).success).toBe(true)
          expect(findSessionProblems(s)).toEqual([])
          expect(s.codebook.map((t) => t.key)).toEqual(
            s.codebook.map((_, i) => (i < 9 ? String(i + 1) : undefined)),
          )
          expect(s.passages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4'])
          // Edits survive the trip through IPC (JSON) unchanged.
          expect(editSchema.parse(JSON.parse(JSON.stringify(edit)))).toEqual(edit)
        }
        const restored = applyEdits(s, undo.reverse(), T2)
        expect(restored).toEqual({ ...start, updatedAt: restored.updatedAt })
      }),
      { numRuns: 300 },
    )
  })
})
