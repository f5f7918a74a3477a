import { describe, expect, it } from 'vitest'
import { coderCopyOf, tagged } from '../../../test-support/coder-copy'
import {
  ANALYST,
  ARTICLE_TEXTS,
  codedSession,
  coderSession,
} from '../../../test-support/coder-session'
import { sha256Hex } from '../../../test-support/sha256'
import { planCoderLayer, type CoderCopyContent } from './bring-back'
import { applyCorpusEdit, invertCorpusEdit, type CorpusState } from './corpus-edits'

const NOW = '2026-12-04T10:00:00.000Z'
const LATER = '2026-12-05T10:00:00.000Z'

/** What the plan is given of a copy read from its zip. */
function contentOf(copy: CorpusState, file = 'copy.gloss.zip'): CoderCopyContent {
  return {
    file,
    coder: copy.meta.coderCopy!.coder,
    codebook: copy.meta.codebook,
    articles: copy.meta.articles,
    coders: copy.meta.coders,
    texts: copy.articles,
  }
}

/** Plans and applies one copy; returns the state after, the report and the inverse. */
function bringBack(state: CorpusState, copy: CorpusState, now = NOW) {
  const { edit, report } = planCoderLayer(state, contentOf(copy), now, () => 'zzzzzz')
  const inverse = invertCorpusEdit(state, null, edit)
  return { after: applyCorpusEdit(state, null, edit, now), report, edit, inverse }
}

/** The passages of an article as [author, quote, themes]. */
const passagesOf = (state: CorpusState, id: string) =>
  state.articles.get(id)!.passages.map((p) => [p.author, p.quote, p.themeIds])

/** A state without the time of its last edit (which undo also moves). */
const timeless = (state: CorpusState) => ({ ...state, updatedAt: '' })

describe('bringing a coder’s copy back', () => {
  it('puts the coder’s passages in the article with the same text, and leaves the analyst’s', () => {
    const session = codedSession()
    let copy = coderCopyOf(session, { coder: 'Karim', keepPassages: true })
    copy = tagged(copy, 'refinery', 'Karim', [
      { quote: 'hausse des salaires', themes: ['wages'] },
      { quote: 'manquent de carburant', themes: ['risk', 'state'], note: 'pénurie' },
    ])
    const { after, report } = bringBack(session, copy)
    expect(passagesOf(after, 'refinery')).toEqual([
      [ANALYST, 'grève des raffineries', ['strike']],
      ['Karim', 'hausse des salaires', ['wages']],
      [ANALYST, 'réquisitions', ['state']],
      ['Karim', 'manquent de carburant', ['risk', 'state']],
    ])
    expect(after.meta.articles.find((a) => a.id === 'refinery')!.passageCount).toBe(4)
    expect(report).toMatchObject({
      coder: 'Karim',
      replaced: false,
      passages: { added: 2, removed: 0, changed: 0, unchanged: 0 },
      matched: 2,
      notInSession: [],
      unplaced: [],
      themesAdded: [],
      themesRenamed: [],
    })
    expect(after.meta.coders).toEqual([{ name: 'Karim', opened: ['refinery'], broughtBackAt: NOW }])
  })

  it('matches articles by their text, whatever their ids in the copy', () => {
    const session = coderSession()
    let copy = coderCopyOf(session, { coder: 'Amélie' })
    // The copy knows the rail article by another id (re-imported there).
    const rail = copy.articles.get('rail')!
    const articles = new Map(copy.articles)
    articles.delete('rail')
    articles.set('rail-2', { ...rail, id: 'rail-2' })
    copy = {
      ...copy,
      articles,
      meta: {
        ...copy.meta,
        articles: copy.meta.articles.map((a) => (a.id === 'rail' ? { ...a, id: 'rail-2' } : a)),
        coders: [{ name: 'Amélie', opened: ['rail-2', 'refinery'] }],
      },
    }
    copy = tagged(copy, 'rail-2', 'Amélie', [{ quote: 'prime', themes: ['wages'] }])
    const { after, report } = bringBack(session, copy)
    expect(passagesOf(after, 'rail')).toEqual([['Amélie', 'prime', ['wages']]])
    expect(report.matched).toBe(2)
    // Opened as the copy's record says, in the session's ids and list order.
    expect(after.meta.coders).toEqual([
      { name: 'Amélie', opened: ['refinery', 'rail'], broughtBackAt: NOW },
    ])
  })

  it('finds the passages again where the session’s text was edited before them, and lists those it cannot place', () => {
    let copy = coderCopyOf(coderSession(), { coder: 'Karim' })
    copy = tagged(copy, 'refinery', 'Karim', [
      { quote: 'hausse des salaires', themes: ['wages'] },
      { quote: 'réquisitions', themes: ['state', 'risk'] },
    ])
    // Meanwhile the analyst's article got a new first line and a word changed.
    const session = coderSession()
    const text = `Mise à jour : ${ARTICLE_TEXTS.refinery.replace('réquisitions', 'mesures')}`
    const edited: CorpusState = {
      ...session,
      meta: {
        ...session.meta,
        articles: session.meta.articles.map((a) =>
          a.id === 'refinery' ? { ...a, sha256: sha256Hex(text), chars: text.length } : a,
        ),
      },
      articles: new Map(session.articles).set('refinery', {
        ...session.articles.get('refinery')!,
        text,
      }),
    }
    const { after, report } = bringBack(edited, copy)
    const placed = after.articles.get('refinery')!.passages
    expect(placed.map((p) => [p.quote, p.start])).toEqual([
      ['hausse des salaires', text.indexOf('hausse des salaires')],
    ])
    expect(placed[0]!.prefix).toBe(text.slice(placed[0]!.start - 32, placed[0]!.start))
    expect(report.reanchored).toEqual({ articles: 1, passages: 1 })
    expect(report.unplaced).toEqual([
      { article: 'Article refinery', quote: 'réquisitions', themes: ['State', 'Risk'] },
    ])
    expect(report.passages.added).toBe(1)
  })

  it('lists the copy’s articles the session does not have, with the coder’s passages in each', () => {
    const full = coderSession(['refinery', 'rail', 'hospital'])
    let copy = coderCopyOf(full, { coder: 'Karim' })
    copy = tagged(copy, 'hospital', 'Karim', [
      { quote: 'manque de lits', themes: ['risk'] },
      { quote: 'fermeture des urgences', themes: ['risk'] },
    ])
    const { after, report } = bringBack(coderSession(), copy)
    expect(report.notInSession).toEqual([{ title: 'Article hospital', passages: 2 }])
    expect(report.matched).toBe(2)
    expect(report.passages.added).toBe(0)
    expect([...after.articles.keys()]).toEqual(['refinery', 'rail'])
  })

  it('adds the copy’s new themes marked as the coder’s, renames on a clash, reports renamed themes', () => {
    const session = coderSession()
    let copy = coderCopyOf(session, { coder: 'Karim' })
    copy = {
      ...copy,
      meta: {
        ...copy.meta,
        codebook: [
          // Renamed in the copy; "Strike" deleted there; two new ones, one named as a session theme.
          { id: 'wages', name: 'Pay', colour: '#009E73', key: '1' },
          { id: 'risk', name: 'Risk', colour: '#0072B2', key: '2' },
          { id: 'state', name: 'State', colour: '#CC79A7', key: '3' },
          { id: 'risk-k1', name: 'risk', colour: '#D55E00', description: 'danger' },
          { id: 'shortage-k2', name: 'Shortage', colour: '#56B4E9' },
        ],
      },
    }
    copy = tagged(copy, 'refinery', 'Karim', [
      { quote: 'manquent de carburant', themes: ['shortage-k2', 'risk-k1'] },
    ])
    const { after, report } = bringBack(session, copy)
    expect(report.themesAdded).toEqual([
      { name: 'risk (Karim)', copyName: 'risk' },
      { name: 'Shortage' },
    ])
    expect(report.themesRenamed).toEqual([{ name: 'Wages', copyName: 'Pay' }])
    expect(after.meta.codebook.map((t) => [t.name, t.key ?? null, t.fromCoder ?? null])).toEqual([
      ['Wages', '1', null],
      ['Strike', '2', null],
      ['Risk', '3', null],
      ['State', '4', null],
      ['risk (Karim)', '5', 'Karim'],
      ['Shortage', '6', 'Karim'],
    ])
    expect(after.meta.codebook[4]).toMatchObject({ colour: '#D55E00', description: 'danger' })
    expect(passagesOf(after, 'refinery')).toEqual([
      ['Karim', 'manquent de carburant', ['shortage-k2', 'risk-k1']],
    ])
  })

  it('replaces the coder’s layer with a newer copy: added, removed, changed and unchanged', () => {
    const session = codedSession()
    const first = tagged(coderCopyOf(session, { coder: 'Karim' }), 'refinery', 'Karim', [
      { quote: 'hausse des salaires', themes: ['wages'], id: 'k1' },
      { quote: 'deuxième semaine', themes: ['strike'], id: 'k2' },
      { quote: 'stations-service', themes: ['risk'], id: 'k3' },
    ])
    const once = bringBack(session, first).after
    // In the newer copy: k1 as it was, k2 with a note, k3 deleted, k4 new (another article).
    let newer = tagged(coderCopyOf(session, { coder: 'Karim' }), 'refinery', 'Karim', [
      { quote: 'hausse des salaires', themes: ['wages'], id: 'k1' },
      { quote: 'deuxième semaine', themes: ['strike'], id: 'k2', note: 'depuis lundi' },
    ])
    newer = tagged(newer, 'rail', 'Karim', [{ quote: 'prime', themes: ['wages'], id: 'k4' }])
    const { after, report, edit } = bringBack(once, newer, LATER)
    expect(report.replaced).toBe(true)
    expect(report.passages).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 })
    // Only what changed travels in the edit.
    expect(
      edit.type === 'setCoderLayer' &&
        edit.articles.map((a) => [a.articleId, a.remove, a.put.map((p) => p.id)]),
    ).toEqual([
      ['refinery', ['k2', 'k3'], ['k2']],
      ['rail', [], ['k4']],
    ])
    expect(passagesOf(after, 'refinery')).toEqual([
      [ANALYST, 'grève des raffineries', ['strike']],
      ['Karim', 'deuxième semaine', ['strike']],
      ['Karim', 'hausse des salaires', ['wages']],
      [ANALYST, 'réquisitions', ['state']],
    ])
    expect(after.meta.coders).toEqual([
      { name: 'Karim', opened: ['refinery', 'rail'], broughtBackAt: LATER },
    ])
  })

  it('is undone exactly by its inverse, and redone exactly', () => {
    const session = codedSession()
    const amelie = tagged(coderCopyOf(session, { coder: 'Amélie' }), 'rail', 'Amélie', [
      { quote: 'cheminots', themes: ['strike'] },
    ])
    const once = bringBack(session, amelie).after
    let copy = coderCopyOf(session, { coder: 'Karim', keepPassages: true })
    copy = {
      ...copy,
      meta: {
        ...copy.meta,
        codebook: [...copy.meta.codebook, { id: 'fuel-x', name: 'Fuel', colour: '#8F7A00' }],
      },
    }
    copy = tagged(copy, 'refinery', 'Karim', [
      { quote: 'carburant', themes: ['fuel-x'] },
      { quote: 'deuxième semaine', themes: ['strike'] },
    ])
    const { after, edit, inverse } = bringBack(once, copy)
    const undone = applyCorpusEdit(after, null, inverse, LATER)
    expect(timeless(undone)).toEqual(timeless(once))
    const redone = applyCorpusEdit(undone, null, edit, LATER)
    expect(timeless(redone)).toEqual(timeless(after))
    // The first bring-back is undone as exactly, down to a session with no coder records.
    const first = bringBack(session, amelie)
    expect(timeless(applyCorpusEdit(first.after, null, first.inverse, LATER))).toEqual(
      timeless(session),
    )
    expect('coders' in applyCorpusEdit(first.after, null, first.inverse, LATER).meta).toBe(false)
  })
})
