/** Text hygiene, each with a safe fix: stray spaces, spaces inside dates, full-width digits, numbers stored as text. */
import type { Role } from '../recognize/roles';
import { bodyCells, type BodyCell } from './cells';
import type { Hit, Rule, RuleContext } from './rule';

const NUMBER_ROLES: Role[] = ['weight', 'score', 'bonus', 'deduction'];
const DIGIT_ROLES: Role[] = ['deadline', 'weight', 'seq', 'owner', 'score', 'bonus', 'deduction', 'done_on'];
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;
const NUMERIC_TEXT = /^[\s\u3000]*-?\d+(?:\.\d+)?[\s\u3000]*$/;
const SPACED_DATE = /^((?:19|20)\d{2})\s*([.\-/])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const FULL_WIDTH = /[０-９．－／：]/g;

function columnsOf(ctx: RuleContext, roles: Role[]): string[] {
  return ctx.table.columns.filter((c) => c.role !== null && roles.includes(c.role)).map((c) => c.column);
}

function isText(ctx: RuleContext, c: BodyCell): boolean {
  return ctx.view.cell(c.row, c.col)?.value.kind === 'string' && ctx.view.cell(c.row, c.col)?.formula === undefined;
}

/** Cells the number-as-text rule fixes; the other rules leave them to it. */
function numberAsText(ctx: RuleContext): BodyCell[] {
  return bodyCells(ctx, columnsOf(ctx, NUMBER_ROLES)).filter((c) => isText(ctx, c) && NUMERIC_TEXT.test(c.text.normalize('NFKC')));
}

export const hygieneRules: Rule[] = [
  {
    id: 'text.stray-space',
    family: 'hygiene',
    severity: 'info',
    fixable: true,
    check(ctx) {
      const numeric = new Set(numberAsText(ctx).map((c) => c.address));
      const hits: Hit[] = [];
      for (const c of bodyCells(ctx, ctx.table.columns.map((x) => x.column))) {
        if (!isText(ctx, c) || numeric.has(c.address)) continue;
        const trimmed = c.text.replace(EDGE_SPACE, '');
        if (trimmed === c.text) continue;
        hits.push({ cell: c.address, found: c.text, params: { column: ctx.header(c.column) }, fix: { value: trimmed === '' ? null : trimmed } });
      }
      return hits;
    },
  },
  {
    id: 'text.date-spaces',
    family: 'hygiene',
    severity: 'info',
    fixable: true,
    check(ctx) {
      const hits: Hit[] = [];
      for (const c of bodyCells(ctx, columnsOf(ctx, ['deadline', 'done_on']))) {
        if (!isText(ctx, c)) continue;
        const m = SPACED_DATE.exec(c.text.trim());
        if (!m || !/\s/.test(c.text.trim())) continue;
        const fixed = `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}`;
        hits.push({ cell: c.address, found: c.text, params: { column: ctx.header(c.column), found: c.text, fixed }, fix: { value: fixed } });
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
      const numeric = new Set(numberAsText(ctx).map((c) => c.address));
      const hits: Hit[] = [];
      for (const c of bodyCells(ctx, columnsOf(ctx, DIGIT_ROLES))) {
        if (!isText(ctx, c) || numeric.has(c.address) || !FULL_WIDTH.test(c.text)) continue;
        FULL_WIDTH.lastIndex = 0;
        const fixed = c.text.replace(FULL_WIDTH, (ch) => ch.normalize('NFKC'));
        hits.push({ cell: c.address, found: c.text, params: { column: ctx.header(c.column), found: c.text, fixed }, fix: { value: fixed } });
      }
      return hits;
    },
  },
  {
    id: 'text.number-as-text',
    family: 'hygiene',
    severity: 'info',
    fixable: true,
    check(ctx) {
      return numberAsText(ctx).map((c) => {
        const n = Number(c.text.normalize('NFKC').trim());
        return { cell: c.address, found: c.text, params: { column: ctx.header(c.column), found: c.text.trim(), fixed: n }, fix: { value: n } };
      });
    },
  },
];
