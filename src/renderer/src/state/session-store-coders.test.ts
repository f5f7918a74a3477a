// The session store and coders' work brought back: main plans and applies
// the step over every article; the store, which holds one article, records
// it without sending it (the open article shows the coders' passages, the
// other articles' counts follow), and undo and redo send its edits.
import { describe, expect, it } from 'vitest'
import { planCoderLayer } from '@shared/model/bring-back'
import {
  applyCorpusEdit,
  invertCorpusEdit,
  viewOf,
  type CorpusEdit,
  type CorpusState,
} from '@shared/model/corpus-edits'
import { FakeEditsApi, settle } from '@renderer/test-support/fake-api'
import { coderCopyOf, tagged } from '../../../../test-support/coder-copy'
import { codedSession } from '../../../../test-support/coder-session'
import { SessionStore } from './session-store'

const NOW = '2026-12-04T10:00:00.000Z'

/** What main does: plans a copy's layer over every article; the step's edits. */
function mainBringsBack(state: CorpusState, copy: CorpusState) {
  const { edit } = planCoderLayer(
    state,
    {
      file: 'copy.gloss.zip',
      coder: copy.meta.coderCopy!.coder,
      codebook: copy.meta.codebook,
      articles: copy.meta.articles,
      texts: copy.articles,
    },
    NOW,
  )
  const backward: CorpusEdit[] = [invertCorpusEdit(state, null, edit)]
  return {
    forward: [edit] as CorpusEdit[],
    backward,
    after: applyCorpusEdit(state, null, edit, NOW),
  }
}

describe('coders’ work brought back, in the store', () => {
  it('is one step main applied: recorded, not sent; undo and redo send its edits', async () => {
    const main = codedSession()
    let copy = coderCopyOf(main, { coder: 'Karim' })
    copy = tagged(copy, 'refinery', 'Karim', [{ quote: 'hausse des salaires', themes: ['wages'] }])
    copy = tagged(copy, 'rail', 'Karim', [{ quote: 'prime', themes: ['wages'] }])
    const { forward, backward } = mainBringsBack(main, copy)

    const api = new FakeEditsApi()
    const entry = main.meta.articles.find((a) => a.id === 'refinery')!
    const store = new SessionStore(
      {
        session: viewOf(main, entry, main.articles.get('refinery')!),
        articleId: 'refinery',
        meta: main.meta,
      },
      api,
    )
    const quotes = () => store.getSnapshot().session.passages.map((p) => [p.author, p.quote])
    const counts = () => store.getSnapshot().meta.articles.map((a) => a.passageCount)
    expect(counts()).toEqual([2, 0])

    store.recordApplied(forward, backward)
    expect(quotes()).toEqual([
      ['analyst', 'grève des raffineries'],
      ['Karim', 'hausse des salaires'],
      ['analyst', 'réquisitions'],
    ])
    // The rail article is not held here: its count follows.
    expect(counts()).toEqual([3, 1])
    expect(store.getSnapshot().meta.coders).toEqual([
      { name: 'Karim', opened: ['refinery', 'rail'], broughtBackAt: NOW },
    ])
    await settle()
    expect(api.calls).toHaveLength(0)

    store.undo()
    expect(quotes()).toEqual([
      ['analyst', 'grève des raffineries'],
      ['analyst', 'réquisitions'],
    ])
    expect(counts()).toEqual([2, 0])
    expect(store.getSnapshot().meta.coders).toBeUndefined()
    await settle()
    expect(api.calls.map((c) => c.edits)).toEqual([backward])
    await api.saveAll()

    store.redo()
    expect(counts()).toEqual([3, 1])
    await settle()
    expect(api.calls.map((c) => c.edits)).toEqual([backward, forward])
  })
})
