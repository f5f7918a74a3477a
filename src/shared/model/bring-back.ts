// Planning what bringing one coder's copy back does to the session, as one
// `setCoderLayer` edit (coder-layer.ts) and a report for the analyst.
//
// - Articles are matched by their text's sha256: the coder's passages go to
//   the session's article with the same text, at the same offsets. An
//   article of the copy whose text is not in the session but whose id is
//   (edited or re-imported on one side) gets the coder's passages found
//   again in the session's text (reanchor.ts); a passage that cannot be
//   found is listed, never dropped silently. Any other article of the copy
//   is listed as not in the session, with the coder's passages in it.
// - Only passages whose `author` is the coder are taken: a copy made with
//   the analyst's own passages holds those too, and they stay as they are
//   in the session.
// - Themes are matched by id. A theme of the copy the session lacks is
//   added, marked `fromCoder`, with its name (the coder's name after it when
//   the name is taken), colour and description, in its group when the
//   session has that group. A theme the coder renamed keeps the session's
//   name, and is reported. A theme the coder deleted has no passages of
//   theirs.
// - The coder's layer in the session is replaced whole: passages of that
//   coder that the copy no longer has go, changed ones are replaced, new ones
//   come, identical ones stay (in neither list of the edit). The coder's
//   record says which session articles the coder opened and when the copy
//   came back.
// Pure: no DOM, no Node, no Electron.
import type { ArticleData, CoderRecord, IndexArticle, ThemeGroup } from './corpus'
import type { CorpusState } from './corpus-edits'
import { orderByGroup } from './codebook-order'
import { randomSuffix, renumberKeys, themeNameProblem } from './codebook-rules'
import type { SetCoderLayer } from './coder-layer'
import { makePassage } from './edits'
import { reanchor } from './reanchor'
import { MAX_THEME_NAME_LENGTH, type Passage, type Theme } from './schema'

/** A coder copy read and checked: what the plan needs of it. */
export interface CoderCopyContent {
  /** The copy's file name, for the report. */
  file: string
  coder: string
  codebook: readonly Theme[]
  articles: readonly Pick<IndexArticle, 'id' | 'title' | 'sha256'>[]
  /** The copy's coder records (the coder's says which articles they opened). */
  coders?: readonly CoderRecord[]
  texts: ReadonlyMap<string, ArticleData>
}

/** What bringing one copy back did, for the analyst. */
export interface CoderReport {
  file: string
  coder: string
  /** The coder's work was here before (brought back earlier, or passages of theirs): it is replaced. */
  replaced: boolean
  passages: { added: number; removed: number; changed: number; unchanged: number }
  /** Articles of the copy matched to the session's (by text, or by id when the text differs). */
  matched: number
  /** Articles of the copy the session does not have, with the coder's passages in each. */
  notInSession: { title: string; passages: number }[]
  /** Articles whose text differs between the copy and the session, and their passages found again. */
  reanchored: { articles: number; passages: number }
  /** Passages that could not be found in the session's text. */
  unplaced: { article: string; quote: string; themes: string[] }[]
  /** Themes added to the codebook (`name` as added; `copyName` when it was changed to be unique). */
  themesAdded: { name: string; copyName?: string }[]
  /** Themes the coder renamed: the session's name (kept) and the copy's. */
  themesRenamed: { name: string; copyName: string }[]
}

export interface CoderPlan {
  edit: SetCoderLayer
  report: CoderReport
}

/** Plans bringing `copy` back into `state` (every article in memory, as in main). */
export function planCoderLayer(
  state: CorpusState,
  copy: CoderCopyContent,
  now: string,
  random: () => string = randomSuffix,
): CoderPlan {
  const { coder } = copy
  const themes = planThemes(state, copy)
  const codebook = themes.codebook ?? state.meta.codebook
  const themeName = themeNamer(codebook, copy.codebook)

  // The coder's passages as the copy has them, by session article.
  const bySha = new Map<string, string>()
  for (const a of state.meta.articles) if (!bySha.has(a.sha256)) bySha.set(a.sha256, a.id)
  const listed = new Set(state.meta.articles.map((a) => a.id))
  const used = new Set<string>()
  const layer = new Map<string, Passage[]>()
  const toSession = new Map<string, string>()
  const report: Omit<CoderReport, 'passages' | 'replaced'> = {
    file: copy.file,
    coder,
    matched: 0,
    notInSession: [],
    reanchored: { articles: 0, passages: 0 },
    unplaced: [],
    themesAdded: themes.added,
    themesRenamed: themes.renamed,
  }
  for (const entry of copy.articles) {
    const article = copy.texts.get(entry.id)
    const own = (article?.passages ?? []).filter((p) => p.author === coder)
    const same = bySha.get(entry.sha256)
    const target =
      same !== undefined && !used.has(same)
        ? same
        : listed.has(entry.id) && !used.has(entry.id)
          ? entry.id
          : null
    if (target === null || !article) {
      report.notInSession.push({ title: entry.title, passages: own.length })
      continue
    }
    used.add(target)
    toSession.set(entry.id, target)
    report.matched++
    if (target === same) {
      layer.set(target, own)
      continue
    }
    // The text differs: the passages are found again in the session's text.
    report.reanchored.articles++
    const text = state.articles.get(target)?.text ?? ''
    const placed: Passage[] = []
    for (const p of own) {
      const at = reanchor(text, p)
      if (!at) {
        report.unplaced.push({
          article: entry.title,
          quote: p.quote,
          themes: p.themeIds.map(themeName),
        })
        continue
      }
      placed.push(anchoredAt(text, p, at.start, at.end))
      report.reanchored.passages++
    }
    layer.set(target, placed)
  }

  // The coder's layer in the session now, and the change to the copy's.
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 }
  // Brought back before (even with no passages then), or passages of the coder here.
  let replaced = (state.meta.coders ?? []).some((r) => r.name === coder && r.broughtBackAt)
  const articles: SetCoderLayer['articles'] = []
  for (const entry of state.meta.articles) {
    const held = state.articles.get(entry.id)
    const before = (held?.passages ?? []).filter((p) => p.author === coder)
    if (before.length) replaced = true
    const after = layer.get(entry.id) ?? []
    if (before.length === 0 && after.length === 0) continue
    const old = new Map(before.map((p) => [p.id, p]))
    const others = new Set(
      (held?.passages ?? []).filter((p) => p.author !== coder).map((p) => p.id),
    )
    const remove: string[] = []
    const put: Passage[] = []
    for (let p of after) {
      const was = old.get(p.id)
      if (!was) {
        // An id another author's passage has here: the coder's gets a new one.
        if (others.has(p.id)) p = { ...p, id: `${p.id.slice(0, 57)}-${random()}` }
        counts.added++
        put.push(p)
        continue
      }
      old.delete(p.id)
      if (samePassage(was, p)) counts.unchanged++
      else {
        counts.changed++
        remove.push(p.id)
        put.push(p)
      }
    }
    for (const id of old.keys()) {
      counts.removed++
      remove.push(id)
    }
    if (remove.length || put.length) articles.push({ articleId: entry.id, remove, put })
  }

  const record: CoderRecord = {
    name: coder,
    opened: openedArticles(state, copy, toSession, layer),
    broughtBackAt: now,
  }
  const records = state.meta.coders ?? []
  const coders = records.some((r) => r.name === coder)
    ? records.map((r) => (r.name === coder ? record : r))
    : [...records, record]
  return {
    edit: {
      type: 'setCoderLayer',
      coder,
      ...(themes.codebook && { codebook: themes.codebook }),
      coders,
      articles,
    },
    report: { ...report, replaced, passages: counts },
  }
}

/** The session's articles the coder opened: their record in the copy, and those they tagged. */
function openedArticles(
  state: CorpusState,
  copy: CoderCopyContent,
  toSession: ReadonlyMap<string, string>,
  layer: ReadonlyMap<string, Passage[]>,
): string[] {
  const opened = new Set<string>()
  const record = copy.coders?.find((r) => r.name === copy.coder)
  for (const id of record?.opened ?? []) {
    const target = toSession.get(id)
    if (target !== undefined) opened.add(target)
  }
  for (const [id, passages] of layer) if (passages.length) opened.add(id)
  return state.meta.articles.filter((a) => opened.has(a.id)).map((a) => a.id)
}

/** A passage placed at [start, end) of `text`: its quote and context from there, the rest kept. */
function anchoredAt(text: string, p: Passage, start: number, end: number): Passage {
  const placed = makePassage(text, {
    id: p.id,
    start,
    end,
    themeIds: p.themeIds,
    author: p.author,
    now: p.createdAt,
  })
  return { ...placed, note: p.note, createdAt: p.createdAt, updatedAt: p.updatedAt }
}

/** Field by field. */
export function samePassage(a: Passage, b: Passage): boolean {
  return (
    a.id === b.id &&
    a.start === b.start &&
    a.end === b.end &&
    a.quote === b.quote &&
    a.prefix === b.prefix &&
    a.suffix === b.suffix &&
    a.note === b.note &&
    a.author === b.author &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.themeIds.length === b.themeIds.length &&
    a.themeIds.every((t, i) => t === b.themeIds[i])
  )
}

/** The codebook with the copy's new themes (null: unchanged), and what to report about themes. */
function planThemes(
  state: CorpusState,
  copy: CoderCopyContent,
): {
  codebook: Theme[] | null
  added: CoderReport['themesAdded']
  renamed: CoderReport['themesRenamed']
} {
  const current = state.meta.codebook
  const byId = new Map(current.map((t) => [t.id, t]))
  const groups: readonly ThemeGroup[] = state.meta.themeGroups
  const next: Theme[] = [...current]
  const added: CoderReport['themesAdded'] = []
  const renamed: CoderReport['themesRenamed'] = []
  for (const theme of copy.codebook) {
    const known = byId.get(theme.id)
    if (known) {
      if (known.name !== theme.name) renamed.push({ name: known.name, copyName: theme.name })
      continue
    }
    const name = uniqueName(theme.name, copy.coder, next)
    const groupId = groups.some((g) => g.id === theme.groupId) ? theme.groupId : undefined
    next.push({
      id: theme.id,
      name,
      colour: theme.colour,
      ...(groupId !== undefined && { groupId }),
      ...(theme.description && { description: theme.description }),
      fromCoder: copy.coder,
    })
    added.push(name === theme.name ? { name } : { name, copyName: theme.name })
  }
  if (added.length === 0) return { codebook: null, added, renamed }
  // Grouped, keys following the order while they do (as adding a theme by hand).
  return { codebook: renumberKeys(orderByGroup(next, groups), current), added, renamed }
}

/** `name`, or `name (coder)` (then `name (coder 2)`…) when the codebook has it or it is reserved. */
function uniqueName(name: string, coder: string, codebook: readonly Theme[]): string {
  const base = name.trim() || 'theme'
  if (themeNameProblem(base, codebook) === null) return base
  for (let n = 1; ; n++) {
    const tag = ` (${coder.slice(0, 60)}${n > 1 ? ` ${n}` : ''})`
    const candidate = `${base.slice(0, Math.max(1, MAX_THEME_NAME_LENGTH - tag.length))}${tag}`
    if (themeNameProblem(candidate, codebook) === null) return candidate
  }
}

/** A theme's name for the report: the session's, else the copy's, else its id. */
function themeNamer(session: readonly Theme[], copy: readonly Theme[]): (id: string) => string {
  const names = new Map([...copy, ...session].map((t) => [t.id, t.name]))
  return (id) => names.get(id) ?? id
}
