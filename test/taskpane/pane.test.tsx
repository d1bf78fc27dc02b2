/** @jest-environment jsdom */
import './setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { t } from '../../src/core/i18n';
import { type FileReport } from '../../src/core/contract';
import { checkWorkbook } from '../../src/core/check';
import { DEFAULT_POLICY } from '../../src/core/settings/scoring-policy';
import { App } from '../../src/taskpane/App';
import { formatPoints, ui } from '../../src/taskpane/strings';
import { fixtureHost, RecordingHost, seedHost } from './fake-host';

const TODAY = '2026-12-01';
const AS_OF = '2018-07-15';

async function core(host: RecordingHost, asOf: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<FileReport> {
  return checkWorkbook(host.name, await host.inner.read(), { lang, asOf });
}

function nodeStates(report: FileReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of report.sheets)
    for (const tb of s.tables) for (const task of tb.tasks) for (const n of task.nodes) out[n.state ?? 'none'] = (out[n.state ?? 'none'] ?? 0) + 1;
  return out;
}

const enabled = (testId: string) => !screen.getByTestId(testId).hasAttribute('disabled');

async function renderPane(host: RecordingHost, lang: 'zh-CN' | 'en-US' = 'zh-CN', onLangChange?: (l: 'zh-CN' | 'en-US') => void) {
  const r = render(<App host={host} lang={lang} today={TODAY} {...(onLangChange ? { onLangChange } : {})} />);
  // The pane first reads the kept settings; Check is enabled once that is done.
  await waitFor(() => expect(enabled('check-button')).toBe(true));
  return r;
}

/** Clicks a button and waits until the work it started has ended. */
async function clickAndSettle(testId: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId));
  await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
  await waitFor(() => expect(enabled('check-button')).toBe(true));
}

async function check(): Promise<void> {
  await clickAndSettle('check-button');
  await screen.findAllByTestId('table-card');
}

/** Every group shows all its findings: a group among several shows its first few until "more". */
function showAll(): void {
  for (let more = screen.queryAllByTestId('show-more'); more.length > 0; more = screen.queryAllByTestId('show-more')) for (const b of more) fireEvent.click(b);
}

function finding(rule: string, cell: string): HTMLElement {
  showAll();
  const el = screen.getAllByTestId('finding').find((f) => f.dataset.rule === rule && f.dataset.cell === cell);
  if (!el) throw new Error(`no finding ${rule} at ${cell}`);
  return el;
}

async function chooseRole(testId: string, optionText: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId));
  const option = await screen.findByRole('option', { name: optionText });
  fireEvent.click(option);
}

describe('task pane over seed-000', () => {
  it('Check shows the table and the impossible date 2018-9-31 at its cell, cell first', async () => {
    const { host } = await seedHost();
    await renderPane(host);
    expect(screen.queryByTestId('table-card')).toBeNull();
    await check();
    const expected = await core(host, TODAY);

    const cards = screen.getAllByTestId('table-card');
    expect(cards.map((c) => c.dataset.range)).toEqual(expected.sheets.flatMap((s) => s.tables.map((tb) => tb.range)));
    const table = expected.sheets[0]!.tables[0]!;
    expect(cards[0]!.textContent).toContain(table.title!);
    expect(cards[0]!.textContent).toContain(String(table.year));

    const invalid = expected.findings.filter((f) => f.rule === 'date.invalid');
    expect(invalid.map((f) => f.cell)).toContain('Sheet1!G42');
    showAll();
    const shown = screen.getAllByTestId('finding').filter((f) => f.dataset.rule === 'date.invalid');
    expect(shown.map((f) => f.dataset.cell)).toEqual(invalid.map((f) => f.cell));
    const g42 = finding('date.invalid', 'Sheet1!G42');
    expect(g42.textContent!.startsWith('Sheet1!G42')).toBe(true);
    expect(g42.textContent).toContain(invalid[0]!.message);
    expect(g42.textContent).toContain('2018-9-31');
    // The rule id is not a word of the line: it is on hover.
    expect(g42.textContent).not.toContain('date.invalid');
    expect(g42.title).toContain('date.invalid');
    // It sits in its rule's group, named in plain words, an error group first in the list.
    const groups = screen.getAllByTestId('finding-group');
    const group = groups.find((g) => g.dataset.rule === 'date.invalid')!;
    expect(within(group).getAllByTestId('finding')).toContain(g42);
    expect(within(group).getByTestId('finding-group-toggle').textContent).toContain('日期不存在');
    expect(groups[0]!.dataset.severity).toBe('error');
    // The severity filter counts the errors.
    const errorCount = expected.findings.filter((f) => f.severity === 'error').length;
    expect(screen.getByTestId('filter-error').textContent).toBe(ui('zh-CN', 'findings.filter-error', { count: errorCount }));
  });

  it('clicking a finding selects its cell in the workbook', async () => {
    const { host } = await seedHost();
    await renderPane(host);
    await check();
    fireEvent.click(finding('date.invalid', 'Sheet1!G42'));
    await waitFor(() => expect(host.ops('select')).toEqual([{ op: 'select', address: 'Sheet1!G42' }]));
  });

  it('the as-of date decides the counts, as the core computes them, and is kept in the workbook', async () => {
    const { host } = await seedHost();
    const { unmount } = await renderPane(host);
    await check();
    const now = nodeStates(await core(host, TODAY));
    expect(screen.getByTestId('count-overdue').textContent).toBe(String(now.overdue ?? 0));

    fireEvent.change(screen.getByTestId('asof-input'), { target: { value: AS_OF } });
    const then = nodeStates(await core(host, AS_OF));
    // The seed has nodes due after mid-July 2018: the two dates must give different counts.
    expect(then.overdue).not.toBe(now.overdue);
    await waitFor(() => expect(screen.getByTestId('count-overdue').textContent).toBe(String(then.overdue ?? 0)));
    expect(screen.getByTestId('count-due-soon').textContent).toBe(String(then.due_soon ?? 0));
    expect(screen.getByTestId('count-done').textContent).toBe(String((then.done ?? 0) + (then.done_late ?? 0)));
    expect(screen.getByTestId('count-pending').textContent).toBe(String(then.pending ?? 0));
    const score = (await core(host, AS_OF)).sheets[0]!.tables[0]!.score!;
    // Earned so far, read against the points decided (overdue nodes), not the full 90.
    expect(screen.getByTestId('score-total').textContent).toBe(`${score.earned} / ${formatPoints(score.outOf)}`);
    expect(score.outOf).toBeLessThan(score.max);

    expect((await host.inner.loadSettings())?.asOf).toBe(AS_OF);
    unmount();
    // A pane opened later on the same workbook starts from the kept date.
    await renderPane(host);
    expect((screen.getByTestId('asof-input') as HTMLInputElement).value).toBe(AS_OF);
  });

  it('a plain check writes nothing into the workbook', async () => {
    const { host } = await seedHost();
    await renderPane(host);
    await check();
    expect(host.ops('saveSettings')).toEqual([]);
    expect(await host.inner.loadSettings()).toBeNull();
  });

  it('changing a role saves a mapping merged with the kept settings, and the re-check follows it', async () => {
    const { host } = await seedHost();
    const policy = { ...DEFAULT_POLICY, dueSoonDays: 30 };
    await host.inner.saveSettings({ version: 1, policy, fixes: [] });
    await renderPane(host);
    await check();
    const dropdown = screen.getByTestId('role-Sheet1-1-G');
    expect(dropdown.textContent).toBe(t('zh-CN', 'role.deadline'));
    expect(screen.getAllByTestId('finding').some((f) => f.dataset.rule === 'date.invalid')).toBe(true);

    await chooseRole('role-Sheet1-1-G', ui('zh-CN', 'tables.role-none'));
    await waitFor(() => expect(host.ops('saveSettings')).toHaveLength(1));
    await waitFor(() => expect(enabled('check-button')).toBe(true));
    const kept = await host.inner.loadSettings();
    expect(kept?.mapping?.tables).toEqual([{ sheet: 'Sheet1', table: 1, columns: { G: null } }]);
    expect(kept?.policy).toEqual(policy);
    // Without a deadline column there are no dates to find impossible.
    await waitFor(() => expect(screen.getAllByTestId('finding').some((f) => f.dataset.rule === 'date.invalid')).toBe(false));
    expect(screen.getByTestId('role-Sheet1-1-G').textContent).toBe(ui('zh-CN', 'tables.role-none'));
    // Left out stays 不参与检查 in what the pane says, never the recognizer's 未识别.
    expect(screen.getByTestId('status-message').textContent).toBe('已将 G 列设为“不指定（不参与检查）”，并保存在工作簿中。');
    expect(screen.getByTestId('status-message').textContent).not.toContain(t('zh-CN', 'role.null'));

    await chooseRole('role-Sheet1-1-G', t('zh-CN', 'role.deadline'));
    await waitFor(() => expect(host.ops('saveSettings')).toHaveLength(2));
    await waitFor(() => expect(screen.getAllByTestId('finding').some((f) => f.dataset.rule === 'date.invalid')).toBe(true));
    expect((await host.inner.loadSettings())?.mapping?.tables[0]?.columns).toEqual({ G: 'deadline' });
    // The user's choice hides the recognizer's why; 自动 takes the choice away and brings the why back.
    const row = () => screen.getByTestId('role-Sheet1-1-G').closest('[data-column]') as HTMLElement;
    expect(row().dataset.overridden).toBe('true');
    expect(row().textContent).not.toContain('自动识别依据');
    await chooseRole('role-Sheet1-1-G', ui('zh-CN', 'tables.role-auto'));
    await waitFor(() => expect(host.ops('saveSettings')).toHaveLength(3));
    await waitFor(() => expect(screen.getByTestId('status-message').textContent).toBe('G 列已恢复自动识别，并保存在工作簿中。'));
    expect((await host.inner.loadSettings())?.mapping).toBeUndefined();
    expect(screen.getByTestId('role-Sheet1-1-G').textContent).toBe(t('zh-CN', 'role.deadline'));
    expect(row().dataset.overridden).toBeUndefined();
    expect(row().textContent).toContain('自动识别依据：表头“节点完成期限”');
  });

  it('a fix writes its one cell and the re-check drops the finding; undo puts it back', async () => {
    const { host, wb } = await seedHost();
    await renderPane(host);
    await check();
    const before = wb.getWorksheet('Sheet1')!.getCell('G38').value;
    const item = finding('text.date-spaces', 'Sheet1!G38');
    const expectedFix = (await core(host, TODAY)).findings.find((f) => f.rule === 'text.date-spaces' && f.cell === 'Sheet1!G38')!.fix!;
    // The proposal marks what changes; its whole value is on hover.
    expect(within(item).getByTestId('fix-proposal').title).toBe(String(expectedFix.value));

    fireEvent.click(within(item).getByTestId('fix-button'));
    await waitFor(() => expect(host.ops('applyFixes')).toEqual([{ op: 'applyFixes', fixes: [{ cell: 'Sheet1!G38', value: expectedFix.value }] }]));
    // The fix button is not a click on the finding: nothing was selected.
    expect(host.ops('select')).toEqual([]);
    await waitFor(() => expect(screen.getAllByTestId('finding').some((f) => f.dataset.cell === 'Sheet1!G38')).toBe(false));
    expect(wb.getWorksheet('Sheet1')!.getCell('G38').value).toBe(expectedFix.value);

    await waitFor(() => expect(screen.getByTestId('undo-fixes-button')).toBeTruthy());
    await clickAndSettle('undo-fixes-button');
    expect(host.ops('undoFixes')).toHaveLength(1);
    expect(wb.getWorksheet('Sheet1')!.getCell('G38').value).toEqual(before);
    await waitFor(() => expect(finding('text.date-spaces', 'Sheet1!G38')).toBeTruthy());
    expect(screen.queryByTestId('undo-fixes-button')).toBeNull();
  });

  it('Apply writes the annotations and enables Revert; Revert takes them out and disables it', async () => {
    const { host, wb } = await seedHost();
    await renderPane(host);
    await check();
    const findingsBefore = screen.getAllByTestId('finding').map((f) => `${f.dataset.rule} ${f.dataset.cell}`);
    expect(enabled('revert-button')).toBe(false);
    const sheetsBefore = wb.worksheets.map((w) => w.name);

    await clickAndSettle('apply-button');
    expect(host.ops('apply')).toHaveLength(1);
    await waitFor(() => expect(enabled('revert-button')).toBe(true));
    expect(await host.inner.isApplied()).toBe(true);
    expect(wb.getWorksheet(t('zh-CN', 'plan.summary-sheet'))).toBeTruthy();
    const status = screen.getByTestId('status-message');
    expect(status.dataset.intent).toBe('success');
    expect(status.textContent).toContain(t('zh-CN', 'plan.summary-sheet'));
    // The re-check after apply sees the user's table, not what apply wrote.
    expect(screen.getAllByTestId('finding').map((f) => `${f.dataset.rule} ${f.dataset.cell}`)).toEqual(findingsBefore);
    expect(screen.getAllByTestId('table-card')).toHaveLength(1);

    await clickAndSettle('revert-button');
    expect(host.ops('revert')).toHaveLength(1);
    await waitFor(() => expect(enabled('revert-button')).toBe(false));
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheetsBefore);
    expect(screen.getByTestId('status-message').textContent).toContain(ui('zh-CN', 'status.reverted'));
  });

  it('a table Apply leaves uncoloured (milestones one column per quarter) is said, never a success', async () => {
    const { host, wb } = await fixtureHost('layouts/quarter-columns.xlsx');
    await renderPane(host);
    await check();
    await clickAndSettle('apply-button');
    const status = screen.getByTestId('status-message');
    expect(status.dataset.intent).toBe('warning');
    expect(status.textContent).toContain(ui('zh-CN', 'status.applied-uncoloured', { count: 1 }));
    expect(screen.getAllByTestId('finding').filter((f) => f.dataset.rule === 'plan.milestones-in-columns')).toHaveLength(1);
    expect(wb.getWorksheet('推进计划')!.getCell('I3').value ?? null).toBeNull();
  });

  it('a cell in the way of Apply is a finding, kept after the re-check, and the user data stays', async () => {
    const { host, wb } = await seedHost();
    wb.getWorksheet('Sheet1')!.getCell('K4').value = '用户备注';
    await renderPane(host);
    await check();
    expect(screen.getAllByTestId('finding').some((f) => f.dataset.rule === 'plan.occupied')).toBe(false);
    await clickAndSettle('apply-button');
    const status = screen.getByTestId('status-message');
    expect(status.dataset.intent).toBe('warning');
    expect(status.textContent).toContain(ui('zh-CN', 'status.applied-blocked', { count: 1 }));
    expect(finding('plan.occupied', 'Sheet1!K4').textContent).toContain('用户备注');
    expect(wb.getWorksheet('Sheet1')!.getCell('K4').value).toBe('用户备注');
    // A language switch re-checks; what apply found is still shown.
    fireEvent.click(screen.getByTestId('lang-switch'));
    await waitFor(() => expect(screen.getByTestId('apply-button').textContent).toBe(ui('en-US', 'apply.button')));
    await waitFor(() => expect(enabled('check-button')).toBe(true));
    expect(finding('plan.occupied', 'Sheet1!K4')).toBeTruthy();
    await clickAndSettle('revert-button');
    expect(screen.getAllByTestId('finding').some((f) => f.dataset.rule === 'plan.occupied')).toBe(false);
  });

  it('the pane opens with Revert enabled on a workbook that is already annotated', async () => {
    const { host } = await seedHost();
    const { unmount } = await renderPane(host);
    await clickAndSettle('apply-button');
    unmount();
    await renderPane(host);
    await waitFor(() => expect(enabled('revert-button')).toBe(true));
  });

  it('switches to English and back: the pane strings and the findings follow', async () => {
    const { host } = await seedHost();
    const changes: string[] = [];
    await renderPane(host, 'zh-CN', (l) => changes.push(l));
    expect(screen.getByTestId('check-button').textContent).toBe(ui('zh-CN', 'check.button'));
    await check();
    const zh = (await core(host, TODAY, 'zh-CN')).findings.find((f) => f.cell === 'Sheet1!G42')!.message;
    expect(finding('date.invalid', 'Sheet1!G42').textContent).toContain(zh);

    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(changes).toEqual(['en-US']);
    const en = (await core(host, TODAY, 'en-US')).findings.find((f) => f.cell === 'Sheet1!G42')!.message;
    expect(en).not.toBe(zh);
    await waitFor(() => expect(finding('date.invalid', 'Sheet1!G42').textContent).toContain(en));
    expect(screen.getByTestId('check-button').textContent).toBe(ui('en-US', 'check.again'));
    expect(screen.getByTestId('apply-button').textContent).toBe(ui('en-US', 'apply.button'));
    expect(screen.getByTestId('role-Sheet1-1-G').textContent).toBe(t('en-US', 'role.deadline'));
    expect(document.body.textContent).toContain(ui('en-US', 'summary.overdue'));
    expect(document.body.textContent).not.toContain(ui('zh-CN', 'summary.overdue'));

    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(changes).toEqual(['en-US', 'zh-CN']);
    await waitFor(() => expect(screen.getByTestId('apply-button').textContent).toBe(ui('zh-CN', 'apply.button')));
  });

  it('starts in English when Office says so', async () => {
    const { host } = await seedHost();
    await renderPane(host, 'en-US');
    expect(screen.getByTestId('check-button').textContent).toBe(ui('en-US', 'check.button'));
    expect(screen.getByTestId('lang-switch').textContent).toBe(ui('en-US', 'lang.switch-to'));
  });

  it('shows progress while the workbook is read', async () => {
    const { host } = await seedHost();
    await renderPane(host);
    let release = () => {};
    host.hold.read = new Promise<void>((r) => (release = r));
    fireEvent.click(screen.getByTestId('check-button'));
    expect(await screen.findByTestId('progress')).toBeTruthy();
    expect(enabled('check-button')).toBe(false);
    expect(enabled('apply-button')).toBe(false);
    await act(async () => release());
    await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
    expect(screen.getAllByTestId('table-card')).toHaveLength(1);
  });

  it('a failing host shows its message in an error bar, and the pane keeps working', async () => {
    const { host } = await seedHost();
    await renderPane(host);
    host.failNext.read = new Error('RichApi.Error: 连接已断开');
    await clickAndSettle('check-button');
    const bar = screen.getByTestId('status-message');
    expect(bar.dataset.intent).toBe('error');
    expect(bar.textContent).toContain('RichApi.Error: 连接已断开');
    expect(screen.queryByTestId('table-card')).toBeNull();

    await check();
    expect(screen.getByTestId('status-message').dataset.intent).not.toBe('error');

    host.failNext.select = new Error('sheet is protected');
    fireEvent.click(finding('date.invalid', 'Sheet1!G42'));
    await waitFor(() => expect(screen.getByTestId('status-message').textContent).toContain('sheet is protected'));
  });

  it('renders cell text as text, never as markup', async () => {
    const { host, wb } = await seedHost();
    const markup = '<img src=x data-evil="1"><b>加粗</b>';
    const cell = wb.getWorksheet('Sheet1')!.getCell('C4');
    cell.value = `${markup}${String(cell.value)}`;
    await renderPane(host);
    await check();
    expect(screen.getByTestId('scores').textContent).toContain(markup);
    expect(document.querySelector('[data-evil]')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });
});

describe('other layouts', () => {
  it('two tables on a sheet: a card each, roles named by table position, a mapping for the second', async () => {
    const { host } = await fixtureHost('layouts/two-tables.xlsx');
    await renderPane(host);
    await check();
    const expected = (await core(host, TODAY)).sheets.flatMap((sh) => sh.tables.map((tb, i) => ({ sheet: sh.name, i: i + 1, tb })));
    expect(expected).toHaveLength(2);
    const cards = screen.getAllByTestId('table-card');
    expect(cards.map((c) => [c.dataset.sheet, c.dataset.table, c.dataset.range])).toEqual(expected.map((e) => [e.sheet, String(e.i), e.tb.range]));
    const second = expected[1]!;
    const col = second.tb.columns.find((c) => c.role === 'owner') ?? second.tb.columns[0]!;
    const id = `role-${second.sheet}-2-${col.column}`;
    expect(within(cards[1]!).getByTestId(id)).toBeTruthy();
    // Each table's scores are labelled when there are several.
    for (const e of expected) expect(screen.getByTestId('scores').textContent).toContain(ui('zh-CN', 'scores.table', { sheet: e.sheet, range: e.tb.range }));

    await chooseRole(id, t('zh-CN', 'role.remark'));
    await waitFor(() => expect(host.ops('saveSettings')).toHaveLength(1));
    expect((await host.inner.loadSettings())?.mapping?.tables).toEqual([{ sheet: second.sheet, table: 2, columns: { [col.column]: 'remark' } }]);
    await waitFor(() => expect(screen.getByTestId(id).textContent).toBe(t('zh-CN', 'role.remark')));
    // The first table is as it was.
    const firstCol = expected[0]!.tb.columns.find((c) => c.column === col.column)!;
    expect(screen.getByTestId(`role-${second.sheet}-1-${col.column}`).textContent).toBe(t('zh-CN', `role.${firstCol.role ?? 'null'}` as 'role.null'));
  });

  it('a workbook without a table says so, shows why, and offers no Apply', async () => {
    const { host } = await fixtureHost('layouts/no-table.xlsx');
    await renderPane(host);
    await clickAndSettle('check-button');
    expect(screen.queryByTestId('table-card')).toBeNull();
    expect(screen.getByTestId('tables').textContent).toContain(ui('zh-CN', 'tables.none'));
    const expected = (await core(host, TODAY)).findings.filter((f) => f.rule === 'recognize.no-table');
    expect(expected.length).toBeGreaterThan(0);
    showAll();
    const shown = screen.getAllByTestId('finding').filter((f) => f.dataset.rule === 'recognize.no-table');
    expect(shown.map((f) => f.textContent)).toEqual(expected.map((f) => expect.stringContaining(f.message)));
    expect(screen.getByTestId('count-overdue').textContent).toBe('0');
    expect(enabled('apply-button')).toBe(false);
  });
});
