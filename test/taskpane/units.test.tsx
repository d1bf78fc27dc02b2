/** @jest-environment jsdom */
import './setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../../src/taskpane/ErrorBoundary';
import { withColumnRole } from '../../src/taskpane/mapping-edit';
import { paneLang } from '../../src/taskpane/office-lang';
import { ui } from '../../src/taskpane/strings';
import { localIsoDate } from '../../src/core/dates/today';
import { errorText, isIsoDate } from '../../src/taskpane/useWorkbook';
import { FindingsPanel } from '../../src/taskpane/FindingsPanel';
import { ColumnRole } from '../../src/taskpane/ColumnRole';
import { LOW_CONFIDENCE } from '../../src/core/recognize/recognize';
import { PAGE } from '../../src/taskpane/ShowMore';
import type { Finding } from '../../src/core/contract';
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

describe('errorText', () => {
  class WordedError extends Error {
    format(lang: string): string {
      return lang === 'zh-CN' ? '此版本的 Excel 不支持' : 'this Excel cannot';
    }
  }

  it('lets an error that words itself speak the pane language, and falls back to the message', () => {
    expect(errorText(new WordedError('raw'), 'zh-CN')).toBe('此版本的 Excel 不支持');
    expect(errorText(new WordedError('raw'), 'en-US')).toBe('this Excel cannot');
    expect(errorText(new Error('plain'), 'zh-CN')).toBe('plain');
    expect(errorText('text thrown', 'zh-CN')).toBe('text thrown');
    expect(errorText(undefined, 'zh-CN')).toBe('');
  });
});

describe('long lists', () => {
  it('shows findings a page at a time', () => {
    const findings: Finding[] = Array.from({ length: PAGE * 2 + 7 }, (_, i) => ({
      rule: 'text.stray-space',
      severity: 'info',
      cell: `Sheet1!A${i + 1}`,
      message: `m${i}`,
    }));
    render(
      <FindingsPanel lang="en-US" findings={findings} fixesLogged={0} disabled={false} onSelect={() => {}} onFix={() => {}} onFixAll={() => {}} onSelectCells={() => {}} onUndoFixes={() => {}} />,
    );
    expect(screen.getAllByTestId('finding')).toHaveLength(PAGE);
    fireEvent.click(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('finding')).toHaveLength(PAGE * 2);
    expect(screen.getByTestId('show-more').textContent).toBe(ui('en-US', 'list.more', { count: 7 }));
    fireEvent.click(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('finding')).toHaveLength(PAGE * 2 + 7);
    expect(screen.queryByTestId('show-more')).toBeNull();
    expect(screen.getAllByTestId('finding').map((f) => f.dataset.cell)).toEqual(findings.map((f) => f.cell));
  });

  it('a finding without a cell names its sheet and selects nothing', () => {
    const selected: string[] = [];
    render(
      <FindingsPanel
        lang="zh-CN"
        findings={[{ rule: 'recognize.no-table', severity: 'warning', sheet: '说明', message: '没有表格' }]}
        fixesLogged={0}
        disabled={false}
        onSelect={(c) => selected.push(c)}
        onFix={() => {}}
        onFixAll={() => {}}
        onSelectCells={() => {}}
        onUndoFixes={() => {}}
      />,
    );
    const item = screen.getByTestId('finding');
    expect(item.textContent!.startsWith(ui('zh-CN', 'findings.whole-sheet', { sheet: '说明' }))).toBe(true);
    fireEvent.click(item);
    expect(selected).toEqual([]);
  });
});

describe('ColumnRole', () => {
  const base = { column: 'K', header: '其他事项', role: null, why: '无法判断', confidence: LOW_CONFIDENCE - 0.2 };

  it('marks a column the recognizer is unsure of', () => {
    const { container } = render(<ColumnRole lang="zh-CN" sheet="Sheet1" tableIndex={1} column={base} disabled={false} onChange={() => {}} />);
    expect(container.querySelector('[data-unsure]')).not.toBeNull();
    expect(container.textContent).toContain(ui('zh-CN', 'tables.low-confidence'));
    expect(screen.getByTestId('role-Sheet1-1-K').textContent).toBe(ui('zh-CN', 'tables.role-none'));
  });

  it('does not mark a sure column', () => {
    const { container } = render(
      <ColumnRole lang="zh-CN" sheet="Sheet1" tableIndex={1} column={{ ...base, role: 'remark', confidence: 0.99 }} disabled={false} onChange={() => {}} />,
    );
    expect(container.querySelector('[data-unsure]')).toBeNull();
    expect(container.textContent).not.toContain(ui('zh-CN', 'tables.low-confidence'));
  });
});
