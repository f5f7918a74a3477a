// The Agreement view's choices as the request main computes: the session's
// coders (consensus aside) in the session's order, the themes chosen in the
// codebook's order, the articles the panel's filter lets through; and the
// choices remembered per session, kept to what the session still has.
import { describe, expect, it } from 'vitest'
import { NO_ARTICLE_FILTER } from '@shared/model/corpus-query'
import type { CorpusMeta } from '@shared/model/corpus'
import {
  choicesProblem,
  defaultChoices,
  recallChoices,
  rememberChoices,
  requestOf,
  sessionCoders,
} from './agreement-choices'

const T0 = '2026-03-02T09:00:00.000Z'

/** Two articles, three themes, the coders ana, ben, consensus and cleo. */
const meta = (): CorpusMeta => ({
  codebook: ['t-eco', 't-edu', 't-unused'].map((id) => ({ id, name: id, colour: '#0072b2' })),
  themeGroups: [],
  attributeDefs: [],
  articles: [
    ['one', 'Le budget de la ville'],
    ['two', 'Le chômage recule'],
  ].map(([id, title]) => ({
    id: id!,
    title: title!,
    sourceFileName: '',
    sha256: '0'.repeat(64),
    chars: 10,
    addedAt: T0,
    attributes: {},
    passageCount: 0,
  })),
  coders: [
    { name: 'ana', opened: ['one', 'two'] },
    { name: 'ben', opened: ['one', 'two'] },
    { name: 'consensus', opened: [] },
    { name: 'cleo', opened: ['two'] },
  ],
})

describe('agreement choices', () => {
  it('offers the session’s coders but the consensus layer, all chosen at first', () => {
    expect(sessionCoders(meta()).map((c) => c.name)).toEqual(['ana', 'ben', 'cleo'])
    expect(defaultChoices(meta())).toEqual({
      unit: 'paragraph',
      coders: ['ana', 'ben', 'cleo'],
      themes: 'all',
      scope: 'session',
    })
  })

  it('asks for the coders and themes in the session’s order, and the filtered articles', () => {
    const filter = { ...NO_ARTICLE_FILTER, title: 'chômage' }
    const choices = {
      unit: 'sentence' as const,
      coders: ['cleo', 'ana'],
      themes: ['t-unused', 't-eco'],
      scope: 'filtered' as const,
    }
    expect(requestOf(choices, meta(), filter)).toEqual({
      unit: 'sentence',
      coders: ['ana', 'cleo'],
      themeIds: ['t-eco', 't-unused'],
      articleIds: ['two'],
    })
    expect(requestOf({ ...choices, scope: 'session', themes: 'all' }, meta(), filter)).toEqual({
      unit: 'sentence',
      coders: ['ana', 'cleo'],
      themeIds: null,
      articleIds: null,
    })
  })

  it('says when fewer than two coders or no theme are chosen', () => {
    const choices = defaultChoices(meta())
    expect(choicesProblem(choices)).toBeNull()
    expect(choicesProblem({ ...choices, coders: ['ana'] })).toBe('agreement.coders.atLeastTwo')
    expect(choicesProblem({ ...choices, themes: [] })).toBe('agreement.themes.none')
  })

  it('remembers the choices of a session, without coders or themes it no longer has', () => {
    rememberChoices('s1', {
      unit: 'characters',
      coders: ['ana', 'gone'],
      themes: ['t-eco', 't-gone'],
      scope: 'session',
    })
    expect(recallChoices('s1', meta())).toEqual({
      unit: 'characters',
      coders: ['ana'],
      themes: ['t-eco'],
      scope: 'session',
    })
    expect(recallChoices('s2', meta()).unit).toBe('paragraph')
  })
})
