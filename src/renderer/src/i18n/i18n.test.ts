import { describe, expect, it } from 'vitest'
import { englishText, MAIN_MESSAGES_EN, type MessageRef } from '@shared/main-messages'
import { format, systemLocale, translate, translateFromMain } from './i18n'
import { en } from './messages-en'
import { fr } from './messages-fr'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('catalogs', () => {
  it('French has every English key, none empty, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key], key).toBeTruthy()
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]))
    }
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort())
  })

  it('French strings are translated, not copied (apart from names and symbols)', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => en[k] === fr[k] && /[a-z]{4}/.test(en[k].replace(/\{\w+\}/g, '')),
    )
    // Words spelt the same in both languages.
    const sameWord =
      /^[\s{}\w←…·]*?(passages?|sessions?|notes?|articles?|copies|culture|total|date|note|thèmes?|consensus|\{\w+\})[\s…:]*$/i
    expect(same.filter((k) => !sameWord.test(en[k]))).toEqual([])
  })
})

describe('systemLocale', () => {
  it('follows the first of the system languages it knows, English otherwise', () => {
    expect(systemLocale(['fr-FR', 'en-US'])).toBe('fr')
    expect(systemLocale(['fr-CA'])).toBe('fr')
    expect(systemLocale(['de-DE', 'fr-FR'])).toBe('fr')
    expect(systemLocale(['en-GB'])).toBe('en')
    expect(systemLocale(['de-DE'])).toBe('en')
    expect(systemLocale([])).toBe('en')
  })
})

describe('translate', () => {
  it('fills placeholders and leaves unknown ones alone', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}')
    expect(translate('fr', 'start.lastEdited', { date: '3 déc.' })).toBe('Modifiée le 3 déc.')
    expect(translate('en', 'session.notSaved', { reason: 'the disk is full' })).toBe(
      'Not saved: the disk is full',
    )
  })
})

describe('translateFromMain', () => {
  const date = (iso: string) => `<${iso}>`
  const load: MessageRef = {
    key: 'main.load.cannotOpen',
    params: { file: '/data/a.gloss.json', problem: { key: 'main.load.empty' } },
  }

  it('translates a message from main with its parameters, nested messages included', () => {
    expect(translateFromMain('fr', load, 'English', date)).toBe(
      'Impossible d’ouvrir /data/a.gloss.json : le fichier est vide.',
    )
    expect(translateFromMain('en', load, 'fallback', date)).toBe(
      'Cannot open /data/a.gloss.json: the file is empty.',
    )
    const write = {
      key: 'main.write.cannotWrite',
      params: { path: '/x/y.csv', reason: 'EMFILE: too many open files' },
    }
    expect(translateFromMain('fr', write, '', date)).toBe(
      'Impossible d’écrire /x/y.csv : EMFILE: too many open files',
    )
  })

  it('formats date parameters for the locale', () => {
    const lock = {
      key: 'main.lock.heldSince',
      params: { since: { date: '2026-11-27T09:30:00.000Z' }, lock: '/s.gloss.json.lock' },
    }
    expect(translateFromMain('fr', lock, '', date)).toContain(
      'dans un autre Gloss depuis le <2026-11-27T09:30:00.000Z>.',
    )
  })

  it('falls back to main’s English for a missing, unknown or malformed message', () => {
    expect(translateFromMain('fr', null, 'English text', date)).toBe('English text')
    expect(translateFromMain('fr', undefined, 'English text', date)).toBe('English text')
    expect(translateFromMain('fr', {}, 'English text', date)).toBe('English text')
    for (const key of ['main.from.a.newer.gloss', 'constructor', '__proto__', 'toString'])
      expect(translateFromMain('fr', { key }, 'English text', date), key).toBe('English text')
    const nestedUnknown = { ...load, params: { file: 'f', problem: { key: 'main.nope' } } }
    expect(translateFromMain('fr', nestedUnknown, 'English text', date)).toBe('English text')
    const malformed = { key: 'main.import.empty', params: { file: null } } as unknown as MessageRef
    expect(translateFromMain('fr', malformed, 'English text', date)).toBe('English text')
  })

  it('renders the English catalog’s main messages exactly as main writes its English text', () => {
    for (const [key, template] of Object.entries(MAIN_MESSAGES_EN)) {
      expect(en[key as keyof typeof en]).toBe(template)
      const params = Object.fromEntries(
        [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, `«${name}»`]),
      )
      expect(translateFromMain('en', { key, params }, '', date), key).toBe(
        englishText({ key, params }),
      )
    }
  })
})
