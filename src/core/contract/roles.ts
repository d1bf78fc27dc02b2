/** The column roles of ../shared/DESIGN.md: what a column of a responsibility table holds. */
export const ROLES = [
  'category',
  'seq',
  'task',
  'goal',
  'node',
  'row_kind',
  'criteria',
  'evidence',
  'deadline',
  'lead',
  'leader',
  'owner',
  'partner',
  'weight',
  'status',
  'progress',
  'done_on',
  'score',
  'bonus',
  'deduction',
  'plan',
  'remark',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
