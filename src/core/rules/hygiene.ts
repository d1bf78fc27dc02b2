/** Text hygiene, each with a safe fix: stray spaces, spaces inside dates, full-width digits, numbers stored as text. */
import type { Role } from '../recognize/roles';
import { pushAll } from '../arrays';
import { bodyCells, type BodyCell } from './cells';
import type { Hit, Rule, RuleContext } from './rule';

const NUMBER_ROLES: Role[] = ['weight', 'score', 'bonus', 'deduction'];
const DIGIT_ROLES: Role[] = ['deadline', 'weight', 'seq', 'owner', 'score', 'bonus', 'deduction', 'done_on'];
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;
const EDGE_CHAR = /[\s\u3000]/;
const NUMERIC_TEXT = /^[\s\u3000]*-?\d+(?:\.\d+)?[\s\u3000]*$/;
const SPACED_DATE = /^((?:19|20)\d{2})\s*([.\-/])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const FULL_WIDTH = /[０-９．－／：]/g;
const HAS_FULL_WIDTH = /[０-９．－／：]/;

function columnsOf(ctx: RuleContext, roles: Role[]): string[] {
  return ctx.table.columns.filter((c) => c.role !== null && roles.includes(c.role)).map((c) => c.column);
}

function isText(ctx: RuleContext, c: BodyCell): boolean {
  const cell = ctx.view.cell(c.row, c.col);
  return cell?.value.kind === 'string' && cell.formula === undefined;
}

/** Per rule context: the number-as-text cells, and each column's text cells (several rules ask). */
const numberAsTextOf = new WeakMap<RuleContext, readonly BodyCell[]>();
const textCellsOf = new WeakMap<RuleContext, Map<string, readonly BodyCell[]>>();

/** Cells the number-as-text rule fixes; the other rules leave them to it. */
function numberAsText(ctx: RuleContext): readonly BodyCell[] {
  const kept = numberAsTextOf.get(ctx);
  if (kept) return kept;
  const out = bodyCells(ctx, columnsOf(ctx, NUMBER_ROLES)).filter((c) => isText(ctx, c) && NUMERIC_TEXT.test(c.text.normalize('NFKC')));
  numberAsTextOf.set(ctx, out);
  return out;
}

/** Text cells of these columns that the number-as-text rule does not already fix. */
function textCells(ctx: RuleContext, columns: string[]): readonly BodyCell[] {
  let byColumn = textCellsOf.get(ctx);
  if (!byColumn) textCellsOf.set(ctx, (byColumn = new Map()));
  const numeric = numberAsText(ctx);
  const skip = numeric.length === 0 ? null : new Set(numeric.map((c) => c.address));
  const out: BodyCell[] = [];
  for (const column of columns) {
    let cells = byColumn.get(column);
    if (!cells) {
      cells = bodyCells(ctx, [column]).filter((c) => isText(ctx, c) && !skip?.has(c.address));
      byColumn.set(column, cells);
    }
    pushAll(out, cells);
  }
  return out;
}

/** Whether the text starts or ends with a space (what EDGE_SPACE removes), without scanning it. */
function hasEdgeSpace(text: string): boolean {
  return text !== '' && (EDGE_CHAR.test(text[0] as string) || EDGE_CHAR.test(text[text.length - 1] as string));
}

/** A finding that rewrites one cell. */
function rewrite(ctx: RuleContext, c: BodyCell, fixed: string | number | null): Hit {
  return { cell: c.address, found: c.text, params: { column: ctx.header(c.column), found: c.text, fixed: fixed ?? '' }, fix: { value: fixed } };
}

export const hygieneRules: Rule[] = [
  {
    id: 'text.stray-space',
    family: 'hygiene',
    severity: 'info',
    fixable: true,
    check(ctx) {
      return textCells(ctx, ctx.table.columns.map((x) => x.column))
        .filter((c) => hasEdgeSpace(c.text))
        .map((c) => {
          const trimmed = c.text.replace(EDGE_SPACE, '');
          return rewrite(ctx, c, trimmed === '' ? null : trimmed);
        });
    },
  },
  {
    id: 'text.date-spaces',
    family: 'hygiene',
    severity: 'info',
    fixable: true,
    check(ctx) {
      const hits: Hit[] = [];
      for (const c of textCells(ctx, columnsOf(ctx, ['deadline', 'done_on']))) {
        const m = SPACED_DATE.exec(c.text.trim());
        if (m && /\s/.test(c.text.trim())) hits.push(rewrite(ctx, c, `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}`));
      }
      return hits;
    },
  },
  {
    id: 'text.full-width-digits',
    family: 'hygiene',
    severity: 'info',
    fixable: true,
    check(ctx) {
      return textCells(ctx, columnsOf(ctx, DIGIT_ROLES))
        .filter((c) => HAS_FULL_WIDTH.test(c.text))
        .map((c) => rewrite(ctx, c, c.text.replace(FULL_WIDTH, (ch) => ch.normalize('NFKC'))));
    },
  },
  {
    id: 'text.number-as-text',
    family: 'hygiene',
    severity: 'info',
    fixable: true,
    check(ctx) {
      return numberAsText(ctx).map((c) => rewrite(ctx, c, Number(c.text.normalize('NFKC').trim())));
    },
  },
];
