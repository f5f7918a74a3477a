// A session of the bundled French sample whose passages come from several
// coders, for the specs and pictures of coders shown apart: each coder tags
// some of the same sentences (as coders do in agreement work) with the same
// or other themes, and a few sentences of its own. Written as a real
// session folder (write-corpus.ts). Test support only.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { DEFAULT_CODEBOOK } from '../src/shared/model/codebook'
import type { ArticleData, ArticleEntry, CoderRecord } from '../src/shared/model/corpus'
import type { CorpusState } from '../src/shared/model/corpus-edits'
import { comparePassages, makePassage } from '../src/shared/model/edits'
import { normalizeText } from '../src/shared/model/text'
import { writeCorpus } from './write-corpus'

export const LAYERS_TIME = '2026-12-02T09:00:00.000Z'
export const LAYERS_ARTICLE = 'article-openai'

/** A coder's passages: [the words (their first occurrence in the sample), theme ids]. */
export type CoderTags = readonly (readonly [string, readonly string[]])[]

/** Who tagged what: the same sentences by two or three coders, with the same or other themes. */
export const LAYER_TAGS: Record<string, CoderTags> = {
  Camille: [
    ['Il y a trois semaines, un ingénieur du nom de Calvin French-Owen', ['growth']],
    ['comprenait le sprint sans sommeil pour construire Codex', ['culture']],
    ['Croissance rapide: Openai est passé de 1 000 à 3 000 personnes', ['growth']],
    ['Il s’agit du produit de consommation à croissance rapide', ['growth', 'safety']],
  ],
  Malik: [
    ['Il y a trois semaines, un ingénieur du nom de Calvin French-Owen', ['growth']],
    ['le sprint sans sommeil pour construire Codex', ['culture', 'secrecy']],
    ['Croissance rapide: Openai est passé de 1 000 à 3 000 personnes', ['culture']],
    ['Le fabricant de modèles LLM a certainement des raisons', ['safety']],
  ],
  consensus: [
    ['Il y a trois semaines, un ingénieur du nom de Calvin French-Owen', ['growth']],
    ['comprenait le sprint sans sommeil pour construire Codex', ['culture']],
    ['Croissance rapide: Openai est passé de 1 000 à 3 000 personnes', ['growth', 'culture']],
  ],
}

/** The sample's text as Gloss keeps it (normalized). */
export async function sampleText(): Promise<string> {
  return normalizeText(await readFile(resolve('resources/sample-article-fr.txt'), 'utf8'))
}

/**
 * The one-article session of the sample with the passages of `tags` by
 * coder; `records` lists coders in the index (default: none, the coders are
 * the passages' authors).
 */
export function layeredSession(
  text: string,
  tags: Record<string, CoderTags>,
  records: readonly CoderRecord[] = [],
  id = 'session-coder-layers',
): CorpusState {
  const passages = Object.entries(tags)
    .flatMap(([coder, list]) =>
      list.map(([words, themes], i) => {
        const start = text.indexOf(words)
        if (start < 0) throw new Error(`“${words}” is not in the sample`)
        return makePassage(text, {
          id: `${coder.replace(/[^A-Za-z0-9]/g, '') || 'none'}-${i}`,
          start,
          end: start + words.length,
          themeIds: [...themes],
          author: coder,
          now: LAYERS_TIME,
        })
      }),
    )
    .sort(comparePassages)
  const entry: ArticleEntry = {
    id: LAYERS_ARTICLE,
    title: 'OpenAI vu de l’intérieur',
    sourceFileName: 'sample-article-fr.txt',
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    chars: text.length,
    addedAt: LAYERS_TIME,
    attributes: {},
    passageCount: passages.length,
  }
  const article: ArticleData = {
    id: LAYERS_ARTICLE,
    text,
    passages,
    ui: { scrollTop: 0 },
    updatedAt: LAYERS_TIME,
  }
  return {
    id,
    createdAt: LAYERS_TIME,
    updatedAt: LAYERS_TIME,
    meta: {
      codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
      themeGroups: [],
      attributeDefs: [],
      articles: [entry],
      ...(records.length > 0 && { coders: [...records] }),
    },
    articles: new Map([[LAYERS_ARTICLE, article]]),
  }
}

/** Writes the session as a folder at `dir`; the path of its index. */
export async function writeLayeredSession(
  dir: string,
  tags: Record<string, CoderTags> = LAYER_TAGS,
  records: readonly CoderRecord[] = [],
): Promise<string> {
  return writeCorpus(dir, layeredSession(await sampleText(), tags, records))
}
