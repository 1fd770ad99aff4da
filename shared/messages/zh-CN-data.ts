/** Messages of the data area (business data, self-assessment, audit log; part of the one catalogue). */
export const dataMessages = {
} as const;
