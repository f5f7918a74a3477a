// The zod schema of an article filter (corpus-query.ts), for IPC arguments.
import { z } from 'zod'
import { idSchema } from './schema'

const attribute = z.union([idSchema, z.literal('title')])
const value = z.string().max(2_000)

export const articleFilterSchema = z.object({
  title: z.string().max(1_000),
  conditions: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ attribute, kind: z.literal('in'), values: z.array(value).max(10_000) }),
        z.object({
          attribute,
          kind: z.literal('range'),
          from: value.optional(),
          to: value.optional(),
        }),
        z.object({ attribute, kind: z.literal('contains'), text: value }),
      ]),
    )
    .max(100),
  coded: z.enum(['any', 'coded', 'uncoded']),
})
