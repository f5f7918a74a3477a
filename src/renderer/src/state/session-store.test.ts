import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makePassage, type Edit } from '@shared/model/edits'
import { failed, FakeEditsApi, saved, sessionOf, settle } from '@renderer/test-support/fake-api'
import { SessionStore } from './session-store'

const TEXT = 'Le secret de la croissance est la culture.'
const NOW = '2026-12-01T09:00:00.000Z'
const themeId = sessionOf(TEXT).codebook[0]!.id

const put = (id: string, start: number, end: number): Edit => ({
  type: 'putPassage',
  passage: makePassage(TEXT, { id, start, end, themeIds: [themeId], author: 'A', now: NOW }),
})

let api: FakeEditsApi
let store: SessionStore
beforeEach(() => {
  api = new FakeEditsApi()
  store = new SessionStore(sessionOf(TEXT), api)
})
afterEach(() => {
  store.dispose()
  vi.useRealTimers()
})

const ids = () => store.getSnapshot().session.passages.map((p) => p.id)

describe('edits', () => {
  it('applies an edit at once and shows "saving" until main answers', async () => {
    store.edit([put('a', 3, 9)])
    expect(ids()).toEqual(['a'])
    expect(store.getSnapshot().status).toEqual({ kind: 'saving' })
    await settle()
    expect(api.calls.map((c) => c.edits)).toEqual([[put('a', 3, 9)]])
    await api.answer(saved('2026-12-01T09:00:01.000Z'))
    expect(store.getSnapshot().status).toEqual({ kind: 'saved', at: '2026-12-01T09:00:01.000Z' })
  })

  it('notifies subscribers with a new snapshot on every change', async () => {
    const seen: unknown[] = []
    const unsubscribe = store.subscribe(() => seen.push(store.getSnapshot()))
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(saved())
    unsubscribe()
    store.edit([put('b', 10, 20)])
    expect(seen).toHaveLength(2)
    expect(new Set(seen).size).toBe(2)
  })

  it('throws on an edit that does not fit and changes nothing', async () => {
    const before = store.getSnapshot()
    expect(() => store.edit([put('a', 3, 9), { type: 'deletePassage', id: 'nope' }])).toThrow()
    expect(store.getSnapshot()).toBe(before)
    await settle()
    expect(api.calls).toHaveLength(0)
  })
})

describe('the save queue', () => {
  it('sends edits in order, one call at a time', async () => {
    store.edit([put('a', 3, 9)])
    store.edit([put('b', 10, 20)])
    store.edit([{ type: 'deletePassage', id: 'a' }])
    await settle()
    expect(api.calls).toHaveLength(1)
    await api.answer(saved())
    expect(api.calls).toHaveLength(2)
    expect(store.getSnapshot().status.kind).toBe('saving')
    await api.answer(saved())
    await api.answer(saved())
    expect(api.calls.map((c) => c.edits[0]!.type)).toEqual([
      'putPassage',
      'putPassage',
      'deletePassage',
    ])
    expect(api.calls.every((c) => c.sessionId === 'session-1')).toBe(true)
    expect(store.getSnapshot().status.kind).toBe('saved')
  })

  it('drained() waits for edits made while it waits', async () => {
    let drained = false
    store.edit([put('a', 3, 9)])
    void store.drained().then(() => (drained = true))
    await settle()
    store.edit([put('b', 10, 20)])
    await api.answer(saved())
    expect(drained).toBe(false)
    await api.answer(saved())
    await settle()
    expect(drained).toBe(true)
  })

  it('shows a failure, and a later success covers it', async () => {
    store.edit([put('a', 3, 9)])
    store.edit([put('b', 10, 20)])
    await settle()
    await api.answer(failed('invalid-edit', 'no such theme'))
    expect(store.getSnapshot().status).toMatchObject({ kind: 'failed', reason: 'no such theme' })
    await api.answer(saved())
    expect(store.getSnapshot().status.kind).toBe('saved')
  })

  it('reports a thrown call as an internal failure', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(new Error('channel closed'))
    expect(store.getSnapshot().status).toMatchObject({
      kind: 'failed',
      error: { code: 'internal', message: 'channel closed' },
    })
  })
})

describe('retries', () => {
  beforeEach(() => vi.useFakeTimers())

  it('asks main to write again 3 s after a failed write, until it succeeds', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(failed('write-failed', 'disk full'))
    expect(store.getSnapshot().status).toMatchObject({ kind: 'failed', reason: 'disk full' })
    await vi.advanceTimersByTimeAsync(2999)
    expect(api.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.calls).toHaveLength(2)
    expect(api.calls[1]!.edits).toEqual([{ type: 'setUi', ui: { scrollTop: 0 } }])
    await api.answer(failed('write-failed', 'disk full'))
    await vi.advanceTimersByTimeAsync(3000)
    expect(api.calls).toHaveLength(3)
    await api.answer(saved())
    expect(store.getSnapshot().status.kind).toBe('saved')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.calls).toHaveLength(3)
  })

  it('does not retry an edit main refused', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(failed('invalid-edit'))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.calls).toHaveLength(1)
  })

  it('does not retry once a new edit has saved in the meantime', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(failed('write-failed'))
    store.edit([put('b', 10, 20)])
    await settle()
    await api.answer(saved())
    await vi.advanceTimersByTimeAsync(3000)
    expect(api.calls).toHaveLength(2)
  })

  it('stops retrying when disposed', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(failed('write-failed'))
    store.dispose()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.calls).toHaveLength(1)
  })
})

describe('undo history', () => {
  it('undoes and redoes a step, sending the inverse and forward edits', async () => {
    store.edit([put('a', 3, 9), put('b', 10, 20)])
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false })
    expect(store.undo()).toBe(true)
    expect(ids()).toEqual([])
    expect(store.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true })
    expect(store.redo()).toBe(true)
    expect(ids()).toEqual(['a', 'b'])
    await api.saveAll()
    expect(api.calls.map((c) => c.edits.map((e) => e.type))).toEqual([
      ['putPassage', 'putPassage'],
      ['deletePassage', 'deletePassage'],
      ['putPassage', 'putPassage'],
    ])
  })

  it('undoes an edit of a passage back to its earlier version', () => {
    store.edit([put('a', 3, 9)])
    const first = store.getSnapshot().session.passages[0]
    const changed = { ...first!, note: 'important' }
    store.edit([{ type: 'putPassage', passage: changed }])
    store.undo()
    expect(store.getSnapshot().session.passages).toEqual([first])
  })

  it('has nothing to undo or redo at first', () => {
    expect(store.undo()).toBe(false)
    expect(store.redo()).toBe(false)
  })

  it('forgets the redo steps on a new edit', () => {
    store.edit([put('a', 3, 9)])
    store.undo()
    store.edit([put('b', 10, 20)])
    expect(store.redo()).toBe(false)
    expect(ids()).toEqual(['b'])
  })

  it('keeps scroll positions out of the history', () => {
    store.edit([put('a', 3, 9)])
    store.editQuietly([{ type: 'setUi', ui: { scrollTop: 120 } }])
    store.undo()
    expect(ids()).toEqual([])
    expect(store.getSnapshot().session.ui.scrollTop).toBe(120)
    expect(store.undo()).toBe(false)
  })

  it('keeps the last 500 steps', () => {
    for (let i = 0; i < 501; i++) store.edit([{ type: 'setUi', ui: { scrollTop: i + 1 } }])
    let undone = 0
    while (store.undo()) undone++
    expect(undone).toBe(500)
    expect(store.getSnapshot().session.ui.scrollTop).toBe(1)
  })
})
