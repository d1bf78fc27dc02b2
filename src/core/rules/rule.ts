/** What a validation rule is, and the context it reads. */
import type { Grid } from '../grid';
import type { Lang } from '../i18n';
import type { SheetView } from '../recognize/sheet-view';
import type { Role } from '../contract';
import type { ColumnReport, Finding, Severity, TableReport, TaskReport } from '../contract';

export type Family = 'structure' | 'dates' | 'owners' | 'weights' | 'numbering' | 'hygiene';

/** One finding before its message is written: the cell, what was there, and the message's parameters. */
export interface Hit {
  /** Cell address within the sheet (`G31`), or absent for a finding about the whole table. */
  cell?: string;
  found?: string;
  params?: Record<string, string | number>;
  fix?: { value: string | number | null };
}

export interface RuleContext {
  grid: Grid;
  view: SheetView;
  table: TableReport;
  lang: Lang;
  /** Rows of the table body that belong to no task. */
  orphanRows: readonly number[];
  columns(role: Role): ColumnReport[];
  /** The header text of a column as the sheet shows it (for messages), or its letter. */
  header(column: string): string;
  /** A task's name for messages: its seq, else its position. */
  seqOf(task: TaskReport): string;
}

export interface Rule {
  id: string;
  family: Family;
  severity: Severity;
  /** The rule offers a fix (a new value for the cell it names). */
  fixable?: true;
  check(ctx: RuleContext): Hit[];
}

export type { Finding };
