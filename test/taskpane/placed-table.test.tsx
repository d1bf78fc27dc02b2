/** @jest-environment jsdom */
/**
 * The user corrects the reading in the pane: the range selected in the workbook becomes the table,
 * its header rows are chosen, a column goes back to automatic, and the table goes back to the
 * recognizer. Each change is kept in the workbook and the re-check shows it.
 */
import './setup';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { t } from '../../src/core/i18n';
import { App } from '../../src/taskpane/App';
import { ui } from '../../src/taskpane/strings';
import { seedHost, type RecordingHost } from './fake-host';

const TODAY = '2026-12-01';
// Each step re-reads seed 000 through the xlsx host; on a busy machine that takes seconds, not a failure.
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(180_000);
const enabled = (testId: string) => !screen.getByTestId(testId).hasAttribute('disabled');

async function settle(): Promise<void> {
  await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
  await waitFor(() => expect(enabled('check-button')).toBe(true));
}

async function choose(testId: string, optionText: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId));
  fireEvent.click(await screen.findByRole('option', { name: optionText }));
  await settle();
}

async function start(): Promise<RecordingHost> {
  const { host } = await seedHost();
  render(<App host={host} lang="zh-CN" today={TODAY} />);
  await settle();
  fireEvent.click(screen.getByTestId('check-button'));
  await settle();
  await screen.findAllByTestId('table-card');
  return host;
}

const card = () => {
  const cards = screen.getAllByTestId('table-card');
  expect(cards).toHaveLength(1);
  return cards[0]!;
};
const status = () => screen.getByTestId('status-message').textContent;
const invalidDates = () => screen.queryAllByTestId('finding').filter((f) => f.dataset.rule === 'date.invalid').length;

describe('correcting the reading in the pane', () => {
  it('uses the selection as the table, chooses its header rows, and hands it back', async () => {
    const host = await start();
    expect(card().dataset.range).toBe('A2:J56');
    expect(card().dataset.placed).toBeUndefined();
    expect(invalidDates()).toBe(2);

    // The user selects A2:J30 in the sheet, then says "this is the table".
    await host.inner.select('Sheet1!A2:J30');
    fireEvent.click(screen.getByTestId('use-selection'));
    await settle();
    await waitFor(() => expect(card().dataset.range).toBe('A2:J30'));
    expect(host.ops('selectedRange')).toHaveLength(1);
    expect((await host.inner.loadSettings())?.mapping?.tables).toEqual([{ sheet: 'Sheet1', table: 1, columns: {}, range: 'A2:J30' }]);
    expect(card().dataset.placed).toBe('true');
    expect(within(card()).getByTestId('table-placed').textContent).toBe(ui('zh-CN', 'tables.placed'));
    expect(status()).toContain(ui('zh-CN', 'status.range-saved', { address: 'Sheet1!A2:J30' }));
    // The impossible dates of rows 42 and 43 are outside the table now.
    expect(invalidDates()).toBe(0);

    // The header read from the range's top is row 2; the user makes it rows 2–3.
    const header = screen.getByTestId('header-rows-Sheet1-1');
    expect(header.textContent).toBe(ui('zh-CN', 'tables.header-row-one', { from: 2 }));
    await choose('header-rows-Sheet1-1', ui('zh-CN', 'tables.header-row-many', { from: 2, to: 3 }));
    expect((await host.inner.loadSettings())?.mapping?.tables).toEqual([{ sheet: 'Sheet1', table: 1, columns: {}, range: 'A2:J30', headerRows: [2, 3] }]);
    await waitFor(() => expect(screen.getByTestId('header-rows-Sheet1-1').textContent).toBe(ui('zh-CN', 'tables.header-row-many', { from: 2, to: 3 })));
    expect(status()).toContain(ui('zh-CN', 'status.header-saved', { address: 'Sheet1!A2:J30', rows: ui('zh-CN', 'tables.header-row-many', { from: 2, to: 3 }) }));

    // Back to the recognizer: the whole table again, and nothing kept.
    fireEvent.click(screen.getByTestId('table-auto-Sheet1-1'));
    await settle();
    await waitFor(() => expect(card().dataset.range).toBe('A2:J56'));
    expect(await host.inner.loadSettings()).toBeNull();
    expect(status()).toContain(ui('zh-CN', 'status.range-auto', { address: 'Sheet1!A2:J30' }));
  });

  it('a column set by the user says so, and 自动 gives it back to the recognizer; 不参与检查 stays a choice of its own', async () => {
    const host = await start();
    const row = () => screen.getByTestId('role-Sheet1-1-G').closest('[data-column]') as HTMLElement;
    expect(row().dataset.overridden).toBeUndefined();
    // 自动 on a column the recognizer reads changes nothing and writes nothing.
    await choose('role-Sheet1-1-G', ui('zh-CN', 'tables.role-auto'));
    expect(host.ops('saveSettings')).toHaveLength(0);

    await choose('role-Sheet1-1-G', ui('zh-CN', 'tables.role-none'));
    await waitFor(() => expect(row().dataset.overridden).toBe('true'));
    expect(screen.getByTestId('role-Sheet1-1-G').textContent).toBe('不指定（不参与检查）');
    expect(within(row()).getByText(ui('zh-CN', 'tables.role-set'))).toBeTruthy();
    expect(invalidDates()).toBe(0);

    await choose('role-Sheet1-1-G', ui('zh-CN', 'tables.role-auto'));
    await waitFor(() => expect(row().dataset.overridden).toBeUndefined());
    expect(screen.getByTestId('role-Sheet1-1-G').textContent).toBe(t('zh-CN', 'role.deadline'));
    expect(await host.inner.loadSettings()).toBeNull();
    expect(invalidDates()).toBe(2);
    expect(status()).toContain(ui('zh-CN', 'status.column-auto', { column: 'G' }));
  });

  it('a one-cell selection is not a table: it says so and keeps nothing', async () => {
    const host = await start();
    await host.inner.select('Sheet1!C7');
    fireEvent.click(screen.getByTestId('use-selection'));
    await settle();
    await waitFor(() => expect(status()).toContain(ui('zh-CN', 'status.selection-too-small', { address: 'Sheet1!C7' })));
    expect(host.ops('saveSettings')).toHaveLength(0);
    expect(card().dataset.range).toBe('A2:J56');
  });
});
