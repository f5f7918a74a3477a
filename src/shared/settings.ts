// The analyst's settings, shared by main (which stores them) and the renderer.
import { z } from 'zod'
import { coderNameSettingSchema } from './model/coders'

export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean(),
})
export type WindowBounds = z.infer<typeof windowBoundsSchema>

export const settingsSchema = z.object({
  version: z.literal(1),
  /** UI language; 'system' follows the operating system. */
  locale: z.enum(['system', 'en', 'fr']).default('system'),
  /** Reopen the session that was open when Gloss quit. */
  reopenLast: z.boolean().default(true),
  /** The session open right now (kept by main; null on the start screen). */
  openSessionId: z.string().max(64).nullable().default(null),
  /** The main window's last size and place (kept by main). */
  window: windowBoundsSchema.nullable().default(null),
  /**
   * Who new passages are attributed to (outside a coder copy, whose coder
   * wins); null: the operating system's user. A name a hand-edited file
   * spoils counts as null rather than costing the other settings.
   */
  coderName: coderNameSettingSchema.default(null).catch(null),
  /** Keep a copy of each file an article is added from, in the session folder (off: text only). */
  keepOriginals: z.boolean().default(false).catch(false),
})

export type Settings = z.infer<typeof settingsSchema>

/** What the renderer may change. */
export const settingsChangeSchema = z
  .object({
    locale: settingsSchema.shape.locale.unwrap(),
    reopenLast: z.boolean(),
    coderName: coderNameSettingSchema,
    keepOriginals: z.boolean(),
  })
  .partial()
  .strict()
export type SettingsChange = z.infer<typeof settingsChangeSchema>

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  locale: 'system',
  reopenLast: true,
  openSessionId: null,
  window: null,
  coderName: null,
  keepOriginals: false,
}
