import { describe, expect, it } from 'vitest'
import { MAIN_CATALOGS, mainText, resolveLocale, type MainTextKey } from './i18n'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the main process catalog', () => {
  const { en, fr } = MAIN_CATALOGS
  const keys = Object.keys(en) as MainTextKey[]

  it('has the same keys in English and French, none empty, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual([...keys].sort())
    for (const key of keys) {
      expect(en[key].trim(), key).not.toBe('')
      expect(fr[key].trim(), key).not.toBe('')
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('is translated, apart from names spelt the same in both languages', () => {
    const same = keys.filter((k) => en[k] === fr[k])
    expect(same.sort()).toEqual(['filter.articles', 'filter.csv', 'menu.services'])
  })

  it('gives a text in the locale asked for', () => {
    expect(mainText('en', 'dialog.openSession')).toBe('Open session')
    expect(mainText('fr', 'dialog.openSession')).toBe('Ouvrir une session')
  })
})

describe('resolveLocale', () => {
  it('follows the setting when it names a language', () => {
    expect(resolveLocale('fr', 'en-US')).toBe('fr')
    expect(resolveLocale('en', 'fr-FR')).toBe('en')
  })

  it('follows the system language for "system", English for a language Gloss does not speak', () => {
    expect(resolveLocale('system', 'fr')).toBe('fr')
    expect(resolveLocale('system', 'fr-CA')).toBe('fr')
    expect(resolveLocale('system', 'FR_fr')).toBe('fr')
    expect(resolveLocale('system', 'en-GB')).toBe('en')
    expect(resolveLocale('system', 'de-DE')).toBe('en')
    expect(resolveLocale('system', '')).toBe('en')
  })
})
