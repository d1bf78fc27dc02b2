/**
 * 序时进度 lights: how a node's progress is rated against the share of its time window elapsed.
 * Kept in the workbook beside the scoring policy. Two supervision offices' rules are presets:
 * - 银川 (`yinchuan`): yellow when progress is `yellowBehind`–`redBehind` points behind the elapsed
 *   share (10–30), red when more than `redBehind` behind, green otherwise.
 * - 宿迁 (`suqian`): red when overdue (past due, not done), yellow when behind 序时进度 by more than
 *   `yellowBehind` points (0: behind at all), blue when due within `nearDays` days, green otherwise.
 *   When several hold the most serious wins: red, then yellow, then blue (blue is a reminder, not a
 *   judgement).
 * Points are percentage points of the window (elapsed 60%, progress 45% is 15 points behind).
 * A node whose progress cell holds no percentage, or that has no due date, gets no light; a node
 * done (a word for done, or 100%) is green.
 */
import { z } from 'zod';
import { LIGHT_PRESETS, type LightPreset } from '../contract/lights';

export const LightsPolicySchema = z
  .object({
    preset: z.enum(LIGHT_PRESETS).default('yinchuan'),
    /** Points behind the elapsed share from which a node is yellow. */
    yellowBehind: z.number().min(0).max(100).optional(),
    /** 银川: points behind beyond which a node is red. */
    redBehind: z.number().min(0).max(100).optional(),
    /** 宿迁: a node due within this many days is blue. */
    nearDays: z.number().int().min(0).max(366).optional(),
  })
  .strict();

export type LightsPolicy = z.infer<typeof LightsPolicySchema>;

/** A policy with every threshold filled in from its preset. */
export interface LightRules {
  preset: LightPreset;
  yellowBehind: number;
  redBehind: number;
  nearDays: number;
}

const PRESET_RULES: Record<LightPreset, Omit<LightRules, 'preset'>> = {
  yinchuan: { yellowBehind: 10, redBehind: 30, nearDays: 0 },
  suqian: { yellowBehind: 0, redBehind: 100, nearDays: 7 },
};

export function lightRules(p: LightsPolicy): LightRules {
  const d = PRESET_RULES[p.preset];
  return {
    preset: p.preset,
    yellowBehind: p.yellowBehind ?? d.yellowBehind,
    redBehind: p.redBehind ?? d.redBehind,
    nearDays: p.nearDays ?? d.nearDays,
  };
}

export const DEFAULT_LIGHTS: LightsPolicy = LightsPolicySchema.parse({});
