// The sentence splitter on the French sample Gloss bundles (the same bytes
// as the shared fixture article-fr.txt): its sentences were counted and read
// by hand. Here rather than next to sentences.ts because it reads the file
// from disk, which src/shared may not.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { splitSentences } from '@shared/agreement/sentences'
import { splitParagraphs } from '@shared/model/text'

describe('the bundled French article', () => {
  const text = readFileSync(
    new URL('../../../resources/sample-article-fr.txt', import.meta.url),
    'utf8',
  )
  const all = splitParagraphs(text).flatMap((p) =>
    splitSentences(text, p.start, p.end, 'fr').map((s) => text.slice(s.start, s.end)),
  )

  it('has the 39 sentences counted by hand', () => {
    expect(all).toHaveLength(39)
  })

  it('splits its paragraphs as a reader does', () => {
    expect(all[6]).toBe('(Il ne pouvait pas être atteint de manière imminent pour commenter.)')
    expect(all[11]).toMatch(/^Chaos: «Tout se casse .* etc\.», a écrit French-Owen\.$/u)
    expect(all[25]).toMatch(/^« Je n’ai jamais vu .* c’est le pouvoir de Chatgpt\. »$/u)
    expect(all[28]).toBe('Dans le même temps, la société regarde x.')
    expect(all[30]).toBe(
      '«Un de mes amis a plaisanté en disant:« Cette entreprise court sur Twitter vibrations », a-t-il écrit.',
    )
    expect(all.at(-1)).toBe('« Les enjeux sont très élevés. »')
  })
})
