import { describe, expect, it } from 'vitest'
import { settingsChangeSchema, settingsSchema } from '../settings'
import { checkCoderName, currentCoder, withOpened } from './coders'
import type { CorpusMeta } from './corpus'

const meta = (coders?: CorpusMeta['coders']): CorpusMeta => ({
  codebook: [],
  themeGroups: [],
  attributeDefs: [],
  articles: [],
  ...(coders && { coders }),
})

describe('checkCoderName', () => {
  it('keeps a typed name trimmed and in NFC, and says what is wrong with one it cannot keep', () => {
    expect(checkCoderName('  Ame\u0301lie Durand ')).toEqual({
      name: 'Amélie Durand',
      problem: null,
    })
    expect(checkCoderName('   ').problem).toBe('empty')
    expect(checkCoderName('Ka\trim').problem).toBe('control')
    expect(checkCoderName('Ka\u0085rim').problem).toBe('control')
    expect(checkCoderName(' CONSENSUS ').problem).toBe('reserved')
    expect(checkCoderName('consensus 2').problem).toBeNull()
    expect(checkCoderName('x'.repeat(201)).problem).toBe('tooLong')
  })
})

describe('the coder name setting', () => {
  it('is null (the system user) by default, and a name the renderer may set is a chosen one', () => {
    expect(settingsSchema.parse({ version: 1 }).coderName).toBeNull()
    expect(settingsChangeSchema.safeParse({ coderName: 'Amélie' }).success).toBe(true)
    expect(settingsChangeSchema.safeParse({ coderName: null }).success).toBe(true)
    for (const bad of ['', ' Amélie', 'consensus', 'Consensus', 'a\nb', 'x'.repeat(201), 3])
      expect(settingsChangeSchema.safeParse({ coderName: bad }).success, String(bad)).toBe(false)
  })

  it('reads a spoiled name in a settings file as null, without losing the other settings', () => {
    const read = settingsSchema.parse({ version: 1, locale: 'fr', coderName: 'a\u0000b' })
    expect(read).toMatchObject({ locale: 'fr', coderName: null })
  })
})

describe('currentCoder', () => {
  const copy = { sessionId: 's1', coder: 'Karim', madeAt: '2026-12-03T10:00:00.000Z' }
  it('is the copy’s coder in a coder copy, else the setting, else the system user', () => {
    expect(currentCoder(copy, 'Amélie', 'marie')).toBe('Karim')
    expect(currentCoder(undefined, 'Amélie', 'marie')).toBe('Amélie')
    expect(currentCoder(undefined, null, 'marie')).toBe('marie')
  })
})

describe('withOpened', () => {
  it('adds the article to the coder’s record, making the record if absent, once', () => {
    const one = withOpened(meta(), 'Amélie', 'a1')
    expect(one.coders).toEqual([{ name: 'Amélie', opened: ['a1'] }])
    const two = withOpened(one, 'Amélie', 'a2')
    expect(two.coders).toEqual([{ name: 'Amélie', opened: ['a1', 'a2'] }])
    expect(withOpened(two, 'Amélie', 'a1')).toBe(two)
    const other = withOpened(two, 'Karim', 'a2')
    expect(other.coders).toEqual([
      { name: 'Amélie', opened: ['a1', 'a2'] },
      { name: 'Karim', opened: ['a2'] },
    ])
  })

  it('keeps a coder’s other fields, and records nothing for a name a record cannot hold', () => {
    const back = meta([{ name: 'Karim', opened: [], broughtBackAt: '2026-12-03T10:00:00.000Z' }])
    expect(withOpened(back, 'Karim', 'a1').coders).toEqual([
      { name: 'Karim', opened: ['a1'], broughtBackAt: '2026-12-03T10:00:00.000Z' },
    ])
    const none = meta()
    expect(withOpened(none, '', 'a1')).toBe(none)
    expect(withOpened(none, ' padded', 'a1')).toBe(none)
  })
})
