/** @jest-environment jsdom */
/**
 * A title's 截至 date as the pane's default as-of: after Check the date picker holds the date the
 * title states (2024-06-30 for 截至2024年6月底), a note says it came from the title, the user can
 * choose another (the note goes, the scores follow), and Apply writes for the date shown and keeps
 * it in the workbook. Workbook of test/support/own-rules-workbook.ts; dates worked out by hand.
 */
import './setup';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { RecordingHost } from './fake-host';
import { ownRulesWorkbook } from '../support/own-rules-workbook';

const TODAY = '2026-12-01';
const TITLE = '2024年重点工作任务考核表（截至2024年6月底）';

const enabled = (testId: string) => !screen.getByTestId(testId).hasAttribute('disabled');
const picker = () => (screen.getByTestId('asof-input') as HTMLInputElement).value;

async function settle(): Promise<void> {
  await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
  await waitFor(() => expect(enabled('check-button')).toBe(true));
}

async function open(lang: 'zh-CN' | 'en-US') {
  const host = new RecordingHost(new XlsxWorkbookHost(ownRulesWorkbook(), 'own-rules.xlsx'));
  render(<App host={host} lang={lang} today={TODAY} />);
  await waitFor(() => expect(enabled('check-button')).toBe(true));
  fireEvent.click(screen.getByTestId('check-button'));
  await settle();
  await screen.findAllByTestId('table-card');
  return host;
}

describe('the as-of date a title states', () => {
  it.each<['zh-CN' | 'en-US', string]>([
    ['zh-CN', `日期取自表格标题“${TITLE}”，可改为其他日期`],
    ['en-US', `Date taken from the table title “${TITLE}”; you can choose another`],
  ])('%s: is the picker’s default after Check, with a note saying so', async (lang, note) => {
    const host = await open(lang);
    expect(picker()).toBe('2024-06-30');
    expect(screen.getByTestId('asof-from-title').textContent).toBe(note);
    // Offered, not chosen: nothing is written into the workbook by a check.
    expect(host.calls.filter((c) => c.op === 'saveSettings')).toEqual([]);
  });

  it('the user can change it: the note goes and the scores follow the new date', async () => {
    const host = await open('zh-CN');
    // As of 06-30 task 4 (due 06-15) is overdue: all 100 points read against.
    expect(screen.getAllByTestId('score-table-total')[0]!.textContent).toBe('合计 42 / 100');
    fireEvent.change(screen.getByTestId('asof-input'), { target: { value: '2024-06-01' } });
    await settle();
    await waitFor(() => expect(screen.getAllByTestId('score-table-total')[0]!.textContent).toBe('合计 42 / 60'));
    expect(picker()).toBe('2024-06-01');
    expect(screen.queryByTestId('asof-from-title')).toBeNull();
    expect((await host.inner.loadSettings())?.asOf).toBe('2024-06-01');
    // Back to the title's date: offered again, no longer kept as a choice.
    fireEvent.change(screen.getByTestId('asof-input'), { target: { value: '2024-06-30' } });
    await settle();
    await waitFor(() => expect(screen.getAllByTestId('score-table-total')[0]!.textContent).toBe('合计 42 / 100'));
    expect(screen.getByTestId('asof-from-title')).toBeTruthy();
    expect((await host.inner.loadSettings())?.asOf).toBeUndefined();
  });

  it('Apply writes for the date shown and keeps it in the workbook', async () => {
    const host = await open('zh-CN');
    fireEvent.click(screen.getByTestId('apply-button'));
    await settle();
    await waitFor(() => expect(enabled('revert-button')).toBe(true));
    const apply = host.calls.find((c) => c.op === 'apply');
    expect(apply && apply.op === 'apply' ? apply.plan.asOf : null).toBe('2024-06-30');
    expect((await host.inner.loadSettings())?.asOf).toBe('2024-06-30');
    expect(picker()).toBe('2024-06-30');
    // The workbook is annotated for the date shown: no "written for another date" notice.
    expect(screen.getByTestId('status-message').dataset.intent).toBe('success');
    expect(screen.queryByTestId('applied-other-date')).toBeNull();
    // Checked again, the kept date is shown, still saying where it came from.
    fireEvent.click(screen.getByTestId('check-button'));
    await settle();
    expect(picker()).toBe('2024-06-30');
    expect(screen.getByTestId('asof-from-title')).toBeTruthy();
    expect(screen.queryByTestId('applied-other-date')).toBeNull();
  });
});
