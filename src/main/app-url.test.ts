import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL, isAppUrl } from './app-url'

describe('isAppUrl', () => {
  it('accepts pages of the Gloss bundle', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true)
    expect(isAppUrl('app://gloss/assets/index.js')).toBe(true)
  })

  it('refuses other hosts, schemes and opaque origins', () => {
    for (const url of [
      'app://evil/index.html',
      'app://gloss.evil/index.html',
      'app://user@gloss/index.html',
      'https://gloss/index.html',
      'file:///app/gloss/index.html',
      'data:text/html,hello',
      'about:blank',
      'null',
      '',
    ])
      expect(isAppUrl(url), url).toBe(false)
  })
})
