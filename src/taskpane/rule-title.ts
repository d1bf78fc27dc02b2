/**
 * A rule's name in plain words, for the findings list: the catalog's title for the validation rules,
 * and for the notes the recognizer, the plan and the host add, the name of what they are about. The
 * rule id stays available on hover, for the lead and for bug reports.
 */
import { RULE_MESSAGES, type Lang } from '../core/i18n';
import { ui, type UiKey } from './strings';

const FAMILY_TITLE: Record<string, UiKey> = { recognize: 'rule-group.recognize', plan: 'rule-group.plan', host: 'rule-group.host' };

export function ruleTitle(lang: Lang, rule: string): string {
  const own = RULE_MESSAGES[rule]?.title[lang];
  if (own) return own;
  return ui(lang, FAMILY_TITLE[rule.split('.')[0] ?? ''] ?? 'rule-group.other');
}

/** A few cells by name and how many more: a message names what was done without growing with it. */
export function cellList(lang: Lang, cells: readonly string[], shown = 5): string {
  const head = cells.slice(0, shown).join(lang === 'zh-CN' ? '、' : ', ');
  return cells.length > shown ? ui(lang, 'list.cells-more', { cells: head, rest: cells.length - shown }) : head;
}
