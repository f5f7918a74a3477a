import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addGroup,
  addTheme,
  assignKey,
  deleteGroup,
  deleteTheme,
  hasPositionalKeys,
  importCodebook,
  mergeThemes,
  moveGroup,
  moveTheme,
  renameGroup,
  renumberKeys,
  resetKeys,
  setThemeGroup,
  updateTheme,
  CodebookError,
  type CodebookEdit,
  type CodebookState,
} from './codebook-ops'
import { blockOf, isGroupedInOrder, orderByGroup, themeSections } from './codebook-order'
import type { ThemeGroup } from './corpus'
import { findIndexProblems } from './corpus'
import { editSchema } from './edits'
import { findCodebookProblems, type Theme } from './schema'

const T1 = '2025-01-02T10:00:00.000Z'

const seq = (...xs: string[]) => {
  let i = 0
  return () => xs[i++ % xs.length]!
}

/** A codebook of `n` themes T0…T(n-1) with keys following the order. */
function themes(n: number, groupOf: (i: number) => string | undefined = () => undefined): Theme[] {
  return renumberKeys(
    Array.from({ length: n }, (_, i) => {
      const groupId = groupOf(i)
      return { id: `t${i}`, name: `T${i}`, colour: '#000000', ...(groupId && { groupId }) }
    }),
  )
}

/** Applies a codebook edit to a state, checking it as main does (index problems, schema). */
function apply(state: CodebookState, edit: CodebookEdit): Required<CodebookState> {
  expect(editSchema.safeParse(edit).success).toBe(true)
  const next = {
    codebook: edit.codebook,
    themeGroups: edit.themeGroups ?? state.themeGroups ?? [],
  }
  expect(findCodebookProblems(next.codebook, { strict: true })).toEqual([])
  expect(
    findIndexProblems({
      codebook: [...next.codebook],
      themeGroups: [...next.themeGroups],
      attributeDefs: [],
      articles: [],
    }),
  ).toEqual([])
  expect(isGroupedInOrder(next.codebook, next.themeGroups)).toBe(true)
  expect(edit.passages).toEqual([])
  return next
}

const names = (s: CodebookState) => s.codebook.map((t) => t.name)
const keyed = (s: CodebookState) => s.codebook.filter((t) => t.key).map((t) => `${t.key}:${t.name}`)

const G: ThemeGroup[] = [
  { id: 'g-people', name: 'People' },
  { id: 'g-money', name: 'Money' },
]

describe('the order of a grouped codebook', () => {
  it('puts the themes of no group first, then group by group, keeping the order within each', () => {
    const cb: Theme[] = [
      { id: 'a', name: 'A', colour: '#000000', groupId: 'g-money' },
      { id: 'b', name: 'B', colour: '#000000' },
      { id: 'c', name: 'C', colour: '#000000', groupId: 'g-people' },
      { id: 'd', name: 'D', colour: '#000000', groupId: 'g-money' },
      { id: 'e', name: 'E', colour: '#000000', groupId: 'gone' },
    ]
    expect(orderByGroup(cb, G).map((t) => t.id)).toEqual(['b', 'e', 'c', 'a', 'd'])
    expect(isGroupedInOrder(cb, G)).toBe(false)
    expect(isGroupedInOrder(orderByGroup(cb, G), G)).toBe(true)
    const sections = themeSections(cb, [...G, { id: 'g-empty', name: 'Empty' }])
    expect(sections.map((s) => [s.group?.name ?? null, s.themes.map((t) => t.id)])).toEqual([
      [null, ['b', 'e']],
      ['People', ['c']],
      ['Money', ['a', 'd']],
      ['Empty', []],
    ])
    const ordered = orderByGroup(cb, G)
    expect(blockOf(ordered, G, null)).toEqual([0, 2])
    expect(blockOf(ordered, G, 'g-people')).toEqual([2, 3])
    expect(blockOf(ordered, G, 'g-money')).toEqual([3, 5])
  })

  it('finds where an empty group would start', () => {
    const cb = orderByGroup(
      themes(4, (i) => (i < 2 ? undefined : 'g-money')),
      G,
    )
    expect(blockOf(cb, G, 'g-people')).toEqual([2, 2])
  })
})

describe('groups as edits', () => {
  it('adds, renames, moves and deletes a group; deleting keeps its themes, with no group', () => {
    let s: CodebookState = { codebook: themes(4), themeGroups: [] }
    const added = addGroup(s, ' People ', { random: seq('aaaaaa') })
    expect(added.group).toEqual({ id: 'people-aaaaaa', name: 'People' })
    s = apply(s, added.edit)
    s = apply(s, addGroup(s, 'Money', { random: seq('bbbbbb') }).edit)
    expect(s.themeGroups!.map((g) => g.name)).toEqual(['People', 'Money'])
    expect(() => addGroup(s, 'money')).toThrow(
      expect.objectContaining({ problem: 'group-name-taken' }),
    )
    expect(() => addGroup(s, '  ')).toThrow(
      expect.objectContaining({ problem: 'group-name-empty' }),
    )

    s = apply(s, setThemeGroup(s, 't0', 'money-bbbbbb'))
    s = apply(s, setThemeGroup(s, 't2', 'people-aaaaaa'))
    // No group first, then People, then Money; keys follow the new order.
    expect(names(s)).toEqual(['T1', 'T3', 'T2', 'T0'])
    expect(keyed(s)).toEqual(['1:T1', '2:T3', '3:T2', '4:T0'])

    s = apply(s, moveGroup(s, 'money-bbbbbb', 0))
    expect(s.themeGroups!.map((g) => g.name)).toEqual(['Money', 'People'])
    expect(names(s)).toEqual(['T1', 'T3', 'T0', 'T2'])

    s = apply(s, renameGroup(s, 'people-aaaaaa', 'Persons'))
    expect(s.themeGroups!.map((g) => g.name)).toEqual(['Money', 'Persons'])
    expect(() => renameGroup(s, 'people-aaaaaa', 'MONEY')).toThrow(CodebookError)

    s = apply(s, deleteGroup(s, 'money-bbbbbb'))
    expect(s.themeGroups!.map((g) => g.name)).toEqual(['Persons'])
    expect(names(s)).toEqual(['T1', 'T3', 'T0', 'T2'])
    expect(s.codebook.find((t) => t.id === 't0')).not.toHaveProperty('groupId')
    expect(() => deleteGroup(s, 'money-bbbbbb')).toThrow(
      expect.objectContaining({ problem: 'unknown-group' }),
    )
  })

  it('puts a group change in the edit only when the groups change', () => {
    const s: CodebookState = {
      codebook: themes(3, (i) => (i ? 'g-money' : undefined)),
      themeGroups: G,
    }
    expect(setThemeGroup(s, 't0', 'g-people')).not.toHaveProperty('themeGroups')
    expect(moveTheme(s, 't2', 1, T1)).not.toHaveProperty('themeGroups')
    expect(renameGroup(s, 'g-money', 'Cash').themeGroups).toEqual([
      G[0],
      { id: 'g-money', name: 'Cash' },
    ])
  })

  it('moves a theme only inside its group', () => {
    const s: CodebookState = {
      codebook: orderByGroup(
        themes(6, (i) => (i < 2 ? undefined : i < 4 ? 'g-people' : 'g-money')),
        G,
      ),
      themeGroups: G,
    }
    expect(names(apply(s, moveTheme(s, 't3', 0, T1)))).toEqual(['T0', 'T1', 'T3', 'T2', 'T4', 'T5'])
    expect(names(apply(s, moveTheme(s, 't2', 99, T1)))).toEqual([
      'T0',
      'T1',
      'T3',
      'T2',
      'T4',
      'T5',
    ])
    expect(names(apply(s, moveTheme(s, 't0', 5, T1)))).toEqual(['T1', 'T0', 'T2', 'T3', 'T4', 'T5'])
  })
})

describe('forty themes in six groups', () => {
  const groups = Array.from({ length: 6 }, (_, i) => ({ id: `g${i}`, name: `Group ${i}` }))
  const state = (): CodebookState => ({
    codebook: renumberKeys(
      orderByGroup(
        themes(40, (i) => (i < 4 ? undefined : `g${i % 6}`)),
        groups,
      ),
    ),
    themeGroups: groups,
  })

  it('adds a theme past the ninth without a key, and keys 1–9 stay on the first nine', () => {
    const s = state()
    const { edit, theme } = addTheme(
      s,
      { name: 'Forty-one', colour: '#123456' },
      { groupId: 'g3', now: T1, random: seq('zzzzzz') },
    )
    const after = apply(s, edit)
    expect(after.codebook).toHaveLength(41)
    expect(theme).not.toHaveProperty('key')
    expect(theme.groupId).toBe('g3')
    const [, end] = blockOf(after.codebook, groups, 'g3')
    expect(after.codebook[end - 1]!.id).toBe(theme.id)
    expect(hasPositionalKeys(after.codebook)).toBe(true)
  })

  it('gives key 7 to the 23rd theme, taking it from the 7th, and keys then stay put', () => {
    let s = state()
    const t23 = s.codebook[22]!
    const t7 = s.codebook[6]!
    s = apply(s, assignKey(s, t23.id, '7'))
    expect(s.codebook.find((t) => t.id === t23.id)!.key).toBe('7')
    expect(s.codebook.find((t) => t.id === t7.id)).not.toHaveProperty('key')
    expect(s.codebook.filter((t) => t.key)).toHaveLength(9)
    expect(hasPositionalKeys(s.codebook)).toBe(false)
    // A move no longer renumbers: every theme keeps its key.
    const before = new Map(s.codebook.map((t) => [t.id, t.key]))
    s = apply(s, moveTheme(s, s.codebook[1]!.id, 0, T1))
    s = apply(s, setThemeGroup(s, s.codebook[0]!.id, 'g5'))
    expect(new Map(s.codebook.map((t) => [t.id, t.key]))).toEqual(before)
    // A deletion takes its key with it; nothing else moves.
    const third = s.codebook.find((t) => t.key === '3')!
    s = apply(s, deleteTheme({ ...s, passages: [] }, third.id, T1))
    expect(s.codebook.filter((t) => t.key).map((t) => t.key)).toHaveLength(8)
    // Keys follow the order again on request.
    s = apply(s, resetKeys(s))
    expect(hasPositionalKeys(s.codebook)).toBe(true)
    expect(() => assignKey(s, t23.id, '0')).toThrow(expect.objectContaining({ problem: 'key' }))
    expect(() => assignKey(s, 'nope', '1')).toThrow(
      expect.objectContaining({ problem: 'unknown-theme' }),
    )
  })

  it('edits a theme’s name, group and key in one edit', () => {
    const s = state()
    const target = s.codebook[30]!
    const edit = updateTheme(
      s,
      target.id,
      { name: 'Renamed', colour: '#abcdef', description: 'New.' },
      { key: '2', groupId: null },
    )
    const after = apply(s, edit)
    const theme = after.codebook.find((t) => t.id === target.id)!
    expect(theme).toMatchObject({
      name: 'Renamed',
      colour: '#abcdef',
      key: '2',
      description: 'New.',
    })
    expect(theme).not.toHaveProperty('groupId')
    // The end of the themes of no group (4 of them before).
    expect(after.codebook.indexOf(theme)).toBe(4)
    expect(after.codebook.filter((t) => t.key === '2')).toHaveLength(1)
  })

  it('puts a new theme at the place of the key it asks for while keys follow the order', () => {
    const s = state()
    const { theme, edit } = addTheme(
      s,
      { name: 'Lead', colour: '#000000' },
      { key: '2', now: T1, random: seq('qqqqqq') },
    )
    const after = apply(s, edit)
    expect(after.codebook[1]!.id).toBe(theme.id)
    expect(theme.key).toBe('2')
    expect(hasPositionalKeys(after.codebook)).toBe(true)
    // A group far down: the theme goes to its group, and the key is given to it.
    const far = addTheme(
      s,
      { name: 'Far', colour: '#000000' },
      { key: '3', groupId: 'g5', now: T1, random: seq('rrrrrr') },
    )
    const farAfter = apply(s, far.edit)
    expect(far.theme.key).toBe('3')
    expect(farAfter.codebook.filter((t) => t.key === '3').map((t) => t.id)).toEqual([far.theme.id])
  })
})

describe('importCodebook with groups and keys', () => {
  const base = (): CodebookState => ({ codebook: themes(4), themeGroups: [] })

  it('creates the groups the file names, matches existing ones by name, and orders by group', () => {
    const s: CodebookState = { codebook: themes(2), themeGroups: [{ id: 'g-p', name: 'People' }] }
    const plan = importCodebook(
      s,
      [
        { name: 'Wages', colour: '#111111', group: 'Money', key: null },
        { name: 'Bosses', colour: '#222222', group: 'people', key: null },
        { name: 'T1', colour: '#000000', group: '', key: null },
        { name: 'Prices', colour: '#333333', group: 'MONEY', key: null },
      ],
      { now: T1, random: seq('aaaaaa', 'bbbbbb', 'cccccc', 'dddddd') },
    )
    expect(plan).toMatchObject({ added: 3, updated: 0 })
    const after = apply(s, plan.edit!)
    expect(after.themeGroups.map((g) => g.name)).toEqual(['People', 'Money'])
    expect(after.codebook.map((t) => [t.name, t.groupId ?? null, t.key ?? null])).toEqual([
      ['T1', null, null],
      ['T0', null, '1'],
      ['Bosses', 'g-p', null],
      ['Wages', after.themeGroups[1]!.id, null],
      ['Prices', after.themeGroups[1]!.id, null],
    ])
  })

  it('round-trips a codebook of 40 themes with groups and a key given by hand', () => {
    const groups = Array.from({ length: 6 }, (_, i) => ({ id: `g${i}`, name: `Group ${i}` }))
    let source: CodebookState = {
      codebook: orderByGroup(
        themes(40, (i) => (i < 4 ? undefined : `g${i % 6}`)),
        groups,
      ),
      themeGroups: groups,
    }
    source = apply(source, assignKey(source, source.codebook[22]!.id, '7'))
    const nameOf = new Map(groups.map((g) => [g.id, g.name]))
    const rows = source.codebook.map((t) => ({
      name: t.name,
      colour: t.colour,
      description: t.description ?? '',
      key: t.key ?? null,
      group: t.groupId ? nameOf.get(t.groupId)! : '',
    }))
    // Into a fresh codebook with themes of other names: the file's order, keys and groups.
    const fresh: CodebookState = {
      codebook: renumberKeys(
        ['Growth', 'Culture'].map((n) => ({ id: n, name: n, colour: '#000000' })),
      ),
      themeGroups: [],
    }
    const after = apply(fresh, importCodebook(fresh, rows, { now: T1 }).edit!)
    expect(after.themeGroups.map((g) => g.name)).toEqual(groups.map((g) => g.name))
    const groupName = (t: Theme) =>
      t.groupId ? after.themeGroups.find((g) => g.id === t.groupId)!.name : ''
    const fromFile = after.codebook.filter((t) => t.name.startsWith('T'))
    expect(fromFile.map((t) => [t.name, t.key ?? null, groupName(t)])).toEqual(
      rows.map((r) => [r.name, r.key, r.group]),
    )
    // The themes not in the file stay (with no group: first), their keys given to the file's.
    expect(after.codebook.slice(4, 6).map((t) => [t.name, t.key ?? null])).toEqual([
      ['Growth', null],
      ['Culture', null],
    ])
    // Into the source itself: nothing changes.
    expect(importCodebook(source, rows, { now: T1 }).edit).toBeNull()
  })

  it('keeps a theme’s group when the file has no group column', () => {
    const s: CodebookState = {
      codebook: themes(2, (i) => (i ? 'g-people' : undefined)),
      themeGroups: G,
    }
    const plan = importCodebook(s, [{ name: 'T1', colour: '#999999' }], { now: T1 })
    expect(plan.updated).toBe(1)
    expect(apply(s, plan.edit!).codebook.find((t) => t.id === 't1')!.groupId).toBe('g-people')
    expect(() =>
      importCodebook(base(), [{ name: 'X', colour: '#000000', group: 'g'.repeat(201) }], {
        now: T1,
      }),
    ).toThrow(expect.objectContaining({ problem: 'group-name-too-long' }))
  })
})

describe('any sequence of group and theme changes', () => {
  type Op =
    | { kind: 'addGroup'; name: string; at: number }
    | { kind: 'deleteGroup'; at: number }
    | { kind: 'moveGroup'; at: number; to: number }
    | { kind: 'setGroup'; theme: number; group: number }
    | { kind: 'add'; name: string; group: number; key: number }
    | { kind: 'move'; theme: number; to: number }
    | { kind: 'key'; theme: number; key: number }
    | { kind: 'merge'; theme: number; into: number }
    | { kind: 'delete'; theme: number }

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('addGroup' as const),
      name: fc.string({ minLength: 1, maxLength: 6 }),
      at: fc.nat(8),
    }),
    fc.record({ kind: fc.constant('deleteGroup' as const), at: fc.nat(8) }),
    fc.record({ kind: fc.constant('moveGroup' as const), at: fc.nat(8), to: fc.nat(8) }),
    fc.record({
      kind: fc.constant('setGroup' as const),
      theme: fc.nat(30),
      group: fc.integer({ min: -1, max: 8 }),
    }),
    fc.record({
      kind: fc.constant('add' as const),
      name: fc.string({ minLength: 1, maxLength: 6 }),
      group: fc.integer({ min: -1, max: 8 }),
      key: fc.integer({ min: -1, max: 9 }),
    }),
    fc.record({ kind: fc.constant('move' as const), theme: fc.nat(30), to: fc.nat(30) }),
    fc.record({
      kind: fc.constant('key' as const),
      theme: fc.nat(30),
      key: fc.integer({ min: 0, max: 9 }),
    }),
    fc.record({ kind: fc.constant('merge' as const), theme: fc.nat(30), into: fc.nat(30) }),
    fc.record({ kind: fc.constant('delete' as const), theme: fc.nat(30) }),
  )

  function editFor(s: Required<CodebookState>, op: Op): CodebookEdit | null {
    const theme = (i: number) => s.codebook[i % s.codebook.length]!.id
    const group = (i: number) =>
      i < 0 || s.themeGroups.length === 0 ? null : s.themeGroups[i % s.themeGroups.length]!.id
    try {
      switch (op.kind) {
        case 'addGroup':
          return addGroup(s, op.name, { at: op.at }).edit
        case 'deleteGroup':
          return group(op.at) ? deleteGroup(s, group(op.at)!) : null
        case 'moveGroup':
          return group(op.at) ? moveGroup(s, group(op.at)!, op.to) : null
        case 'setGroup':
          return setThemeGroup(s, theme(op.theme), group(op.group))
        case 'add':
          return addTheme(
            s,
            { name: op.name, colour: '#000000' },
            {
              groupId: group(op.group),
              key: op.key < 0 ? undefined : op.key ? String(op.key) : null,
              now: T1,
            },
          ).edit
        case 'move':
          return moveTheme(s, theme(op.theme), op.to, T1)
        case 'key':
          return assignKey(s, theme(op.theme), op.key ? String(op.key) : null)
        case 'merge':
          return mergeThemes({ ...s, passages: [] }, theme(op.theme), theme(op.into), T1)
        case 'delete':
          return deleteTheme({ ...s, passages: [] }, theme(op.theme), T1)
      }
    } catch (e) {
      if (e instanceof CodebookError) return null
      throw e
    }
  }

  it('keeps the codebook grouped, ids, keys and group names unique, and every theme’s group known', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        let s: Required<CodebookState> = { codebook: themes(5), themeGroups: [] }
        for (const op of ops) {
          const edit = editFor(s, op)
          if (!edit) continue
          s = apply(s, edit)
          const groupNames = s.themeGroups.map((g) => g.name.trim().toLowerCase())
          expect(new Set(groupNames).size).toBe(groupNames.length)
        }
      }),
      { numRuns: 200 },
    )
  })
})
