/**
 * What a unit's copy carries about its making (`resptable split`), so that `collect` can read it
 * back into the master without recognizing the copy again: the master and unit, and per sheet which
 * copy row is which master row, which columns units fill in (and where each is in the master), and
 * which rows of those columns are the unit's to fill. Kept as JSON text in a very hidden sheet; read
 * back through its schema, bounded, since a copy comes back from outside.
 */
import { z } from 'zod';

export const SPLIT_SHEET = '_resptable_split';
/** Where the master keeps the journal of its last collect. */
export const COLLECT_SHEET = '_resptable_collect';

/** The columns a unit fills in; everything else in its copy is locked. */
export const FILLABLE_ROLES = ['status', 'progress', 'evidence', 'remark'] as const;
export type FillableRole = (typeof FILLABLE_ROLES)[number];

const Column = z.string().regex(/^[A-Z]{1,3}$/);
const Row = z.number().int().positive().max(1_048_576);

export const SplitSheetSchema = z
  .object({
    sheet: z.string().min(1).max(31),
    /** [copy row, master row], every row the copy keeps, in order. */
    rows: z.array(z.tuple([Row, Row])).max(1_048_576),
    columns: z
      .array(
        z
          .object({
            role: z.enum(FILLABLE_ROLES),
            /** The same letter in copy and master: added columns go where the master has room. */
            column: Column,
            /** Added by split (the master had no such column): collect writes its header too. */
            added: z.boolean(),
            /** Master rows of its header cells. */
            headerRows: z.array(Row).max(10_000),
          })
          .strict(),
      )
      .max(FILLABLE_ROLES.length * 16),
    /** Master rows the unit fills in. */
    fillRows: z.array(Row).max(1_048_576),
  })
  .strict();

export const SplitManifestSchema = z
  .object({
    version: z.literal(1),
    /** The master's file name (no folder). */
    master: z.string().min(1).max(260),
    unit: z.string().min(1).max(200),
    by: z.enum(['lead', 'owner']),
    /** Every unit the split issued a copy to, so that collect can say who has not returned one. */
    units: z.array(z.string().min(1).max(200)).max(10_000),
    sheets: z.array(SplitSheetSchema).max(255),
  })
  .strict();

export type SplitManifest = z.infer<typeof SplitManifestSchema>;
export type SplitSheet = z.infer<typeof SplitSheetSchema>;

/** A manifest from its chunks; null when there is none; an error message key's params when it is broken. */
export function parseManifest(chunks: readonly string[] | null): { manifest: SplitManifest } | { error: string } | null {
  if (!chunks || chunks.length === 0) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(chunks.join(''));
  } catch {
    return { error: 'JSON' };
  }
  const parsed = SplitManifestSchema.safeParse(raw);
  if (!parsed.success) return { error: parsed.error.issues[0]?.path.join('.') || '(top)' };
  return { manifest: parsed.data };
}
