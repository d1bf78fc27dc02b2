/**
 * How scores are computed; kept in the workbook beside the mapping. The defaults fit the seeds:
 * weights as written, 100 shared equally when a table has none, declared category totals as caps,
 * half credit for a milestone done late, a failed veto item zeroing its own category.
 */
import { z } from 'zod';

export const ScoringPolicySchema = z.object({
  /** A node due within this many days of the as-of date is due soon. */
  dueSoonDays: z.number().int().min(0).max(366).default(7),
  /** Credit for a milestone done after its deadline, 0–1. */
  lateCredit: z.number().min(0).max(1).default(0.5),
  /** Percentages in a status cell earn that share of the milestone. */
  partialCredit: z.boolean().default(false),
  /** Shared equally among the tasks of a table without weights. */
  equalSharesTotal: z.number().positive().default(100),
  /** A category's earned points never exceed its declared total (`（380分）`). */
  capCategories: z.boolean().default(true),
  /** What a veto item (一票否决) that is not done zeroes: its category, or the whole table. */
  vetoScope: z.enum(['category', 'total']).default('category'),
});

export type ScoringPolicy = z.infer<typeof ScoringPolicySchema>;

export const DEFAULT_POLICY: ScoringPolicy = ScoringPolicySchema.parse({});
