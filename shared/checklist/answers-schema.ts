import { z } from 'zod';

/**
 * The checklist answers as they travel (IPC, `checklist.json` of the bundle): bounded, so a
 * hostile file cannot make the reader allocate without limit.
 */
export const MAX_CHECKLIST_ENTRIES = 500;

export const checklistAnswersSchema = z
  .record(
    z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/).max(100),
    z.strictObject({ choice: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(), done: z.boolean() }),
  )
  .refine((r) => Object.keys(r).length <= MAX_CHECKLIST_ENTRIES, { message: 'too many entries' });
