/** The rule catalogue as text: `resptable rules` and docs/rules.md. */
import { ruleText, t, type Lang, type MessageKey } from '../core/i18n';
import { RULES } from '../core/rules';

export function rulesTable(lang: Lang): string {
  const lines = [
    t(lang, 'cli.rules-columns'),
    '|---|---|---|---|---|---|',
    ...RULES.map(
      (r) =>
        `| \`${r.id}\` | ${t(lang, `cli.${r.severity}` as MessageKey)} | ${t(lang, `family.${r.family}` as MessageKey)} | ${ruleText(lang, r.id, 'title')} | ${ruleText(lang, r.id, 'expected').replace(/\|/g, '\\|')} | ${r.fixable ? t(lang, 'cli.yes') : ''} |`,
    ),
  ];
  return lines.join('\n');
}

/** docs/rules.md: both languages, generated; a test fails when the file is stale. */
export function rulesMarkdown(): string {
  const parts: string[] = [];
  for (const lang of ['zh-CN', 'en-US'] as const) {
    parts.push(`## ${t(lang, 'cli.rules-title')} (${lang})`, '', t(lang, 'cli.rules-intro'), '', rulesTable(lang), '');
  }
  return `# resptable rules\n\n${parts.join('\n')}`;
}
