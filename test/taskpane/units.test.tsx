/** @jest-environment jsdom */
import './setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../../src/taskpane/ErrorBoundary';
import { withColumnRole } from '../../src/taskpane/mapping-edit';
import { paneLang } from '../../src/taskpane/office-lang';
import { ui } from '../../src/taskpane/strings';
import { localIsoDate } from '../../src/taskpane/today';
import { isIsoDate } from '../../src/taskpane/useWorkbook';
import { DEFAULT_POLICY } from '../../src/core/settings/scoring-policy';
import type { StoredSettings } from '../../src/core/settings/stored';

describe('withColumnRole', () => {
  const fix = { sheet: 'Sheet1', cell: 'G38', before: { value: 'x', style: {} }, after: 'y' };

  it('starts settings when the workbook keeps none', () => {
    expect(withColumnRole(null, { sheet: 'Sheet1', table: 1, column: 'e', role: 'node' })).toEqual({
      version: 1,
      fixes: [],
      mapping: { version: 1, tables: [{ sheet: 'Sheet1', table: 1, columns: { E: 'node' } }] },
    });
  });

  it('keeps the policy, the fixes, the other tables and the other columns', () => {
    const kept: StoredSettings = {
      version: 1,
      policy: DEFAULT_POLICY,
      asOf: '2018-07-15',
      fixes: [fix],
      mapping: {
        version: 1,
        tables: [
          { sheet: 'Sheet1', table: 1, columns: { A: { role: 'category', level: 1 }, e: 'criteria' }, year: 2018 },
          { sheet: 'Sheet2', table: 1, columns: { B: 'seq' } },
        ],
      },
    };
    const next = withColumnRole(kept, { sheet: 'Sheet1', table: 1, column: 'E', role: null });
    expect(next).toEqual({
      ...kept,
      mapping: {
        version: 1,
        tables: [
          { sheet: 'Sheet1', table: 1, columns: { A: { role: 'category', level: 1 }, E: null }, year: 2018 },
          { sheet: 'Sheet2', table: 1, columns: { B: 'seq' } },
        ],
      },
    });
    // The kept object is the workbook's: it is not changed in place.
    expect(kept.mapping?.tables[0]?.columns).toEqual({ A: { role: 'category', level: 1 }, e: 'criteria' });
  });

  it('adds a table the mapping did not name', () => {
    const kept = withColumnRole(null, { sheet: 'Sheet1', table: 1, column: 'B', role: 'seq' });
    const next = withColumnRole(kept, { sheet: 'Sheet1', table: 2, column: 'B', role: 'task' });
    expect(next.mapping?.tables).toEqual([
      { sheet: 'Sheet1', table: 1, columns: { B: 'seq' } },
      { sheet: 'Sheet1', table: 2, columns: { B: 'task' } },
    ]);
  });
});

describe('dates and languages', () => {
  it('takes today from the local calendar', () => {
    expect(localIsoDate(new Date(2018, 8, 30, 23, 59))).toBe('2018-09-30');
    expect(localIsoDate(new Date(2019, 0, 1, 0, 0))).toBe('2019-01-01');
  });

  it('accepts only real ISO dates', () => {
    expect(isIsoDate('2018-07-15')).toBe(true);
    expect(isIsoDate('2018-09-31')).toBe(false);
    expect(isIsoDate('2018-7-15')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['en-US', 'en-US'],
    ['de-DE', 'en-US'],
    ['zu-ZA', 'en-US'],
    [undefined, 'en-US'],
  ])('Office display language %s → %s', (display, lang) => {
    expect(paneLang(display)).toBe(lang);
  });
});

describe('ErrorBoundary', () => {
  let fail = true;
  function Fragile() {
    if (fail) throw new Error('表格数据异常');
    return <span data-testid="fine" />;
  }

  it('shows the error as a message bar, and renders again on retry', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      render(
        <ErrorBoundary lang="zh-CN">
          <Fragile />
        </ErrorBoundary>,
      );
      const bar = screen.getByTestId('status-message');
      expect(bar.textContent).toContain('表格数据异常');
      expect(bar.textContent).toContain(ui('zh-CN', 'boundary.title'));
      fail = false;
      fireEvent.click(screen.getByRole('button', { name: ui('zh-CN', 'boundary.retry') }));
      expect(screen.getByTestId('fine')).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });
});
