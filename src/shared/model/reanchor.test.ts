import { describe, expect, it } from 'vitest'
import { reanchor, type Anchor } from './reanchor'

/** The anchor of text.slice(start, end), as a passage keeps it. */
function anchorOf(text: string, quote: string, from = 0): Anchor {
  const start = text.indexOf(quote, from)
  if (start < 0) throw new Error(`no ${quote}`)
  const end = start + quote.length
  return {
    quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    start,
  }
}

const found = (text: string, at: { start: number; end: number } | null) =>
  at && text.slice(at.start, at.end)

describe('reanchor', () => {
  it('finds the quote where it moved when text was added before it', () => {
    const before = 'La grève continue. Les salariés demandent une hausse.'
    const after = `Mise à jour du soir.\n\n${before}`
    const at = reanchor(after, anchorOf(before, 'Les salariés demandent'))
    expect(at).toEqual({ start: 20 + 2 + 19, end: 20 + 2 + 19 + 'Les salariés demandent'.length })
  })

  it('of several occurrences, takes the one whose context agrees, not the nearest', () => {
    const before = 'Le ministre parle. La réforme passe. Le syndicat parle. La réforme échoue.'
    const anchor = anchorOf(before, 'La réforme', 40)
    // The text before the second occurrence grew: the first is now nearer the old offset.
    const after = `${'Préambule. '.repeat(3)}${before}`
    const at = reanchor(after, anchor)
    expect(at!.start).toBe(after.indexOf('La réforme échoue'))
  })

  it('of occurrences whose contexts agree as well, takes the nearest to the old place', () => {
    const text = 'oui oui oui oui oui'
    const at = reanchor(text, { quote: 'oui', prefix: '', suffix: '', start: 9 })
    expect(at).toEqual({ start: 8, end: 11 })
  })

  it('finds a quote whose white space changed (a line break become a space)', () => {
    const before = 'Premier paragraphe\nqui continue ici. Suite.'
    const after = 'Premier paragraphe qui  continue ici. Suite.'
    const at = reanchor(after, anchorOf(before, 'paragraphe\nqui continue'))
    expect(found(after, at)).toBe('paragraphe qui  continue')
  })

  it('does not find a quote whose words changed', () => {
    const before = 'Les salariés demandent une hausse des salaires.'
    const after = 'Les employés réclament une hausse des salaires.'
    expect(reanchor(after, anchorOf(before, 'salariés demandent'))).toBeNull()
  })

  it('keeps characters outside the BMP whole', () => {
    const before = 'Un 😀 sourire. Fin.'
    const after = 'Avant. Un 😀 sourire. Fin.'
    expect(found(after, reanchor(after, anchorOf(before, '😀 sourire')))).toBe('😀 sourire')
  })
})
