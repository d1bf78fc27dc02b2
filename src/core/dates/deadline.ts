/**
 * A deadline as the tables write it: one date, a range, a period (month, quarter, half, year),
 * several of these, a recurring rule, text with no date, or an impossible date. `start`/`end` are
 * ISO dates; `end` is when it is due. Without a year in the text or a plan year, no ISO date is
 * invented: `noYear` says so.
 */
export type DeadlineKind = 'date' | 'range' | 'period' | 'dates' | 'recurring' | 'text' | 'invalid';

export type InvalidReason =
  | { code: 'day-out-of-range'; month: number; days: number }
  | { code: 'month-out-of-range'; month: number }
  /** A date cell whose serial is past 9999-12-31 (shown as ####), such as 20181231 typed into a date format. */
  | { code: 'serial-out-of-range' };

export interface DeadlinePart {
  kind: 'date' | 'range' | 'period';
  /** The words of the cell this part was read from. */
  text: string;
  start?: string;
  end?: string;
  /** Set when the part names an impossible date; start and end are then absent. */
  invalid?: InvalidReason;
  /** The year came from the text itself, not from the plan year. */
  explicitYear: boolean;
}

export type Recurrence = 'month' | 'month-end' | 'quarter' | 'quarter-first-month' | 'half-year' | 'year' | 'week';

export interface ParsedDeadline {
  kind: DeadlineKind;
  text: string;
  start?: string;
  end?: string;
  parts: DeadlinePart[];
  every?: Recurrence;
  /** A date needed a year and neither the text nor the plan year gave one. */
  noYear?: boolean;
}
