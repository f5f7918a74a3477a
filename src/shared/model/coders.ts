// Who codes: the coder a session attributes new passages to, the names an
// analyst may give coders, and the articles each coder opened (a session's
// `coders`). Shared by main (which records and writes) and the renderer
// (which checks names as they are typed). A passage keeps its coder in its
// `author` field.
// Pure: no DOM, no Node, no Electron. Must never return a name that
// coderNameSchema refuses as a coder to record (the index would not load).
import type { z } from 'zod'
import {
  CONSENSUS_CODER,
  coderNameSchema,
  MAX_ARTICLES,
  MAX_CODER_NAME_LENGTH,
  MAX_CODERS,
  type CoderCopy,
  type CorpusMeta,
} from './corpus'

/** True for the name kept for the coders' agreed passages ("consensus", in any case). */
export function isReservedCoderName(name: string): boolean {
  return name.normalize('NFC').toLowerCase() === CONSENSUS_CODER
}

/** A coder name an analyst may choose: a coder name that is not the reserved one. */
export const chosenCoderNameSchema = coderNameSchema.refine((name) => !isReservedCoderName(name), {
  message: `“${CONSENSUS_CODER}” is reserved for the coders’ agreed passages`,
})

/** Why a typed coder name cannot be used (after trimming). */
export type CoderNameProblem = 'empty' | 'tooLong' | 'control' | 'reserved'

/** The name as it would be kept (trimmed, NFC), or why it cannot be. */
export function checkCoderName(
  typed: string,
): { name: string; problem: null } | { name: string; problem: CoderNameProblem } {
  const name = typed.trim().normalize('NFC')
  if (name === '') return { name, problem: 'empty' }
  if (name.length > MAX_CODER_NAME_LENGTH) return { name, problem: 'tooLong' }
  if (!chosenCoderNameSchema.safeParse(name).success)
    return { name, problem: isReservedCoderName(name) ? 'reserved' : 'control' }
  return { name, problem: null }
}

/** The form of a name two coders may not share (one file name on a case-blind disk). */
export const coderKey = (name: string) => name.normalize('NFC').toLowerCase()

/**
 * Who new passages are attributed to: in a coder copy its coder (it cannot
 * be changed there), else the coder name set in Settings, else the
 * operating system's user.
 */
export function currentCoder(
  copy: CoderCopy | undefined,
  setting: string | null,
  systemUser: string,
): string {
  return copy?.coder ?? setting ?? systemUser
}

/**
 * The session's coders with `articleId` among the articles `coder` opened
 * (the coder's record made if absent); `meta` itself when it is there
 * already, or when `coder` is no name a record can hold (an empty system
 * user name) or the index could hold no more.
 */
export function withOpened(meta: CorpusMeta, coder: string, articleId: string): CorpusMeta {
  if (!coderNameSchema.safeParse(coder).success) return meta
  const coders = meta.coders ?? []
  const at = coders.findIndex((c) => c.name === coder)
  const record = coders[at]
  if (record?.opened.includes(articleId)) return meta
  if (record ? record.opened.length >= MAX_ARTICLES : coders.length >= MAX_CODERS) return meta
  const next = [...coders]
  if (record) next[at] = { ...record, opened: [...record.opened, articleId] }
  else next.push({ name: coder, opened: [articleId] })
  return { ...meta, coders: next }
}

/** The coder name setting as the renderer may change it: a chosen name, or null (the system user). */
export const coderNameSettingSchema = chosenCoderNameSchema.nullable()
export type CoderNameSetting = z.infer<typeof coderNameSettingSchema>
