import { describe, expect, it } from 'vitest'
import { format, systemLocale, translate } from './i18n'
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
      /^[\s{}\w←…·]*?(passages?|sessions?|notes?|culture|total|date|note|thèmes?|\{\w+\})[\s…:]*$/i
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
