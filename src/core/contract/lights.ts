/** The lights vocabulary (序时进度): the words a report's `light` may hold and the presets a policy names. The rules themselves are settings/lights-policy.ts. */
export const LIGHT_PRESETS = ['yinchuan', 'suqian'] as const;
export type LightPreset = (typeof LIGHT_PRESETS)[number];

export const LIGHTS = ['green', 'blue', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];
