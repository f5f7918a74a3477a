// The zod schemas of an article filter (corpus-query.ts) and of a coder
// filter (passages of any of these coders), for IPC arguments.
import { z } from 'zod'
import { MAX_CODER_NAME_LENGTH } from './corpus'
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

/**
 * A coder filter: the coders whose passages are kept, by the name passages
 * record as their `author` ('' for passages without a coder).
 */
// Typed readonly without zod's .readonly(): that freezes what it is given
// even when the check failed, and freezing a typed array (hostile IPC
// arguments) throws instead of failing the check.
export const coderFilterSchema: z.ZodType<readonly string[]> = z
  .array(z.string().max(MAX_CODER_NAME_LENGTH))
  .max(1_000)
