/** Reading every node's deadline cell with the table's plan year, into the report's Deadline. */
import { parseDeadlineCell, parseDeadlineText, type ParsedDeadline } from '../dates';
import { getCell, localAddress, parseCell, type Grid } from '../grid';
import type { Deadline, TableReport } from '../contract';

export function toReportDeadline(d: ParsedDeadline, text: string, cell: string): Deadline {
  const out: Deadline = { kind: d.kind, text, cell };
  if (d.start) out.start = d.start;
  if (d.end) out.end = d.end;
  if (d.every) out.every = d.every;
  if (d.noYear) out.noYear = true;
  if (d.kind === 'dates' || d.kind === 'invalid' || d.parts.some((p) => p.invalid)) {
    out.parts = d.parts.map((p) => {
      const part: NonNullable<Deadline['parts']>[number] = { text: p.text };
      if (p.start) part.start = p.start;
      if (p.end) part.end = p.end;
      if (p.invalid) part.invalid = p.invalid.code;
      return part;
    });
  }
  return out;
}

/** The parsed deadline of a node's deadline cell (a date cell stays a date, text is read as written). */
export function readDeadline(grid: Grid, deadline: Deadline, year: number | null): ParsedDeadline {
  const address = localAddress(deadline.cell);
  const { row, col } = parseCell(address);
  const cell = getCell(grid, row, col);
  // A deadline read from inside node text (`3月31日前，…`) is its text, not the whole cell.
  if (cell && cell.text.trim() === deadline.text) return parseDeadlineCell(cell, { year });
  return parseDeadlineText(deadline.text, { year });
}

export function annotateDeadlines(grid: Grid, table: TableReport): void {
  // A deadline cell merged over several node rows is read once, for the first of them: the same
  // cell and text with the same plan year give the same reading. Each node still gets its own object.
  const read = new Map<string, { text: string; parsed: ParsedDeadline }>();
  const keyOf = (d: Deadline): string => `${d.cell}\u0000${d.text}`;
  const readAll = (year: number | null): void => {
    read.clear();
    for (const task of table.tasks) {
      for (const node of task.nodes) {
        const d = node.deadline;
        if (!d || read.has(keyOf(d))) continue;
        read.set(keyOf(d), { text: d.text, parsed: readDeadline(grid, d, year) });
      }
    }
  };
  readAll(table.year);
  // With no plan year stated, a `12月底前` among deadlines that all name 2024 is due in 2024: the
  // year its neighbours give, when they give one year only.
  if (table.year === null) {
    const year = theOneYear([...read.values()].map((k) => k.parsed));
    if (year !== null && [...read.values()].some((k) => k.parsed.noYear)) readAll(year);
  }
  for (const task of table.tasks) {
    for (const node of task.nodes) {
      const d = node.deadline;
      if (!d) continue;
      const kept = read.get(keyOf(d)) as { text: string; parsed: ParsedDeadline };
      node.deadline = toReportDeadline(kept.parsed, d.text, d.cell);
    }
  }
}

/** The one year every dated deadline falls in, or null when they name none or several. */
function theOneYear(parsed: readonly ParsedDeadline[]): number | null {
  const years = new Set<number>();
  for (const p of parsed) {
    if (p.noYear) continue;
    for (const iso of [p.start, p.end]) if (iso) years.add(Number(iso.slice(0, 4)));
  }
  return years.size === 1 ? ([...years][0] as number) : null;
}
