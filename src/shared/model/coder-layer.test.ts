import { describe, expect, it } from 'vitest'
import { tagged } from '../../../test-support/coder-copy'
import { ANALYST, codedSession } from '../../../test-support/coder-session'
import { applyCoderLayer, setCoderLayerSchema, type SetCoderLayer } from './coder-layer'
import { articlesTouched, corpusEditSchema, type CorpusState } from './corpus-edits'
import { makePassage } from './edits'

const NOW = '2026-12-04T10:00:00.000Z'

/** The session with Karim's passage k1 in the refinery article. */
function withKarim(): CorpusState {
  return tagged(codedSession(), 'refinery', 'Karim', [
    { quote: 'hausse des salaires', themes: ['wages'], id: 'k1' },
  ])
}

const text = (s: CorpusState, id: string) => s.articles.get(id)!.text

function karims(s: CorpusState, quote: string, id: string, themes = ['risk']) {
  const t = text(s, 'refinery')
  const start = t.indexOf(quote)
  return makePassage(t, {
    id,
    start,
    end: start + quote.length,
    themeIds: themes,
    author: 'Karim',
    now: NOW,
  })
}

const edit = (articles: SetCoderLayer['articles'], extra: Partial<SetCoderLayer> = {}) =>
  ({ type: 'setCoderLayer', coder: 'Karim', coders: null, articles, ...extra }) as SetCoderLayer

describe('the setCoderLayer edit', () => {
  it('is one of the corpus edits main accepts, and writes the articles it changes', () => {
    const e = edit([{ articleId: 'refinery', remove: ['k1'], put: [] }])
    expect(corpusEditSchema.safeParse(e).success).toBe(true)
    expect(articlesTouched(withKarim(), null, e)).toEqual(['refinery'])
    // A blank coder is refused by the contract.
    expect(setCoderLayerSchema.safeParse({ ...e, coder: ' ' }).success).toBe(false)
  })

  it('refuses to remove a passage of another author, or one that is not there', () => {
    const s = withKarim()
    const analysts = s.articles.get('refinery')!.passages.find((p) => p.author === ANALYST)!
    expect(() =>
      applyCoderLayer(s, edit([{ articleId: 'refinery', remove: [analysts.id], put: [] }]), NOW),
    ).toThrow(/not Karim’s/)
    expect(() =>
      applyCoderLayer(s, edit([{ articleId: 'refinery', remove: ['nope'], put: [] }]), NOW),
    ).toThrow(/no passage nope/)
  })

  it('refuses to put a passage of another author, twice, over an id that is there, or that does not fit', () => {
    const s = withKarim()
    const p = karims(s, 'réquisitions', 'k2')
    const put = (...passages: (typeof p)[]) =>
      applyCoderLayer(s, edit([{ articleId: 'refinery', remove: [], put: passages }]), NOW)
    expect(() => put({ ...p, author: 'Amélie' })).toThrow(/not Karim’s/)
    expect(() => put(p, p)).toThrow(/there already/)
    expect(() => put({ ...p, id: 'k1' })).toThrow(/there already/)
    expect(() => put({ ...p, quote: 'autre chose' })).toThrow(/quote does not match/)
    expect(() => put({ ...p, themeIds: ['gone'] })).toThrow(/unknown theme gone/)
    expect(() =>
      applyCoderLayer(s, edit([{ articleId: 'nowhere', remove: [], put: [] }]), NOW),
    ).toThrow(/no article nowhere/)
  })

  it('refuses a codebook that drops a theme another passage still uses', () => {
    const s = withKarim()
    const codebook = s.meta.codebook.filter((t) => t.id !== 'strike')
    expect(() => applyCoderLayer(s, edit([], { codebook }), NOW)).toThrow(/unknown theme strike/)
  })

  it('moves the cached counts of articles it does not hold (the renderer holds one)', () => {
    const s = withKarim()
    const rendererState: CorpusState = {
      ...s,
      articles: new Map([['rail', s.articles.get('rail')!]]),
    }
    const after = applyCoderLayer(
      rendererState,
      edit([
        {
          articleId: 'refinery',
          remove: ['k1'],
          put: [karims(s, 'réquisitions', 'k2'), karims(s, 'Nord', 'k3')],
        },
      ]),
      NOW,
    )
    expect(after.meta.articles.find((a) => a.id === 'refinery')!.passageCount).toBe(4)
    expect(after.articles.has('refinery')).toBe(false)
  })
})
