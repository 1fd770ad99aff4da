/** Messages of the meetings area (part of the one catalogue: merged in zh-CN.ts). */
export const meetingsMessages = {
} as const;
