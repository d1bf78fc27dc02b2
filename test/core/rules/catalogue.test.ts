import * as fs from 'fs';
import * as path from 'path';
import { RULE_MESSAGES } from '../../../src/core/i18n';
import { RULES } from '../../../src/core/rules';

describe('the rule catalogue', () => {
  const tests = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.ts') && f !== 'catalogue.test.ts')
    .map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8'))
    .join('\n');

  it.each(RULES.map((r) => r.id))('%s has a stable id, messages in both languages and a test of its own', (id) => {
    expect(id).toMatch(/^[a-z]+\.[a-z-]+$/);
    const text = RULE_MESSAGES[id];
    expect(text).toBeDefined();
    for (const part of ['title', 'message', 'expected'] as const) {
      expect(text![part]['zh-CN']).not.toBe('');
      expect(text![part]['en-US']).not.toBe('');
    }
    expect(tests).toContain(`'${id}'`);
  });

  it('has no two rules with one id, and no messages for rules that do not exist', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(RULE_MESSAGES).sort()).toEqual([...ids].sort());
  });
});
