/** The messages between the workbench page and its document worker, as zod checks them on arrival. */
import { ARGS, CallSchema, METHODS, ReplySchema } from '../../src/workbench/worker-protocol';

describe('document worker protocol', () => {
  test('a call names a known method; anything else is refused', () => {
    expect(CallSchema.safeParse({ kind: 'call', id: 1, method: 'view', args: ['Sheet1'] }).success).toBe(true);
    expect(CallSchema.safeParse({ kind: 'call', id: 1, method: 'eval', args: [] }).success).toBe(false);
    expect(CallSchema.safeParse({ kind: 'call', id: '1', method: 'view', args: [] }).success).toBe(false);
  });

  test('each method checks its arguments', () => {
    expect(ARGS.choices.safeParse(['Sheet1', 3, 2]).success).toBe(true);
    expect(ARGS.choices.safeParse(['Sheet1', 0, 2]).success).toBe(false);
    expect(ARGS.choices.safeParse(['Sheet1', 1.5, 2]).success).toBe(false);
    expect(ARGS.open.safeParse(['a.xlsx', new ArrayBuffer(4), '2026-01-01']).success).toBe(true);
    expect(ARGS.open.safeParse(['a.xlsx', 'bytes', '2026-01-01']).success).toBe(false);
    expect(ARGS.check.safeParse([{ lang: 'fr-FR', today: '2026-01-01' }]).success).toBe(false);
    expect(ARGS.applyFixes.safeParse([[{ cell: 'S!A1', value: 3 }]]).success).toBe(true);
    expect(ARGS.save.safeParse([1]).success).toBe(false);
    // The methods are the table's keys: none without its argument check.
    expect(METHODS).toContain('rows');
    expect(METHODS.every((m) => ARGS[m] !== undefined)).toBe(true);
  });

  test('replies are checked as envelopes', () => {
    expect(ReplySchema.safeParse({ kind: 'progress', id: 4, done: 1, total: 3 }).success).toBe(true);
    expect(ReplySchema.safeParse({ kind: 'error', id: 4, error: { name: 'OpenError', reason: 'not-xlsx', message: 'no zip signature' } }).success).toBe(true);
    expect(ReplySchema.safeParse({ kind: 'select', sheet: 'S' }).success).toBe(false);
    expect(ReplySchema.safeParse({ kind: 'rows', id: 4, rows: [] }).success).toBe(false);
  });
});
