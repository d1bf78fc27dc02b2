/**
 * Formula pieces for a table's own scoring rules (see core/scoring/own-rules.ts), so the workbook
 * computes what `scoreTable` computes: a bonus at most its header's cap, the table's own 得分 read
 * when it is filled, a 扣分制 table's 起评分 minus deductions plus bonuses, and a 扣分制 item's 分值
 * minus its 扣分.
 */

/** A bonus cell as it counts: at most the cap its header declares. */
export function cappedBonus(bonus: string, cap: number | undefined): string {
  return cap === undefined ? bonus : `MIN(${cap},N(${bonus}))`;
}

/** The table's own 得分 when it holds a number, else `computed`: read, never recomputed. */
export function ownScoreFirst(own: string, computed: string): string {
  return `IF(ISNUMBER(${own}),${own},${computed})`;
}

/**
 * A 扣分制 item: what it adds or takes off (capped bonus minus deduction, the item's own 得分 when
 * filled); empty text when nothing is entered, so the total can tell "nothing yet" from 0.
 */
export function deductionItem(opts: { bonus?: string; deduction?: string; bonusCap?: number }): string {
  const refs = [opts.bonus, opts.deduction].filter((r): r is string => r !== undefined);
  if (refs.length === 0) return '""';
  const change = `${opts.bonus ? `N(${cappedBonus(opts.bonus, opts.bonusCap)})` : '0'}${opts.deduction ? `-N(${opts.deduction})` : ''}`;
  return `IF(COUNT(${refs.join(',')})=0,"",${change})`;
}

/** A 扣分制 table's total: `base` plus its items' changes, at least 0; `reason` while none is entered. */
export function deductionTotal(base: number, items: readonly string[], reason: string): string {
  return items.length === 0 ? reason : `IF(COUNT(${items.join(',')})=0,${reason},MAX(0,${base}+SUM(${items.join(',')})))`;
}

/**
 * A 扣分制 item with its own points (see `itemScore`): `max` minus its 扣分, between 0 and `max`,
 * plus its capped bonus; empty text — no points — while neither is entered.
 */
export function itemDeduction(opts: { max: string; bonus?: string; deduction?: string; bonusCap?: number }): string {
  const refs = [opts.bonus, opts.deduction].filter((r): r is string => r !== undefined);
  if (refs.length === 0) return '""';
  const kept = `MIN(${opts.max},MAX(0,${opts.max}${opts.deduction ? `-N(${opts.deduction})` : ''}))`;
  const bonus = opts.bonus ? `+N(${cappedBonus(opts.bonus, opts.bonusCap)})` : '';
  return `IF(COUNT(${refs.join(',')})=0,"",${kept}${bonus})`;
}
