/** Text hygiene, each with a safe fix: stray spaces, spaces inside dates, full-width digits, numbers stored as text. */
import type { Role } from '../contract';
import { pickBodyCells, type BodyCell } from './cells';
import type { Hit, Rule, RuleContext } from './rule';

const NUMBER_ROLES: Role[] = ['weight', 'score', 'bonus', 'deduction'];
const DIGIT_ROLES: Role[] = ['deadline', 'weight', 'seq', 'owner', 'score', 'bonus', 'deduction', 'done_on'];
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;
const EDGE_CHAR = /[\s\u3000]/;
const NUMERIC_TEXT = /^[\s\u3000]*-?\d+(?:\.\d+)?[\s\u3000]*$/;
const SPACED_DATE = /^((?:19|20)\d{2})\s*([.\-/])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const FULL_WIDTH = /[０-９．－／：]/g;
const HAS_FULL_WIDTH = /[０-９．－／：]/;
/** A spaced date has a space inside: the cells without any are not looked at further. */
const SPACE = /\s/;

function columnsOf(ctx: RuleContext, roles: Role[]): string[] {
  return ctx.table.columns.filter((c) => c.role !== null && roles.includes(c.role)).map((c) => c.column);
}

function isText(ctx: RuleContext, row: number, col: number): boolean {
  const cell = ctx.view.cell(row, col);
  return cell?.value.kind === 'string' && cell.formula === undefined;
}

/** Per rule context: the number-as-text cells, and their keys (several rules ask). */
const numberAsTextOf = new WeakMap<RuleContext, { cells: readonly BodyCell[]; keys: ReadonlySet<number> | null }>();

/** A cell's key for the set of number-as-text cells (a sheet has at most 16,384 columns). */
const key = (row: number, col: number) => row * 16_384 + col;

/** Cells the number-as-text rule fixes; the other rules leave them to it. */
function numberAsText(ctx: RuleContext): { cells: readonly BodyCell[]; keys: ReadonlySet<number> | null } {
  const kept = numberAsTextOf.get(ctx);
  if (kept) return kept;
  const cells = pickBodyCells(ctx, columnsOf(ctx, NUMBER_ROLES), (row, col, text) => isText(ctx, row, col) && NUMERIC_TEXT.test(text.normalize('NFKC')));
  const out = { cells, keys: cells.length === 0 ? null : new Set(cells.map((c) => key(c.row, c.col))) };
  numberAsTextOf.set(ctx, out);
  return out;
}

/**
 * Text cells of these columns that the number-as-text rule does not already fix and that pass
 * `test`, column by column; `test` runs first, so only the few cells a rule is about are looked up.
 */
function textCells(ctx: RuleContext, columns: string[], test: (text: string) => boolean): BodyCell[] {
  const skip = numberAsText(ctx).keys;
  return pickBodyCells(ctx, columns, (row, col, text) => test(text) && isText(ctx, row, col) && !skip?.has(key(row, col)));
}

/** Printable ASCII and the CJK ideographs are never spaces: the test every body cell goes through, without a regex. */
function isEdgeChar(code: number): boolean {
  if ((code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff)) return false;
  return EDGE_CHAR.test(String.fromCharCode(code));
}

/** Whether the text starts or ends with a space (what EDGE_SPACE removes), without scanning it. */
function hasEdgeSpace(text: string): boolean {
  return text !== '' && (isEdgeChar(text.charCodeAt(0)) || isEdgeChar(text.charCodeAt(text.length - 1)));
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
      return textCells(ctx, ctx.table.columns.map((x) => x.column), hasEdgeSpace).map((c) => {
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
      for (const c of textCells(ctx, columnsOf(ctx, ['deadline', 'done_on']), (text) => SPACE.test(text))) {
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
      return textCells(ctx, columnsOf(ctx, DIGIT_ROLES), (text) => HAS_FULL_WIDTH.test(text)).map((c) =>
        rewrite(ctx, c, c.text.replace(FULL_WIDTH, (ch) => ch.normalize('NFKC'))),
      );
    },
  },
  {
    id: 'text.number-as-text',
    family: 'hygiene',
    severity: 'info',
    fixable: true,
    check(ctx) {
      return numberAsText(ctx).cells.map((c) => rewrite(ctx, c, Number(c.text.normalize('NFKC').trim())));
    },
  },
];
