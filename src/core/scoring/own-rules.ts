/**
 * The scoring rules a table states about itself: a cap on its bonus column (`加分（最高5分）`) and,
 * for a 扣分制 table, the score every unit starts from (`起评分100分`, `基础分为100分`), read from
 * its title or a preamble line. Read as written; nothing is assumed when a table says nothing.
 */
export interface TableRules {
  /** Points a bonus cell counts for at most. */
  bonusCap?: number;
  /** A 扣分制 table: the score a unit starts from, before deductions and bonuses. */
  deductionBase?: number;
  /**
   * A 扣分制 table whose items each carry their points (分值) and a 扣分 cell: an item scores its
   * 分值 minus its 扣分, at least 0 and at most its 分值, plus its (capped) bonus.
   */
  itemDeductions?: true;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** A cap in a header: 最高5分, 不超过3分, 上限2.5分, 最多加5分, max 5. */
const CAP = new RegExp(String.raw`(?:最高|不超过|上限|最多|封顶|max(?:imum)?|up to)\s*(?:加|为|:|：)?\s*${NUMBER}`, 'i');
/** A starting score: 起评分100分, 基础分为100分, 基本分：80分, base score 100. */
const BASE = new RegExp(String.raw`(?:起评分|基础分|基本分|base score|starting score)\s*(?:为|是|:|：|of)?\s*${NUMBER}`, 'i');

export function bonusCap(header: string | null | undefined): number | null {
  const m = header?.normalize('NFKC').match(CAP);
  return m ? Number(m[1]) : null;
}

/** The starting score of a 扣分制 table from its title and preamble lines, or null. */
export function deductionBase(lines: ReadonlyArray<string | null | undefined>): number | null {
  for (const line of lines) {
    const m = line?.normalize('NFKC').match(BASE);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Rules that take points off: 扣2分, 每处扣1分, 扣完为止, 扣分制, deduct 2 points. */
const DEDUCTS = /扣\s*(?:[\d.]+|[一二三四五六七八九十半]+)\s*分|扣完为止|扣分制|倒扣|deduct/i;

/**
 * Whether a table with a 分值 and a 扣分 column scores its items by deduction: its title or preamble
 * says so (扣分制, 扣完为止), or at least half of its items' rows state what takes points off
 * (未按时清运的每次扣2分). A milestone table that merely has a 扣分 column is not one: its items earn
 * on their nodes.
 */
export function deductsPerItem(lines: ReadonlyArray<string | null | undefined>, itemTexts: ReadonlyArray<string>): boolean {
  if (lines.some((l) => l !== null && l !== undefined && DEDUCTS.test(l.normalize('NFKC')))) return true;
  const saying = itemTexts.filter((t) => DEDUCTS.test(t.normalize('NFKC'))).length;
  return itemTexts.length > 0 && saying * 2 >= itemTexts.length;
}
