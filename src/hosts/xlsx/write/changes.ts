/** What a revert and an apply change, in the writer's terms (./package-write). */
import { JOURNAL_SHEET } from '../../../core/plan/journal';
import type { VerifiedJournal } from '../../../core/plan/journal-verify';
import type { EditPlan } from '../../../core/plan/plan';
import { noChanges, type WriteChanges } from './package-write';

function add(m: Map<string, Set<string>>, sheet: string, key: string): void {
  let s = m.get(sheet);
  if (!s) m.set(sheet, (s = new Set()));
  s.add(key);
}

/** What reverting `v` changes: the cells, widths, dropdowns (and the copies of its own, `copiedChoices`), formats and names it puts back, the sheets it takes out. */
export function revertChanges(v: VerifiedJournal, into: WriteChanges = noChanges(), copiedChoices: ReadonlyArray<{ sheet: string; cell: string }> = []): WriteChanges {
  for (const c of v.cells) add(into.cells, c.sheet, c.cell);
  for (const w of v.widths) add(into.widths, w.sheet, w.column);
  for (const d of v.validations) add(into.validations, d.sheet, d.range);
  for (const c of copiedChoices) add(into.validations, c.sheet, c.cell);
  for (const h of v.highlightEdits) into.formatsRemove.push({ sheet: h.sheet, range: h.range, formula: h.formula });
  for (const n of v.names) into.names.add(n.name);
  for (const s of v.sheetsToDelete) into.sheets.add(s);
  into.sheets.add(JOURNAL_SHEET);
  return into;
}

/** What applying `plan` changes; its journal is a sheet added. */
export function applyChanges(plan: EditPlan, into: WriteChanges = noChanges()): WriteChanges {
  const added = new Set<string>();
  for (const e of plan.edits) {
    switch (e.kind) {
      case 'sheet':
        added.add(e.sheet);
        into.sheets.add(e.sheet);
        break;
      case 'cell':
        if (!added.has(e.sheet)) add(into.cells, e.sheet, e.cell);
        break;
      case 'width':
        if (!added.has(e.sheet)) add(into.widths, e.sheet, e.column);
        break;
      case 'choices':
        if (!added.has(e.sheet)) add(into.validations, e.sheet, e.range);
        break;
      case 'highlight':
        into.formatsAdd.push({ sheet: e.sheet, range: e.range, formula: e.formula, fill: e.fill, priority: e.priority, ...(e.font ? { font: e.font } : {}) });
        break;
      case 'name':
        into.names.add(e.name);
        break;
    }
  }
  into.sheets.add(JOURNAL_SHEET);
  return into;
}
