/** Formula pieces that make the workbook compute what the core computes. */
import { STATUS_WORDS } from '../progress';
import type { ScoreReading } from '../settings/scoring-policy';
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

/** 1 for a node that counts as decided: done, said to be behind, or past its due date. */
export function dueMask(status: string, due: string): string {
  return `SIGN((${due}<>"")*(${due}<${AS_OF_NAME})+${isDone(status)}+${isDelayed(status)})`;
}

/** 1 for a node a score is read against: decided ones, and in the year-end reading those with a due date too. */
export function readingMask(status: string, due: string, reading: ScoreReading): string {
  return reading === 'year-end' ? `SIGN((${due}<>"")+${isDone(status)}+${isDelayed(status)})` : dueMask(status, due);
}

/**
 * A task's score, as `scoreTable` computes it: each of its `nodes` node rows carries max/nodes; a
 * node done earns its part (done late `lateCredit` of it when a completion date column says so), one
 * not done earns nothing. Empty text — no points — when no node is read against (nothing decided) and
 * there is no bonus or deduction; else plus bonus, minus deduction, at least 0.
 */
export function taskScore(opts: {
  max: string;
  nodes: number;
  status: string;
  due: string;
  doneOn?: string;
  lateCredit: number;
  reading: ScoreReading;
  bonus?: string;
  deduction?: string;
}): string {
  const counted = `SUMPRODUCT(${readingMask(opts.status, opts.due, opts.reading)})`;
  const done = opts.doneOn
    ? `SUMPRODUCT(${isDone(opts.status)}*(1-${1 - opts.lateCredit}*(${opts.doneOn}<>"")*(${opts.due}<>"")*(${opts.doneOn}>${opts.due})))`
    : `SUMPRODUCT(--${isDone(opts.status)})`;
  const base = `${opts.max}*${done}/${Math.max(1, opts.nodes)}`;
  const extra = `${opts.bonus ? `+N(${opts.bonus})` : ''}${opts.deduction ? `-N(${opts.deduction})` : ''}`;
  const nothing = extra === '' ? `${counted}=0` : `AND(${counted}=0,0${extra}=0)`;
  return `IF(${nothing},"",MAX(0,${base}${extra}))`;
}
