import { describe, expect, it } from 'vitest'
import { englishText, MAIN_MESSAGES_EN, mainMessage } from './main-messages'

describe('mainMessage', () => {
  it('is a key with its parameters, or the key alone', () => {
    expect(mainMessage('main.session.notOpen')).toEqual({ key: 'main.session.notOpen' })
    expect(mainMessage('main.import.empty', { file: 'a.txt' })).toEqual({
      key: 'main.import.empty',
      params: { file: 'a.txt' },
    })
  })
})

describe('englishText', () => {
  it('fills the template, nested messages included', () => {
    const ref = mainMessage('main.load.cannotOpen', {
      file: '/data/a.gloss.json',
      problem: mainMessage('main.load.notJson', { detail: 'Unexpected end of JSON input' }),
    })
    expect(englishText(ref)).toBe(
      'Cannot open /data/a.gloss.json: it is not valid JSON, perhaps truncated (Unexpected end of JSON input).',
    )
    expect(
      englishText(mainMessage('main.load.newer', { file: 'f', version: 99, supported: 1 })),
    ).toContain('(session format 99; this version reads up to 1)')
  })

  it('writes dates as UTC minutes, and leaves a date it cannot read as it is', () => {
    const lock = (since: string) =>
      englishText(
        mainMessage('main.lock.heldOnSince', { host: 'laptop', since: { date: since }, lock: 'x' }),
      )
    expect(lock('2026-11-27T09:30:12.000Z')).toContain('on laptop since 2026-11-27 09:30 UTC.')
    expect(lock('2026-11-27T10:30:00+01:00')).toContain('since 2026-11-27 09:30 UTC.')
    expect(lock('yesterday')).toContain('since yesterday.')
  })

  it('shows an unknown key as it is, and leaves a missing placeholder alone', () => {
    expect(englishText({ key: 'main.from.the.future' })).toBe('main.from.the.future')
    expect(englishText({ key: 'main.import.empty' })).toBe('{file} is empty')
    expect(englishText({ key: 'constructor' })).toBe('constructor')
  })

  it('has only sentences or fragments with known placeholder names', () => {
    for (const [key, template] of Object.entries(MAIN_MESSAGES_EN)) {
      expect(key).toMatch(/^main\.[a-z]+\.[a-zA-Z0-9]+$/)
      expect(template.trim()).toBe(template)
      for (const [, name] of template.matchAll(/\{(\w+)\}/g))
        expect(name, key).toMatch(
          /^(file|path|problem|reason|detail|version|supported|backup|host|since|lock|id|start|end|title|folder|count|limit|max|attribute|name|ratio|entries|size|existing|copy|session|row|first|value|columns|coder)$/,
        )
    }
  })
})
