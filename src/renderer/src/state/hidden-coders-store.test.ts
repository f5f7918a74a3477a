import { describe, expect, it, vi } from 'vitest'
import { HiddenCodersStore } from './hidden-coders-store'

describe('HiddenCodersStore', () => {
  it('keeps each session’s hidden coders apart, telling its listeners of changes only', () => {
    const store = new HiddenCodersStore()
    const heard = vi.fn()
    store.subscribe(heard)
    expect(store.get('s1').size).toBe(0)
    store.set('s1', new Set(['Malik']))
    expect([...store.get('s1')]).toEqual(['Malik'])
    expect(store.get('s2').size).toBe(0)
    // The same coders again: nothing to tell; a stable value between changes.
    const before = store.get('s1')
    store.set('s1', new Set(['Malik']))
    expect(heard).toHaveBeenCalledTimes(1)
    expect(store.get('s1')).toBe(before)
    store.set('s2', new Set(['', 'consensus']))
    expect([...store.get('s2')]).toEqual(['', 'consensus'])
    expect([...store.get('s1')]).toEqual(['Malik'])
    expect(heard).toHaveBeenCalledTimes(2)
  })

  it('shows a hidden coder again, and ignores one that is shown', () => {
    const store = new HiddenCodersStore()
    store.set('s1', new Set(['Ana', 'Bo']))
    const heard = vi.fn()
    store.subscribe(heard)
    store.show('s1', 'Zed')
    expect(heard).not.toHaveBeenCalled()
    store.show('s1', 'Ana')
    expect([...store.get('s1')]).toEqual(['Bo'])
    store.show('s1', 'Bo')
    expect(store.get('s1').size).toBe(0)
    expect(heard).toHaveBeenCalledTimes(2)
  })

  it('does not keep the set it is given: a later change of it hides nothing', () => {
    const store = new HiddenCodersStore()
    const mine = new Set(['Ana'])
    store.set('s1', mine)
    mine.add('Bo')
    expect([...store.get('s1')]).toEqual(['Ana'])
  })
})
