/** How a batch shows where it is: a progress bar or plain lines, and what files say let out in the inputs' order. */
import * as path from 'path';
import { t, type Lang } from '../core/i18n';
import { escapeTerminal } from './terminal';

/** `[=====>    ] 12/40 file.xlsx` on a terminal, rewritten in place; plain lines elsewhere. */
export function progressLine(lang: Lang, n: number, total: number, file: string, tty: boolean): string {
  const said = t(lang, 'cli.progress', { n, total, file: path.basename(file) });
  if (!tty) return `${escapeTerminal(said)}\n`;
  const width = 24;
  const full = Math.round((n / total) * width);
  return `\r\u001b[2K[${'='.repeat(full)}${' '.repeat(width - full)}] ${escapeTerminal(said)}`;
}

/**
 * Results that come in any order, each let out (`show`) once every one before it is in: what a
 * batch says is in the order of its inputs, whatever the threads' timing.
 */
export function inOrder<R>(show: (result: R, index: number) => void): (index: number, result: R) => void {
  const waiting = new Map<number, R>();
  let shown = 0;
  return (index, result) => {
    waiting.set(index, result);
    for (let r = waiting.get(shown); r !== undefined || waiting.has(shown); r = waiting.get(shown)) {
      waiting.delete(shown);
      show(r as R, shown);
      shown += 1;
    }
  };
}
