/**
 * The colours the plan writes into a workbook (RGB hex, no `#`): node states, the lights, and the
 * header cells of what the add-in adds. One home, so that a view drawing them (the workbench, its
 * status bar's legend) shows what Excel will show.
 */
import type { Light } from '../contract';

export interface Look {
  fill: string;
  font: string;
}

/** A node's state colours, Excel's own "good / bad / neutral" cell styles. */
export const STATE_LOOK: Record<'done' | 'overdue' | 'dueSoon', Look> = {
  done: { fill: 'C6EFCE', font: '006100' },
  overdue: { fill: 'FFC7CE', font: '9C0006' },
  dueSoon: { fill: 'FFEB9C', font: '9C5700' },
};

/** The fills (and fonts) of the lights: distinct from the state colours, so that a reader (and the workbench) tells them apart. */
export const LIGHT_LOOK: Record<Light, Look> = {
  green: { fill: '92D050', font: '1E4620' },
  blue: { fill: '9BC2E6', font: '1F3864' },
  yellow: { fill: 'FFD966', font: '7F6000' },
  red: { fill: 'FF7C80', font: '7B0000' },
};

/** The fill of every header cell the plan writes (its own columns, the summary sheet's headings). */
export const HEADER_FILL = 'DDEBF7';
