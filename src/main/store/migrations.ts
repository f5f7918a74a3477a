// Upgrades session files written by older versions of Gloss to the current
// schema, one version at a time. Pure over parsed JSON: the caller keeps a
// backup of the original bytes before anything is written back.
import { z } from 'zod'
import { makePassage } from '@shared/model/edits'
import { SCHEMA_VERSION } from '@shared/model/schema'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { sha256Hex } from './hash'
import { mainMessage } from '@shared/main-messages'
import { MessageError } from '../errors'

/**
 * Version 0: the preview format. No sha256, no source file name, themes
 * with `color` and no key, passages without quote/context/author, no UI state.
 */
const v0Schema = z.object({
  schemaVersion: z.literal(0),
  id: z.string(),
  createdAt: z.string(),
  document: z.object({ title: z.string(), text: z.string() }),
  codebook: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
  passages: z.array(
    z.object({
      id: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      themes: z.array(z.string()),
      note: z.string().default(''),
      createdAt: z.string(),
    }),
  ),
})

export class MigrationError extends MessageError {}

/** Reads the schema version of parsed JSON; 0 for the preview format. */
export function versionOf(json: unknown): number | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null
  const v = (json as { schemaVersion?: unknown }).schemaVersion
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null
}

function fromV0(json: unknown): unknown {
  const parsed = v0Schema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const path = first?.path.join('.')
    const detail = String(first?.message)
    throw new MigrationError(
      path
        ? mainMessage('main.migration.v0Shape', { path, detail })
        : mainMessage('main.migration.v0ShapeTop', { detail }),
    )
  }
  const old = parsed.data
  const text = old.document.text
  const keyOf = (i: number) => String(i + 1)
  return {
    schemaVersion: 1,
    id: old.id,
    createdAt: old.createdAt,
    updatedAt: old.passages.reduce((t, p) => (p.createdAt > t ? p.createdAt : t), old.createdAt),
    document: { title: old.document.title, sourceFileName: '', text, sha256: sha256Hex(text) },
    codebook: old.codebook.map((t, i) => ({
      id: t.id,
      name: t.name,
      colour: /^#[0-9a-fA-F]{6}$/.test(t.color) ? t.color : DEFAULT_CODEBOOK[i % 4]!.colour,
      key: keyOf(i),
    })),
    passages: old.passages.map((p) => {
      if (!(p.start >= 0 && p.end > p.start && p.end <= text.length))
        throw new MigrationError(
          mainMessage('main.migration.outside', { id: p.id, start: p.start, end: p.end }),
        )
      const themeIds = [...new Set(p.themes)]
      const base = makePassage(text, { ...p, themeIds, author: '', now: p.createdAt })
      return { ...base, note: p.note }
    }),
    ui: { scrollTop: 0 },
  }
}

const STEPS: Record<number, (json: unknown) => unknown> = { 0: fromV0 }

/** Migrates parsed JSON of version `from` up to SCHEMA_VERSION. */
export function migrate(json: unknown, from: number): unknown {
  let current = json
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = STEPS[v]
    if (!step) throw new MigrationError(mainMessage('main.migration.noStep', { version: v }))
    current = step(current)
  }
  return current
}
