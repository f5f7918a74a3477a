// The IPC boundary on its own: arguments reach a handler only once they
// match the contract table's schema, and every method of the names list has
// a schema in the table.
import { describe, expect, it } from 'vitest'
import { ok, type Result } from '@shared/api'
import { IPC_METHODS, type HandlerMethods } from '@shared/ipc/methods'
import { channelOf, INVOKE_METHODS } from '@shared/ipc/names'
import { callChecked, checkedCalls, isInvokeMethod } from './checked-calls'

/** Handlers that record the arguments they receive and answer ok(null). */
function recordingHandlers() {
  const received: [string, unknown[]][] = []
  const handlers = Object.fromEntries(
    INVOKE_METHODS.map((m) => [
      m,
      (...args: unknown[]): Promise<Result<null>> => {
        received.push([m, args])
        return Promise.resolve(ok(null))
      },
    ]),
  ) as unknown as HandlerMethods
  return { handlers, received }
}

describe('the contract table', () => {
  it('has a schema for exactly the methods the preload bridges, each on its own channel', () => {
    expect(Object.keys(IPC_METHODS).sort()).toEqual([...INVOKE_METHODS].sort())
    expect(new Set(INVOKE_METHODS.map(channelOf)).size).toBe(INVOKE_METHODS.length)
  })
})

describe('callChecked', () => {
  it('passes the validated arguments to the handler of that method only', async () => {
    const { handlers, received } = recordingHandlers()
    const setUi = { type: 'setUi', ui: { scrollTop: 3 } }
    expect(await callChecked(handlers, 'applyEdits', ['s1', 'a1', [setUi]])).toEqual(ok(null))
    expect(await callChecked(handlers, 'openSample', [])).toEqual(ok(null))
    expect(received).toEqual([
      ['applyEdits', ['s1', 'a1', [setUi]]],
      ['openSample', []],
    ])
  })

  it('answers invalid-argument, naming the method, without calling the handler', async () => {
    const { handlers, received } = recordingHandlers()
    const ipc = checkedCalls(handlers)
    for (const r of [
      await ipc.applyEdits('s1', []),
      await ipc.openSample('extra'),
      await ipc.exportCsv('../x'),
      await ipc.updateSettings({ locale: 'de' }),
    ])
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await ipc.exportCsv(42)).toMatchObject({ error: { message: /^exportCsv: / } })
    expect(received).toEqual([])
  })

  it('knows the contract methods and nothing else by name', () => {
    expect(INVOKE_METHODS.every(isInvokeMethod)).toBe(true)
    for (const name of ['constructor', '__proto__', 'toString', 'flushAll', 'shutdown', ''])
      expect(isInvokeMethod(name), name).toBe(false)
  })
})
