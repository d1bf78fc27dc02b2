/** @jest-environment jsdom */
/**
 * After Apply the pane says whether Excel's own Undo takes it back (ExcelApi 1.20's one undo group)
 * or only Revert does, in the user's language; the workbench's xlsx host, with no such Undo, says neither.
 */
import './setup';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExcelWorkbookHost } from '../../src/hosts/excel';
import { App } from '../../src/taskpane/App';
import { ui } from '../../src/taskpane/strings';
import { DoubleContext } from '../support/excel-double';
import { fixture } from '../hosts/contract/harness';
import { seedHost } from './fake-host';

const TODAY = '2018-07-15';
const minor = (v: string) => Number(v.split('.')[1]);
const enabled = (id: string) => !screen.getByTestId(id).hasAttribute('disabled');

async function click(id: string): Promise<void> {
  await waitFor(() => expect(enabled(id)).toBe(true));
  fireEvent.click(screen.getByTestId(id));
  await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
  await waitFor(() => expect(enabled('check-button')).toBe(true));
}

async function applyIn(level: number, lang: 'zh-CN' | 'en-US'): Promise<string> {
  const ctx = DoubleContext.fromWorkbook(await fixture('seeds/seed-000.xlsx'), { apiLevel: level });
  const host = new ExcelWorkbookHost((batch, options) => ctx.run(batch, options), 'seed-000.xlsx', { isSetSupported: (_n, v) => minor(v) <= level });
  render(<App host={host} lang={lang} today={TODAY} />);
  await click('check-button');
  await screen.findAllByTestId('table-card');
  await click('apply-button');
  await waitFor(() => expect(screen.getByTestId('status-message').textContent).toContain(ui(lang, 'status.applied', { cells: 0, sheet: '' }).slice(0, 4)));
  return screen.getByTestId('status-message').textContent ?? '';
}

describe('the note after Apply on Excel’s undo', () => {
  it.each(['zh-CN', 'en-US'] as const)('%s: ExcelApi 1.13 — only Revert takes it back', async (lang) => {
    const text = await applyIn(13, lang);
    expect(text).toContain(ui(lang, 'status.undo-revert-only'));
    expect(text).not.toContain(ui(lang, 'status.undo-one-step'));
  });

  it.each(['zh-CN', 'en-US'] as const)('%s: ExcelApi 1.20 — Excel’s Undo takes it back in one step', async (lang) => {
    const text = await applyIn(20, lang);
    expect(text).toContain(ui(lang, 'status.undo-one-step'));
    expect(text).not.toContain(ui(lang, 'status.undo-revert-only'));
  });

  it('the xlsx host (workbench) says neither', async () => {
    const { host } = await seedHost();
    render(<App host={host} lang="zh-CN" today={TODAY} />);
    await click('check-button');
    await screen.findAllByTestId('table-card');
    await click('apply-button');
    const text = screen.getByTestId('status-message').textContent ?? '';
    expect(text).toContain('已应用标注');
    expect(text).not.toContain(ui('zh-CN', 'status.undo-revert-only'));
    expect(text).not.toContain(ui('zh-CN', 'status.undo-one-step'));
  });
});
