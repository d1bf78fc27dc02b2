/**
 * What the add-in keeps in a workbook besides an applied plan's journal: the user's column mapping,
 * the scoring policy, the language and as-of date last used, and a log of the fixes it wrote (each
 * with the cell's before-image, so that they can be undone exactly). Kept as JSON text in a very
 * hidden sheet, in one format that every host reads.
 */
import { z } from 'zod';
import { MappingSchema } from './mapping';
import { ScoringPolicySchema } from './scoring-policy';
import { canonicalJson, sha256Hex } from '../plan/digest';
import { outsideReach } from '../plan/formula-reach';
import { JournalBeforeImageSchema } from '../plan/journal';
import { LightsPolicySchema } from './lights-policy';

export const SETTINGS_SHEET = '_resptable_settings';

export const FixLogEntrySchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  /** The cell's before-image, in the journal's cell format (`{ value, style }`). */
  before: z.unknown(),
  after: z.union([z.string(), z.number()]),
});

/**
 * A logged fix as it may be acted on: read from a workbook that anyone may have written, it is held
 * to what the journal holds a before-image to (../plan/journal): its schema strict and bounded, a
 * formula that reaches no other program, file or address, one cell of one sheet.
 */
const TrustedFixSchema = z
  .object({
    sheet: z.string().min(1).max(31).regex(/^[^\\/?*[\]:]+$/),
    cell: z.string().regex(/^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/),
    before: JournalBeforeImageSchema,
    after: z.union([z.string().max(32_767), z.number().finite()]),
  })
  .strict()
  .refine((f) => {
    const v = f.before.value;
    return !(v !== null && typeof v === 'object' && 'formula' in v && outsideReach(v.formula) !== null);
  }, 'a formula that reaches outside the workbook');

/** At most this many fixes are kept: far more than anyone makes by hand, far below harm. */
const MAX_FIXES = 10_000;

/** The digest kept beside the fix log: over the log as written, so that one changed by hand is not undone. */
function fixesDigest(fixes: readonly FixLogEntry[]): string {
  return sha256Hex(canonicalJson(fixes));
}

export const StoredSettingsSchema = z.object({
  version: z.literal(1),
  mapping: MappingSchema.optional(),
  policy: ScoringPolicySchema.optional(),
  /** 序时进度 lights: written and counted when present. */
  lights: LightsPolicySchema.optional(),
  lang: z.enum(['zh-CN', 'en-US']).optional(),
  /** Fixed as-of date last used (ISO); absent: today. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  fixes: z.array(FixLogEntrySchema).default([]),
});

export type StoredSettings = z.infer<typeof StoredSettingsSchema>;
export type FixLogEntry = z.infer<typeof FixLogEntrySchema>;

/**
 * Kept settings from their sheet's text chunks; null when there are none, or when they cannot be
 * read (another version's, or broken by hand): the defaults then apply rather than a crash.
 */
export function parseStoredSettings(chunks: readonly string[] | null): StoredSettings | null {
  if (!chunks || chunks.length === 0) return null;
  try {
    const raw: unknown = JSON.parse(chunks.join(''));
    const parsed = StoredSettingsSchema.safeParse(raw);
    if (!parsed.success) return null;
    return { ...parsed.data, fixes: trustedFixes(parsed.data.fixes, (raw as { fixesDigest?: unknown }).fixesDigest) };
  } catch {
    return null;
  }
}

/**
 * The fix log as it may be undone, verified as the journal is: a log whose digest does not match
 * (changed by hand, or from a version that kept none) is not undone at all, and of a matching one
 * only the entries that pass the strict schema are (a forged before-image never reaches a cell).
 */
function trustedFixes(fixes: FixLogEntry[], digest: unknown): FixLogEntry[] {
  if (fixes.length === 0 || fixes.length > MAX_FIXES || digest !== fixesDigest(fixes)) return [];
  return fixes.filter((f) => TrustedFixSchema.safeParse(f).success);
}

/** The text kept for settings; null when they hold nothing, so the sheet goes and undoing every fix leaves no trace. */
export function storedSettingsText(s: StoredSettings): string | null {
  const empty = Object.keys(s).every((k) => k === 'version' || (k === 'fixes' && s.fixes.length === 0));
  if (empty) return null;
  return JSON.stringify(s.fixes.length > 0 ? { ...s, fixesDigest: fixesDigest(s.fixes) } : s);
}
