/** Messages of the scoring screens (part of the one catalogue: merged in zh-CN.ts). */
export const scoringMessages = {
} as const;
