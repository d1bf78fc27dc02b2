/**
 * How scores are computed; kept in the workbook beside the mapping.
 *
 * Defaults, and why:
 * - `reading: 'so-far'` (earned so far): a score is read against the points already decided — nodes
 *   done, done late or overdue. Nodes not yet due are open: they earn nothing and are not counted
 *   against the unit either. Staff check mid-year with today as the as-of date; counting a node due
 *   in December as lost in July would mark every unit down for work nobody expects yet, and counting
 *   it as earned (what this add-in used to do) gave full marks for nothing. `'year-end'` reads as an
 *   assessor does after the year: every node with a deadline that is not done counts against the
 *   unit, due yet or not. In neither reading does a node that is not done earn its share.
 * - Nodes with no deadline and no status saying done or behind cannot be scored in either reading:
 *   they are reported as unscorable, never as earned or lost.
 * - Weights as written; 100 shared equally when a table has none (and the report says so); declared
 *   category totals as caps; half credit for a milestone done late; a failed veto item zeroing its
 *   own category.
 */
import { z } from 'zod';

export const SCORE_READINGS = ['so-far', 'year-end'] as const;
export type ScoreReading = (typeof SCORE_READINGS)[number];

export const ScoringPolicySchema = z.object({
  /** Which points a score is read against: those decided so far, or all with a deadline (see above). */
  reading: z.enum(SCORE_READINGS).default('so-far'),
  /** A node due within this many days of the as-of date is due soon. */
  dueSoonDays: z.number().int().min(0).max(366).default(7),
  /** Credit for a milestone done after its deadline, 0–1. */
  lateCredit: z.number().min(0).max(1).default(0.5),
  /** Percentages in a status cell earn that share of an overdue milestone. */
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
