import { describe, expect, it } from 'vitest'
import { fileNamePart } from './file-names'

describe('fileNamePart', () => {
  it('keeps a readable name: case, accents, spaces and punctuation other systems accept', () => {
    expect(fileNamePart('Grève des raffineries (2026)', 'x')).toBe('Grève des raffineries (2026)')
    expect(fileNamePart('Ame\u0301lie', 'x')).toBe('Amélie')
  })

  it('takes out what a system refuses, and falls back when nothing is left', () => {
    expect(fileNamePart('a/b\\c:d*e?f"g<h>i|j', 'x')).toBe('a b c d e f g h i j')
    expect(fileNamePart('tab\there\u200bzero', 'x')).toBe('tab here zero')
    expect(fileNamePart('  ..name.. ', 'x')).toBe('name')
    for (const empty of ['', '...', ' / ', 'CON', 'nul', 'Com1', 'LPT9'])
      expect(fileNamePart(empty, 'fallback'), empty).toBe('fallback')
  })

  it('stays within the bytes asked, never cutting a character in two', () => {
    const cut = fileNamePart('é'.repeat(100), 'x', 9)
    expect(cut).toBe('éééé')
    expect(Buffer.byteLength(fileNamePart('👩‍💻'.repeat(50), 'x', 60))).toBeLessThanOrEqual(60)
  })
})
