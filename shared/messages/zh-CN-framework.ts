/** Messages of the framework screens (part of the one catalogue: merged in zh-CN.ts). */
export const frameworkMessages = {
} as const;
