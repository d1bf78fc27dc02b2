/** Header rows as the pane says them: 第 3 行, 第 3–4 行 (Row 3, Rows 3–4). */
import type { Lang } from '../core/i18n';
import { ui } from './strings';

export function headerRowsText(lang: Lang, rows: readonly number[]): string {
  const from = rows[0] ?? 0;
  const to = rows[rows.length - 1] ?? from;
  return from === to ? ui(lang, 'tables.header-row-one', { from }) : ui(lang, 'tables.header-row-many', { from, to });
}
