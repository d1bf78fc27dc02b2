/**
 * Long lists a page at a time: rendering thousands of Fluent rows at once would stall the pane on
 * the large workbooks staff collect, and the first page is what they read.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../core/i18n';
import { ui } from './strings';

export const PAGE = 50;

/** `first`: how many show before the first "more" (a group among several shows a few, to keep the others in view). */
export function usePage<T>(items: readonly T[], first = PAGE): { shown: readonly T[]; rest: number; more(): void } {
  const [count, setCount] = useState(first);
  return { shown: items.slice(0, count), rest: Math.max(0, items.length - count), more: () => setCount(count + PAGE) };
}

export function ShowMore(p: { lang: Lang; rest: number; onMore(): void }) {
  if (p.rest <= 0) return null;
  return (
    <Button data-testid="show-more" size="small" appearance="subtle" onClick={p.onMore}>
      {ui(p.lang, 'list.more', { count: Math.min(PAGE, p.rest) })}
    </Button>
  );
}
