/** Messages of the periods screens (part of the one catalogue: merged in zh-CN.ts). */
export const periodsMessages = {
} as const;
