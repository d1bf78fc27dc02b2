/**
 * Table body → tasks and nodes. A task starts where its seq or task cell holds a value of its own
 * (not covered by a merge, not blank); the rows below it until the next start are its node rows.
 * Without seq and task columns, the heading above each repeated header names one task per block.
 */
import { sheetCellAddress } from '../grid';
import { readStatus } from '../progress/status';
import type { CategoryReport, NodeReport, TaskReport } from '../contract';
import { hasChineseOrdinal, isSeqLike, leadingDeadline, rowKindOf } from './content-signals';
import { categoryLabel, declaredPoints, leadingNumber, parseWeight } from './labels';
import { classifyRow, headingNumber, isTotalLabel, lineKind } from './layout-rows';
import type { Role } from '../contract';
import { preludeHeadings, segmentBody, type Block, type KvBlock, type TableSegment } from './segment';
import type { RowCell, SheetView } from './sheet-view';
import { collapseSpace } from './text';

export interface ColumnRole {
  col: number;
  role: Role | null;
  level?: number;
  /** A node column labelled with a period (一季度): its milestones fall due at that period's end. */
  period?: { label: string; row: number };
}

export interface BuiltTasks {
  tasks: TaskReport[];
  categories: CategoryReport[];
  /** Body rows that belong to no task (before the first task starts). */
  orphanRows: number[];
  /** Rows read as section headings inside the body. */
  sectionRows: number[];
}

interface PathPart {
  label: string;
  raw: string;
  row: number;
  col: number;
}

class Roles {
  private readonly byRole = new Map<Role, number[]>();
  constructor(columns: readonly ColumnRole[]) {
    const cats = columns.filter((c) => c.role === 'category').sort((a, b) => (a.level ?? a.col) - (b.level ?? b.col));
    for (const c of columns) {
      if (!c.role || c.role === 'category') continue;
      this.byRole.set(c.role, [...(this.byRole.get(c.role) ?? []), c.col]);
    }
    this.byRole.set('category', cats.map((c) => c.col));
  }
  all(role: Role): number[] {
    return this.byRole.get(role) ?? [];
  }
  first(role: Role): number | undefined {
    return this.all(role)[0];
  }
}

function kvValue(kv: KvBlock | undefined, role: Role): string | null {
  return kv?.entries.find((e) => e.role === role)?.value ?? null;
}

const SPACE_NUMBER = /^\s*(\d{1,3})\s+\S/;

function spaceNumber(text: string): string | null {
  return SPACE_NUMBER.exec(text)?.[1] ?? null;
}

/**
 * `13 Establish…`, `14 Provide…`: when every item opens with a number and a space, and the numbers
 * climb, they are the items' numbers; one text opening `100 new homes` is not.
 */
function numberedBySpace(view: SheetView, col: number | undefined, rows: readonly number[]): boolean {
  if (col === undefined) return false;
  const numbers: number[] = [];
  let texts = 0;
  for (const r of rows) {
    if (view.coveredFromAbove(r, col)) continue;
    const t = view.shownText(r, col);
    if (t === '') continue;
    texts++;
    const n = spaceNumber(t);
    if (n !== null) numbers.push(Number(n));
  }
  if (texts < 2 || numbers.length < texts) return false;
  for (let i = 1; i < numbers.length; i++) if ((numbers[i] as number) <= (numbers[i - 1] as number)) return false;
  return true;
}

/** `……`, `...`, `略`: a line left where more items could be listed. */
const PLACEHOLDER = /^(?:[…]+|\.{3,}|[略等]|etc\.?)$/i;

/** `其中桃树种植面积`, `其中：本年财政拨款`: a part of the item above, counted under it. */
const PART_OF_ABOVE = /^\s*其中/;

export function buildTasks(view: SheetView, segment: TableSegment, columns: readonly ColumnRole[]): BuiltTasks {
  const sheet = view.grid.name;
  const roles = new Roles(columns);
  const anchors = [...roles.all('seq'), ...roles.all('task')];
  const hasTaskColumn = roles.all('task').length > 0;
  const tasks: TaskReport[] = [];
  const orphanRows: number[] = [];
  const sectionRows: number[] = [];
  const catCols = roles.all('category');
  const categories = new Map<string, CategoryReport>();

  let section: PathPart | null = null;
  let bodySection: PathPart | null = null;
  // A heading in the task column (`Go Karting`) is finer than the categories beside it, and holds
  // only while the rows stay in the groups it was written in.
  let itemHeading: { part: PathPart; group: number[] } | null = null;
  const groupAt = (row: number): number[] => catCols.map((c) => (view.shownText(row, c) !== '' ? view.anchor(row, c).row : -1));
  const lastCategory = new Map<number, PathPart>();

  const shown = (r: number, c: number | undefined): string | null => {
    if (c === undefined) return null;
    const t = view.shownText(r, c);
    return t === '' ? null : t;
  };
  const addressOf = (r: number, c: number): string => {
    // The anchor's address (the merge's top-left cell), without building the anchor: asked for each node.
    const m = view.merge(r, c);
    return m ? sheetCellAddress(sheet, m.top, m.left) : sheetCellAddress(sheet, r, c);
  };

  const pathAt = (row: number): PathPart[] => {
    const parts: PathPart[] = [];
    if (section) parts.push(section);
    if (bodySection) parts.push(bodySection);
    for (const c of catCols) {
      const t = view.shownText(row, c);
      if (t !== '') {
        const a = view.anchor(row, c);
        lastCategory.set(c, { label: categoryLabel(t), raw: t, row: a.row, col: a.col });
      } else if (view.merges.isCovered(row, c)) {
        lastCategory.delete(c);
      }
      const p = lastCategory.get(c);
      if (p) parts.push(p);
    }
    if (itemHeading && groupAt(row).every((g, k) => g === itemHeading?.group[k])) parts.push(itemHeading.part);
    return parts;
  };

  const spaceNumbered = numberedBySpace(view, roles.first('task'), segmentBody(segment));
  const openTask = (start: number, block: Block, heading: number | null, headingNumbers = false): TaskReport => {
    const path = pathAt(start);
    const titleCol = roles.first('task');
    const title = titleCol !== undefined ? shown(start, titleCol) : heading !== null ? view.rowText(heading) : null;
    const seqText = shown(start, roles.first('seq'));
    // Without a seq column, the number that opens the item's heading or its own text (`1) The Vice…`) is its seq.
    const seq =
      headingNumbers && heading !== null
        ? headingNumber(view.rowText(heading))
        : seqText !== null
        ? collapseSpace(seqText)
        : heading !== null
          ? (leadingNumber(view.rowText(heading)) ?? headingNumber(view.rowText(heading)))
          : roles.first('seq') === undefined && title !== null
            ? (leadingNumber(title) ?? (spaceNumbered ? spaceNumber(title) : null))
            : null;
    const task: TaskReport = {
      rows: [start, start],
      seq,
      category: path.map((p) => p.label),
      title,
      nodes: [],
    };
    const goalCol = roles.first('goal');
    if (goalCol !== undefined) task.goal = shown(start, goalCol);
    for (const role of ['lead', 'leader', 'owner', 'partner'] as const) {
      // The item's key-value block speaks for the task; a column of that role speaks for its rows.
      const v = kvValue(block.kv, role) ?? shown(start, roles.first(role));
      if (v !== null || roles.first(role) !== undefined || block.kv) task[role] = v;
    }
    const weightCol = roles.first('weight');
    if (weightCol !== undefined) {
      const a = view.anchor(start, weightCol);
      const cell = view.cell(a.row, a.col);
      const w = parseWeight(cell?.value.kind === 'number' ? cell.value.value : null, view.text(a.row, a.col));
      task.weight = w.weight;
      task.veto = w.veto;
      if (w.text !== null) task.weightText = w.text;
    }
    // Register the category path, each prefix once, keyed by the prefix's labels as JSON (built label by label).
    let keyed = '';
    for (let i = 0; i < path.length; i++) {
      const part = path[i] as PathPart;
      keyed += `${i > 0 ? ',' : ''}${JSON.stringify(part.label)}`;
      const key = `[${keyed}]`;
      let cat = categories.get(key);
      if (!cat) {
        cat = { path: path.slice(0, i + 1).map((p) => p.label), label: part.raw, cell: sheetCellAddress(sheet, part.row, part.col), tasks: 0 };
        const declared = declaredPoints(part.raw);
        if (declared !== null) cat.declared = declared;
        categories.set(key, cat);
      }
      cat.tasks++;
      if (weightCol !== undefined && typeof task.weight === 'number') cat.weightSum = (cat.weightSum ?? 0) + task.weight;
    }
    tasks.push(task);
    return task;
  };

  const nodeCol = roles.first('node');
  const seqCols = roles.all('seq');
  const titleCol = roles.first('task');
  const deadlineCol = roles.first('deadline');
  const statusCol = roles.first('status');
  const rowKindCol = roles.first('row_kind');

  // Milestones in columns, one per period: each filled cell is a node due when its column says.
  const periodCols = columns.filter((c) => c.role === 'node' && c.period);
  const finishPeriodTask = (task: TaskReport, rows: number[]): void => {
    task.rows = [rows[0] as number, rows[rows.length - 1] as number];
    for (const r of rows) {
      for (const c of periodCols) {
        const period = c.period as NonNullable<ColumnRole['period']>;
        if (view.anchor(r, c.col).row !== r) continue;
        const text = shown(r, c.col);
        if (text === null) continue;
        // The row's one status says an item is done, and then each milestone is; 滞后 or 进行中 does
        // not say which of them, so dates alone decide those.
        const rowStatus = shown(r, statusCol);
        const status = rowStatus !== null && readStatus(rowStatus)?.kind === 'done' ? rowStatus : null;
        task.nodes.push({ row: r, text, deadline: { text: period.label, cell: sheetCellAddress(sheet, period.row, c.col) }, status });
      }
    }
  };

  const finishTask = (task: TaskReport, rows: number[]): void => {
    if (periodCols.length >= 2) return finishPeriodTask(task, rows);
    task.rows = [rows[0] as number, rows[rows.length - 1] as number];
    let kind: 'goal' | 'node' = 'node';
    const goalTexts: string[] = [];
    // Without a node column, an item whose task cell changes from row to row names a work per row.
    const titleVaries =
      nodeCol === undefined && titleCol !== undefined && rows.slice(1).some((r) => view.anchor(r, titleCol).row === r && shown(r, titleCol) !== null);
    for (const r of rows) {
      if (rowKindCol !== undefined) {
        const k = view.shownText(r, rowKindCol);
        if (k !== '') kind = rowKindOf(k) ?? 'node';
      }
      const ownTitle = titleVaries && view.anchor(r, titleCol as number).row === r;
      const text = ownTitle ? shown(r, titleCol) : shown(r, nodeCol);
      if (kind === 'goal') {
        if (text !== null && view.anchor(r, nodeCol as number).row === r) goalTexts.push(text);
        continue;
      }
      const node: NodeReport = { row: r, text, deadline: null, status: shown(r, statusCol) };
      const due = deadlineCol !== undefined ? shown(r, deadlineCol) : null;
      if (due !== null) node.deadline = { text: due, cell: addressOf(r, deadlineCol as number) };
      else if (text !== null && nodeCol !== undefined) {
        const lead = leadingDeadline(text);
        if (lead) node.deadline = { text: lead, cell: addressOf(r, nodeCol) };
      }
      task.nodes.push(node);
    }
    if (goalTexts.length > 0 && (task.goal === undefined || task.goal === null)) task.goal = goalTexts.join('\n');
  };

  for (const block of segment.blocks) {
    const { section: sectionRow, heading } = preludeHeadings(view, block);
    if (sectionRow !== null) {
      const raw = view.rowText(sectionRow);
      section = { label: categoryLabel(raw), raw, row: sectionRow, col: view.rowCells(sectionRow)[0]?.col ?? segment.left };
      bodySection = null;
      itemHeading = null;
    }
    const isLine = (r: number): boolean => classifyRow(view, r, segment.left, segment.right) === 'line';
    /** The row's one cell within the table's columns, or undefined when it has none or several (asked of every row: no array built). */
    const onlyCellInTable = (r: number, skip?: (c: RowCell) => boolean): RowCell | undefined => {
      let only: RowCell | undefined;
      for (const c of view.rowCells(r)) {
        if (c.col < segment.left || c.col > segment.right || skip?.(c)) continue;
        if (only) return undefined;
        only = c;
      }
      return only;
    };
    /**
     * A line inside an item is a section heading (a month, `Actions held over from …`) when it is
     * merged across columns, or stands in a column whose own values it cannot be: a seq column that
     * holds no item number, a category column. A lone value in the task column may be an item whose
     * other cells are still blank, so it stays one.
     */
    const isSectionLine = (r: number): boolean => {
      const only = view.rowCells(r)[0];
      if (!only) return false;
      if (only.span >= 2) return true;
      if (only.col === titleCol) return false;
      if (seqCols.includes(only.col)) return !isSeqLike(view.cell(r, only.col), only.text);
      return true;
    };
    // Without seq and task columns, headings name the tasks: the one above the header, or those inside the body.
    const headingsInBody = !hasTaskColumn && block.body.some((r) => isLine(r) && lineKind(view, r) === 'heading');
    // A numbered heading over rows numbered under it (`Action 1:` over 1.1, 1.2, 1.3) is one task, its rows the nodes.
    const numberedUnder =
      heading !== null && seqCols.length > 0 && titleCol === undefined && subNumbered(block.body, headingNumber(view.rowText(heading)));
    const perBlock = (anchors.length === 0 || numberedUnder) && heading !== null && !headingsInBody;
    const rowAnchors = anchors.length > 0 ? anchors : roles.all('goal');
    let pendingHeading: number | null = perBlock ? heading : null;
    let current: { task: TaskReport; rows: number[] } | null = null;
    const close = (): void => {
      if (current) finishTask(current.task, current.rows);
      current = null;
    };
    /** Every filled seq of the rows is `N.x` under the heading's number N. */
    function subNumbered(rows: readonly number[], n: string | null): boolean {
      if (n === null) return false;
      const seqs = rows.map((r) => view.text(r, seqCols[0] as number)).filter((t) => t !== '');
      return seqs.length > 0 && seqs.every((t) => t.startsWith(`${n}.`));
    }
    /** The row repeats the seq of the task's first row, and its task cell (if any) says nothing new. */
    const sameKey = (first: number, r: number): boolean => {
      const key = view.text(first, seqCols[0] as number);
      if (key === '' || view.text(r, seqCols[0] as number) !== key) return false;
      return titleCol === undefined || view.text(r, titleCol) === '' || view.text(r, titleCol) === view.text(first, titleCol);
    };
    // Items numbered one by one: which rows of the block carry a number of their own.
    let numbered = 0;
    if (seqCols.length > 0) for (const r of block.body) if (view.text(r, seqCols[0] as number) !== '') numbered++;
    /**
     * A short label alone in the task column (`HIGHEST Priority`), with no number where every other
     * item has one and numbered items right below it, heads the items under it.
     */
    let candidates: number | undefined;
    const isHeadingInTaskColumn = (r: number, next: number | undefined): boolean => {
      // Cells that open a group here (a category, an owner merged down over the rows below) leave the label alone in its row.
      const opensGroup = (c: number): boolean => catCols.includes(c) || (view.merges.isCovered(r + 1, c) && view.anchor(r + 1, c).row === r);
      const only = onlyCellInTable(r, (c) => c.col !== titleCol && opensGroup(c.col));
      if (only === undefined || titleCol === undefined || only.col !== titleCol || seqCols.length === 0) return false;
      const text = only.text;
      if (text.length > 30 || /[。，；.;,]/.test(text) || view.merges.isCovered(r, titleCol) || view.coveredFromAbove(r, seqCols[0] as number)) return false;
      // The same for every row of the block: counted once, when a row first gets this far.
      candidates ??= block.body.filter((x) => view.text(x, titleCol) !== '' && view.anchor(x, titleCol).row === x).length;
      return numbered >= 3 && numbered >= 2 * (candidates - numbered) && next !== undefined && view.text(next, seqCols[0] as number) !== '';
    };
    /**
     * A row numbered `一、` over rows numbered 1, 2, 3 is a group of them (its points their subtotal),
     * not an item: the numbering one level up says so, whatever else the row holds.
     */
    const isGroupNumbered = (r: number, i: number): boolean => {
      if (seqCols.length === 0 || !hasChineseOrdinal(view.text(r, seqCols[0] as number))) return false;
      const below = block.body.slice(i + 1).find((x) => view.text(x, seqCols[0] as number) !== '' && view.anchor(x, seqCols[0] as number).row === x);
      return below !== undefined && /^\s*[（(]?\d/.test(view.text(below, seqCols[0] as number));
    };
    /** Every cell of the row inside the table passes (false for a row with none there). */
    const everyCellInTable = (r: number, test: (c: RowCell) => boolean): boolean => {
      let any = false;
      for (const c of view.rowCells(r)) {
        if (c.col < segment.left || c.col > segment.right) continue;
        if (!test(c)) return false;
        any = true;
      }
      return any;
    };
    for (let i = 0; i < block.body.length; i++) {
      const r = block.body[i] as number;
      const firstCell = view.rowCells(r)[0];
      if (firstCell && isTotalLabel(firstCell.text)) continue;
      // A number with nothing beside it is an item slot left empty: no task, and no part of the one above.
      const own = onlyCellInTable(r);
      if (own !== undefined && seqCols.includes(own.col) && isSeqLike(view.cell(r, own.col), own.text) && !view.coveredFromAbove(r, titleCol ?? -1)) {
        close();
        continue;
      }
      // A row of categories alone (`质量指标` over the indicators below it, or with none under it) ends
      // the item above and opens none; so does a row left as `……` where more items could be listed.
      const categoriesOnly = catCols.length > 0 && everyCellInTable(r, (c) => catCols.includes(c.col) && view.anchor(r, c.col).row === r);
      const placeholder = everyCellInTable(r, (c) => catCols.includes(c.col) || PLACEHOLDER.test(c.text.trim()));
      if (categoriesOnly || placeholder) {
        close();
        continue;
      }
      if (isGroupNumbered(r, i)) {
        close();
        const raw = titleCol !== undefined && view.text(r, titleCol) !== '' ? view.text(r, titleCol) : view.rowText(r);
        bodySection = { label: categoryLabel(raw), raw, row: r, col: titleCol ?? segment.left };
        itemHeading = null;
        sectionRows.push(r);
        continue;
      }
      if (isHeadingInTaskColumn(r, block.body[i + 1])) {
        close();
        const raw = view.text(r, titleCol as number);
        itemHeading = { part: { label: categoryLabel(raw), raw, row: r, col: titleCol as number }, group: groupAt(r) };
        sectionRows.push(r);
        continue;
      }
      if (isLine(r)) {
        const kind = lineKind(view, r);
        if (kind === 'heading' && headingsInBody) {
          close();
          pendingHeading = r;
          continue;
        }
        // A line that reads like a title (`DP-02 Prepare … Master Plans`) inside the body, with items
        // still under it, heads them: a table's title stands above its header, not between its items.
        const titleOverItems = kind === 'title' && block.body.slice(i + 1).some((x) => !isLine(x));
        if (kind === 'section' || kind === 'heading' || ((kind === 'other' || titleOverItems) && (!current || isSectionLine(r)))) {
          close();
          const raw = view.rowText(r);
          bodySection = { label: categoryLabel(raw), raw, row: r, col: view.rowCells(r)[0]?.col ?? segment.left };
          itemHeading = null;
          sectionRows.push(r);
          continue;
        }
        if (kind === 'title' || kind === 'note') continue;
      }
      let starts: boolean;
      if (perBlock || headingsInBody) starts = current === null && pendingHeading !== null;
      else if (rowAnchors.length === 0) starts = true;
      // A seq merged down over this row says the row is still that item's, whatever its task cell holds.
      // So does a task cell merged down over it: a second number under one task names a second node, not a second task.
      // And a task key written again on each of its node rows (200, 200, 201, …) keeps the rows in its task.
      else
        starts =
          !(current && (seqCols.some((c) => view.merges.isCovered(r, c)) || (titleCol !== undefined && view.merges.isCovered(r, titleCol)))) &&
          !(current && seqCols.length > 0 && sameKey(current.rows[0] as number, r)) &&
          !(current && titleCol !== undefined && PART_OF_ABOVE.test(view.text(r, titleCol))) &&
          rowAnchors.some((c) => view.text(r, c) !== '');
      if (starts) {
        close();
        current = { task: openTask(r, block, pendingHeading, numberedUnder), rows: [r] };
        pendingHeading = null;
      } else if (current) {
        (current as { rows: number[] }).rows.push(r);
      } else {
        orphanRows.push(r);
      }
    }
    close();
  }
  return { tasks, categories: [...categories.values()], orphanRows, sectionRows };
}
