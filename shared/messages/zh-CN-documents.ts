/** Messages of the documents area (part of the one catalogue: merged in zh-CN.ts). */
export const documentsMessages = {
} as const;
