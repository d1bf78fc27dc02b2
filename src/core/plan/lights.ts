/**
 * 序时进度 lights, live in the workbook: three columns to the right of a table's score column —
 * the share of each node's window elapsed as of the as-of cell, the progress read from its progress
 * cell, and its light — each a formula that computes what core/progress/elapsed.ts computes; and
 * conditional formats that colour the progress cell and the light cell by that light, so that the
 * light follows when staff type a new percentage or the as-of date moves. The summary sheet counts
 * the lights over every table. A cell in the way that holds the user's data is a finding, and the
 * table then gets no lights (its scores and colours are still written).
 */
import { columnLetters, columnNumber, quoteSheetName, type Grid } from '../grid';
import { t, type Lang } from '../i18n';
import type { Finding, TableReport } from '../contract';
import { LIGHTS, type Light } from '../contract';
import { lightRules, type LightsPolicy } from '../settings/lights-policy';
import { DONE_WORDS_NAME, isDone } from './formulas';
import { findOccupied } from './occupied';
import { HEADER_FILL, LIGHT_LOOK } from './palette';
import { AS_OF_NAME, type Edit } from './plan';
import { maxOf, minOf } from '../arrays';

/** Priorities of the light formats: after every state colour, over cells no state colour reaches. A view tells the light formats by it. */
export const LIGHT_PRIORITY = 9000;
const PRIORITY = LIGHT_PRIORITY;

export interface LightColumns {
  /** The column read as progress (where staff type a percentage). */
  progress: string;
  elapsed: string;
  read: string;
  light: string;
}

export interface LightsTableInput {
  grid: Grid;
  table: TableReport;
  lang: Lang;
  policy: LightsPolicy;
  statusCol: string;
  dueCol: string;
  scoreCol: string;
}

/** The columns a table's lights take: the progress column, and the three after the score column. */
export function lightColumns(table: TableReport, statusCol: string, scoreCol: string): LightColumns {
  const s = columnNumber(scoreCol);
  return { progress: table.lights?.progressColumn ?? statusCol, elapsed: columnLetters(s + 1), read: columnLetters(s + 2), light: columnLetters(s + 3) };
}

/** The progress of a cell as `progressFraction` reads it: a number (above 1 a percentage), a word for done, a text opening with a percentage. */
export function progressFormula(p: string): string {
  return `IF(ISNUMBER(${p}),IF(${p}>1,MIN(1,${p}/100),${p}),IF(${p}="","",IF(ISNUMBER(MATCH(${p},${DONE_WORDS_NAME},0)),1,IFERROR(MIN(1,VALUE(LEFT(${p},FIND("%",${p})-1))/100),""))))`;
}

/** The light as `lightOf` gives it, from the elapsed and progress cells, the status and due cells. */
export function lightFormula(o: { lang: Lang; policy: LightsPolicy; elapsed: string; read: string; status: string; due: string }): string {
  const r = lightRules(o.policy);
  const word = (l: Light) => `"${t(o.lang, `light.${l}`)}"`;
  const behind = `ROUND((${o.elapsed}-${o.read})*100,6)`;
  const yellow = `AND(${behind}>0,${behind}>=${r.yellowBehind})`;
  const rated =
    r.preset === 'yinchuan'
      ? `IF(${behind}>${r.redBehind},${word('red')},IF(${yellow},${word('yellow')},${word('green')}))`
      : `IF(${o.due}<${AS_OF_NAME},${word('red')},IF(${yellow},${word('yellow')},IF(${o.due}-${AS_OF_NAME}<=${r.nearDays},${word('blue')},${word('green')})))`;
  return `IF(OR(${o.elapsed}="",${o.read}=""),"",IF(OR(${isDone(o.status)},${o.read}>=1),${word('green')},${rated}))`;
}

/** The edits of one table's lights, or null (with findings) when a cell they need holds the user's data. */
export function planLights(x: LightsTableInput, findings: Finding[]): { edits: Edit[]; lightRange: string; columns: LightColumns } | null {
  const { grid, table, lang } = x;
  const sheet = grid.name;
  const cols = lightColumns(table, x.statusCol, x.scoreCol);
  const rows = new Set<number>(table.headerRows);
  for (const k of table.tasks) for (let r = k.rows[0]; r <= k.rows[1]; r++) rows.add(r);
  if (findOccupied(grid, [cols.elapsed, cols.read, cols.light], rows, lang, findings) || table.tasks.length === 0) return null;

  const edits: Edit[] = [];
  for (const h of table.headerRows) {
    if (table.headerRows.length > 1 && table.headerRows.includes(h + 1)) continue;
    edits.push(
      { kind: 'cell', sheet, cell: `${cols.elapsed}${h}`, value: t(lang, 'plan.elapsed'), bold: true, fill: HEADER_FILL },
      { kind: 'cell', sheet, cell: `${cols.read}${h}`, value: t(lang, 'plan.progress-read'), bold: true, fill: HEADER_FILL },
      { kind: 'cell', sheet, cell: `${cols.light}${h}`, value: t(lang, 'plan.light'), bold: true, fill: HEADER_FILL },
    );
  }
  for (const c of [cols.elapsed, cols.read, cols.light]) edits.push({ kind: 'width', sheet, column: c, width: 14 });
  for (const k of table.tasks) {
    let prev: number | null = null;
    for (const n of k.nodes) {
      const r = n.row;
      const due = `$${x.dueCol}${r}`;
      const yearStart = table.year !== null ? `DATE(${table.year},1,1)` : `DATE(YEAR(${due}),1,1)`;
      const p = `$${x.dueCol}${prev}`;
      const start = prev === null ? yearStart : `IF(OR(${p}="",${p}>=${due}),${yearStart},${p})`;
      prev = r;
      const elapsed = `$${cols.elapsed}${r}`;
      const read = `$${cols.read}${r}`;
      edits.push(
        { kind: 'cell', sheet, cell: `${cols.elapsed}${r}`, formula: `IF(${due}="","",MAX(0,MIN(1,(${AS_OF_NAME}-${start})/MAX(1,${due}-${start}))))`, numFmt: '0.0%' },
        { kind: 'cell', sheet, cell: `${cols.read}${r}`, formula: progressFormula(`$${cols.progress}${r}`), numFmt: '0.0%' },
        {
          kind: 'cell',
          sheet,
          cell: `${cols.light}${r}`,
          formula: lightFormula({ lang, policy: x.policy, elapsed, read, status: `$${x.statusCol}${r}`, due }),
        },
      );
    }
  }
  // The progress cells and the light cells take the light's colour, row by row.
  const top = minOf(table.tasks.map((k) => k.rows[0]));
  const bottom = maxOf(table.tasks.map((k) => k.rows[1]));
  const lightRange = `${cols.light}${top}:${cols.light}${bottom}`;
  LIGHTS.forEach((l, i) => {
    const formula = `$${cols.light}${top}="${t(lang, `light.${l}`)}"`;
    for (const c of new Set([cols.progress, cols.light])) {
      edits.push({ kind: 'highlight', sheet, range: `${c}${top}:${c}${bottom}`, formula, fill: LIGHT_LOOK[l].fill, font: LIGHT_LOOK[l].font, priority: PRIORITY + i });
    }
  });
  return { edits, lightRange, columns: cols };
}

/** The summary sheet's count of lights over every table (columns U–V), under the rule in force. */
export function lightsSummary(summary: string, lang: Lang, policy: LightsPolicy, ranges: ReadonlyArray<{ sheet: string; range: string }>): Edit[] {
  const r = lightRules(policy);
  const rule = t(lang, `light.preset.${r.preset}`, { yellow: r.yellowBehind, red: r.redBehind, near: r.nearDays });
  const edits: Edit[] = [
    { kind: 'cell', sheet: summary, cell: 'U4', value: t(lang, 'plan.lights-title'), bold: true, fill: HEADER_FILL },
    { kind: 'cell', sheet: summary, cell: 'V4', value: rule },
    { kind: 'width', sheet: summary, column: 'U', width: 20 },
  ];
  LIGHTS.forEach((l, i) => {
    const word = t(lang, `light.${l}`);
    const count = ranges.length > 0 ? ranges.map((x) => `COUNTIF(${quoteSheetName(x.sheet)}!${absolute(x.range)},"${word}")`).join('+') : '0';
    edits.push(
      { kind: 'cell', sheet: summary, cell: `U${5 + i}`, value: word, fill: LIGHT_LOOK[l].fill },
      { kind: 'cell', sheet: summary, cell: `V${5 + i}`, formula: count },
    );
  });
  return edits;
}

function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}
