import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from './external-links'

describe('isAllowedExternalUrl', () => {
  it('allows https and mailto links', () => {
    expect(isAllowedExternalUrl('https://example.org/guide')).toBe(true)
    expect(isAllowedExternalUrl('mailto:team@example.org')).toBe(true)
  })

  it('refuses every other scheme and malformed input', () => {
    for (const url of [
      'http://example.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://host/share',
      'app://gloss/index.html',
      'not a url',
      '',
    ])
      expect(isAllowedExternalUrl(url), url).toBe(false)
  })

  it('refuses https links that carry credentials', () => {
    expect(isAllowedExternalUrl('https://user:pw@example.org')).toBe(false)
  })
})
