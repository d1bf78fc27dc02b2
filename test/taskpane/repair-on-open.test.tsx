/** @jest-environment jsdom */
import './setup';
import { render, screen, waitFor } from '@testing-library/react';
import { ExcelWorkbookHost } from '../../src/hosts/excel';
import type { WorkbookHost } from '../../src/hosts/host';
import { applyWithHost } from '../../src/hosts/workflow';
import { App } from '../../src/taskpane/App';
import { ui } from '../../src/taskpane/strings';
import { comparableWorkbook, DoubleContext } from '../support/excel-double';
import { fixture } from '../hosts/contract/harness';

const TODAY = '2026-12-01';
const FILE = 'seeds/seed-000.xlsx';

const open = (ctx: DoubleContext) => new ExcelWorkbookHost((batch) => batch(ctx as unknown as Excel.RequestContext), FILE, { isSetSupported: () => true, requestBudget: 6_000 });

/** Seed 000 after an apply that stopped at its 5th sync: the journal, the summary sheet and some cells written. */
async function halfApplied(): Promise<DoubleContext> {
  const ctx = DoubleContext.fromWorkbook(await fixture(FILE));
  const host = open(ctx);
  const failing = Object.create(host) as WorkbookHost;
  failing.apply = async (plan, settings) => {
    ctx.failAt.add(ctx.syncs + 5);
    return host.apply(plan, settings);
  };
  await expect(applyWithHost(failing, { lang: 'zh-CN', asOf: '2018-07-15', today: '2018-07-15' })).rejects.toThrow(/injected/);
  ctx.failAt.clear();
  return ctx;
}

describe('the pane opened on a half-done apply', () => {
  it.each(['zh-CN', 'en-US'] as const)('%s: undoes it, says so, and leaves nothing to revert', async (lang) => {
    const original = comparableWorkbook(await fixture(FILE));
    const ctx = await halfApplied();
    expect(ctx.comparable()).not.toEqual(original);
    render(<App host={open(ctx)} lang={lang} today={TODAY} />);
    await waitFor(() => expect(screen.getByText(ui(lang, 'status.repaired'))).toBeTruthy());
    expect(ctx.comparable()).toEqual(original);
    // Revert is offered only for an applied workbook: this one is as it was.
    expect(screen.getByTestId('revert-button').hasAttribute('disabled')).toBe(true);
  });
});
