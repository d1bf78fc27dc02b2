/** Owners: phone numbers that are neither landlines nor mobiles, and phones without a name. */
import { toHalfWidth } from '../recognize/text';
import { bodyCells } from './cells';
import type { Hit, Rule } from './rule';

/** Digit runs that are meant as phone numbers: six or more digits, with an area code's dash allowed. */
const PHONE_LIKE = /(?<![\d-])(?:\d[\d\- ]{4,}\d)(?![\d-])/g;

export function isValidPhone(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, '');
  if (/^1[3-9]\d{9}$/.test(s)) return true;
  // A landline: 7–8 digits, after an optional 3–4-digit area code starting with 0.
  return /^(?:0\d{2,3})?[2-9]\d{6,7}$/.test(s);
}

export const ownerRules: Rule[] = [
  {
    id: 'owner.phone',
    family: 'owners',
    severity: 'warning',
    check(ctx) {
      const hits: Hit[] = [];
      for (const c of bodyCells(ctx, ctx.columns('owner').map((x) => x.column))) {
        const text = toHalfWidth(c.text);
        for (const m of text.matchAll(PHONE_LIKE)) {
          const phone = m[0].trim();
          if (phone.replace(/\D/g, '').length < 6 || isValidPhone(phone)) continue;
          hits.push({ cell: c.address, found: c.text, params: { column: ctx.header(c.column), phone } });
        }
      }
      return hits;
    },
  },
  {
    id: 'owner.no-name',
    family: 'owners',
    severity: 'warning',
    check(ctx) {
      return bodyCells(ctx, ctx.columns('owner').map((x) => x.column))
        .filter((c) => /^[\d\s\-()（）+]+$/.test(toHalfWidth(c.text).trim()) && c.text.replace(/\D/g, '').length >= 7)
        .map((c) => ({ cell: c.address, found: c.text, params: { column: ctx.header(c.column), found: c.text.trim() } }));
    },
  },
];
