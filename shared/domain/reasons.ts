/** How many reasons an entry may carry and how short a reason may be: shared by entries (entry.ts) and 细则 findings (findings.ts). */

/** The most occurrences or items one entry may count (and so the most reasons it can carry). */
export const MAX_COUNT = 50;

/** The fewest characters a reason may have: one character says nothing (and is what a stray keystroke leaves). */
export const MIN_REASON_CHARS = 2;

/** A reason too short to say anything, or null (counted in characters, so “漏会” is fine). */
export const reasonTooShort = (reason: string): boolean => {
  const n = [...reason.trim()].length;
  return n > 0 && n < MIN_REASON_CHARS;
};
