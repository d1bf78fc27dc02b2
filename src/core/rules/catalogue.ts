/** Every validation rule, by family. */
import { dateRules } from './dates';
import { hygieneRules } from './hygiene';
import { numberingRules } from './numbering';
import { ownerRules } from './owners';
import type { Rule } from './rule';
import { structureRules } from './structure';
import { weightRules } from './weights';

export const RULES: readonly Rule[] = [...structureRules, ...dateRules, ...ownerRules, ...weightRules, ...numberingRules, ...hygieneRules];
