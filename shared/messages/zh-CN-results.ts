/** Messages of the results screens (part of the one catalogue: merged in zh-CN.ts). */
export const resultsMessages = {
} as const;
