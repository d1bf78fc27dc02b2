/**
 * What the add-in keeps in a workbook besides an applied plan's journal: the user's column mapping,
 * the scoring policy, the language and as-of date last used, and a log of the fixes it wrote (each
 * with the cell's before-image, so that they can be undone exactly). Kept as JSON text in a very
 * hidden sheet, in one format that every host reads.
 */
import { z } from 'zod';
import { MappingSchema } from './mapping';
import { ScoringPolicySchema } from './scoring-policy';
import { LightsPolicySchema } from './lights-policy';

export const SETTINGS_SHEET = '_resptable_settings';

export const FixLogEntrySchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  /** The cell's before-image, in the journal's cell format (`{ value, style }`). */
  before: z.unknown(),
  after: z.union([z.string(), z.number()]),
});

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
    const parsed = StoredSettingsSchema.safeParse(JSON.parse(chunks.join('')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The text kept for settings; null when they hold nothing, so the sheet goes and undoing every fix leaves no trace. */
export function storedSettingsText(s: StoredSettings): string | null {
  const empty = Object.keys(s).every((k) => k === 'version' || (k === 'fixes' && s.fixes.length === 0));
  return empty ? null : JSON.stringify(s);
}
