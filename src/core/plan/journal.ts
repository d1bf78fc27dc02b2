/**
 * The journal of an applied plan: what every touched thing was before, so that the host can put it
 * back exactly, and the settings (scoring policy, the user's column mapping) the plan was made with.
 * It lives inside the workbook (a very hidden sheet of JSON text), in one format every host reads;
 * the before-images of cells are the host's own serialisation (opaque here). Reverting removes it
 * with everything else the add-in wrote.
 */
import { z } from 'zod';
import { MappingSchema } from '../settings/mapping';
import { ScoringPolicySchema } from '../settings/scoring-policy';
import { EditPlanSchema } from './plan';

export const JOURNAL_SHEET = '_resptable_journal';
/** Cell text limit of Excel is 32767 characters; chunks stay well under it. */
export const JOURNAL_CHUNK = 30000;

export const JournalSchema = z.object({
  version: z.literal(1),
  plan: EditPlanSchema,
  /**
   * Before-image of each touched cell: `{ value, style }`, the value as JSON (a date as
   * `{ "$date": ISO }`, a formula as `{ formula, result }`, rich text as `{ richText }`), the style in
   * the OOXML shape ExcelJS uses (`numFmt`, `font`, `fill`, `alignment`, `border`). The Office.js host
   * maps that shape onto `range.format`; keep it the one format both hosts read.
   */
  cells: z.array(z.object({ sheet: z.string(), cell: z.string(), before: z.unknown() })),
  widths: z.array(z.object({ sheet: z.string(), column: z.string(), before: z.number().nullable() })),
  validations: z.array(z.object({ sheet: z.string(), range: z.string(), before: z.unknown() })),
  highlights: z.array(z.object({ sheet: z.string(), countBefore: z.number().int().nonnegative() })),
  names: z.array(z.object({ name: z.string(), before: z.array(z.string()) })),
  sheetsAdded: z.array(z.string()),
  /** The settings the plan was made with: the next apply, in any host, starts from them. */
  settings: z
    .object({ policy: ScoringPolicySchema, mapping: MappingSchema.optional(), lang: z.enum(['zh-CN', 'en-US']) })
    .optional(),
});

export type Journal = z.infer<typeof JournalSchema>;

export function journalChunks(j: Journal): string[] {
  const text = JSON.stringify(j);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += JOURNAL_CHUNK) out.push(text.slice(i, i + JOURNAL_CHUNK));
  return out;
}

export function parseJournal(chunks: readonly string[]): Journal {
  return JournalSchema.parse(JSON.parse(chunks.join('')));
}
