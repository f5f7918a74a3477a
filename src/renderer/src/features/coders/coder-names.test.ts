import { describe, expect, it } from 'vitest'
import { coderLines, namesToSend } from './coder-names'

describe('coderLines', () => {
  it('keeps each name trimmed, skips blank lines, and marks what cannot be a coder', () => {
    const lines = coderLines(
      '  Amélie Durand \n\n   \nKarim\r\nConsensus\nka\trim\nkarim\n' + 'x'.repeat(201),
    )
    expect(lines).toEqual([
      { name: 'Amélie Durand', problem: null },
      { name: 'Karim', problem: null },
      { name: 'Consensus', problem: 'reserved' },
      { name: 'ka\trim', problem: 'control' },
      // The same name in another case: one file name on a case-blind disk.
      { name: 'karim', problem: 'twice' },
      { name: 'x'.repeat(201), problem: 'tooLong' },
    ])
  })

  it('gives names to send only when there are some and all are right', () => {
    expect(namesToSend(coderLines('Amélie\nKarim'))).toEqual(['Amélie', 'Karim'])
    expect(namesToSend(coderLines(' \n '))).toBeNull()
    expect(namesToSend(coderLines('Amélie\namélie'))).toBeNull()
    expect(namesToSend(coderLines('consensus'))).toBeNull()
  })

  it('keeps a name in NFC, so that é typed two ways is one coder', () => {
    const lines = coderLines('Ame\u0301lie\nAmélie')
    expect(lines.map((l) => [l.name, l.problem])).toEqual([
      ['Amélie', null],
      ['Amélie', 'twice'],
    ])
  })
})
