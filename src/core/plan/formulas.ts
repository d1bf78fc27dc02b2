/** Formula pieces that make the workbook compute what the core computes. */
import { STATUS_WORDS } from '../progress';
import { AS_OF_NAME } from './plan';

/** Named lists of status words on the summary sheet: the formulas read them, and a person can too. */
export const DONE_WORDS_NAME = 'resptable_done_words';
export const DELAYED_WORDS_NAME = 'resptable_delayed_words';
export const DONE_WORDS: readonly string[] = [...STATUS_WORDS.done, '100%'];
export const DELAYED_WORDS: readonly string[] = STATUS_WORDS.delayed;

/** TRUE where a status cell (or range) holds a word meaning done. */
export function isDone(ref: string): string {
  return `ISNUMBER(MATCH(${ref},${DONE_WORDS_NAME},0))`;
}

/** TRUE where a status cell (or range) says the node is behind. */
export function isDelayed(ref: string): string {
  return `ISNUMBER(MATCH(${ref},${DELAYED_WORDS_NAME},0))`;
}

/** 1 for a node that counts as due: done, said to be behind, or past its due date. */
export function dueMask(status: string, due: string): string {
  return `SIGN((${due}<>"")*(${due}<${AS_OF_NAME})+${isDone(status)}+${isDelayed(status)})`;
}

/**
 * A task's score: its maximum times the share of due nodes done (done late earns `lateCredit` when a
 * completion date column says so), all of it when none is due; plus bonus, minus deduction, at least 0.
 */
export function taskScore(opts: {
  max: string;
  status: string;
  due: string;
  doneOn?: string;
  lateCredit: number;
  bonus?: string;
  deduction?: string;
}): string {
  const mask = `SUMPRODUCT(${dueMask(opts.status, opts.due)})`;
  const done = opts.doneOn
    ? `SUMPRODUCT(${isDone(opts.status)}*(1-${1 - opts.lateCredit}*(${opts.doneOn}<>"")*(${opts.due}<>"")*(${opts.doneOn}>${opts.due})))`
    : `SUMPRODUCT(--${isDone(opts.status)})`;
  const base = `IF(${mask}=0,${opts.max},${opts.max}*${done}/${mask})`;
  const extra = `${opts.bonus ? `+N(${opts.bonus})` : ''}${opts.deduction ? `-N(${opts.deduction})` : ''}`;
  return `MAX(0,${base}${extra})`;
}
