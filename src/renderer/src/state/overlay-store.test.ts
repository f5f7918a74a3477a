import { describe, expect, it, vi } from 'vitest'
import { dialogInTheWay, front, isOpen, openingKey, OverlayStore } from './overlay-store'

describe('OverlayStore', () => {
  it('opens, closes and toggles overlays, the last opened in front', () => {
    const store = new OverlayStore()
    store.open('summary')
    store.open('shortcuts')
    expect(front(store.getSnapshot())).toBe('shortcuts')
    store.close('shortcuts')
    // Closing a dialog shows the summary it was opened over.
    expect(front(store.getSnapshot())).toBe('summary')
    store.toggle('summary')
    expect(store.getSnapshot()).toEqual([])
    store.toggle('search')
    expect(isOpen(store.getSnapshot(), 'search')).toBe(true)
    store.closeAll()
    expect(store.getSnapshot()).toEqual([])
  })

  it('keeps an open overlay as it is when asked to open it again', () => {
    const store = new OverlayStore()
    store.open('export')
    const before = store.getSnapshot()
    store.open('export')
    expect(store.getSnapshot()).toBe(before)
  })

  it('gives every opening a fresh key, so a close and a reopen in one batch remount the dialog', () => {
    const store = new OverlayStore()
    store.open('export')
    const first = openingKey(store.getSnapshot(), 'export')
    store.close('export', first)
    store.open('export')
    const second = openingKey(store.getSnapshot(), 'export')
    expect(first).not.toBe(0)
    expect(second).not.toBe(0)
    expect(second).not.toBe(first)
    // A late report from the first opening leaves the second open.
    store.close('export', first)
    expect(openingKey(store.getSnapshot(), 'export')).toBe(second)
    expect(openingKey(store.getSnapshot(), 'codebook')).toBe(0)
  })

  it('tells its subscribers about every change, and only about changes', () => {
    const store = new OverlayStore()
    const listener = vi.fn()
    const stop = store.subscribe(listener)
    store.open('codebook')
    store.open('codebook')
    store.close('summary')
    expect(listener).toHaveBeenCalledTimes(1)
    stop()
    store.close('codebook')
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('counts the modal dialogs as in the way, not the summary nor the search bar', () => {
    const store = new OverlayStore()
    store.open('summary')
    store.open('search')
    expect(dialogInTheWay(store.getSnapshot())).toBe(false)
    for (const dialog of ['codebook', 'shortcuts', 'settings', 'export'] as const) {
      store.open(dialog)
      expect(dialogInTheWay(store.getSnapshot())).toBe(true)
      expect(dialogInTheWay(store.getSnapshot(), [dialog])).toBe(false)
      store.close(dialog)
    }
  })
})
