/** The deterministic sequence of writes the crash test's child process makes (see crash-writer.ts). */
export interface CrashPlan {
  periodId: number;
  raterId: number;
  cells: { branchId: number; indicatorId: number }[];
  /** Two rater workbooks (another rater's) with different values, imported in turn. */
  files: [string, string];
  /** The first step number of this run (steps continue across runs). */
  from: number;
}

export type CrashStep =
  | { kind: 'save'; cell: { branchId: number; indicatorId: number }; value: number }
  | { kind: 'import'; file: string; which: 0 | 1 };

export function crashStep(plan: CrashPlan, i: number): CrashStep {
  if (i % 10 === 9) {
    const which = (Math.floor(i / 10) % 2) as 0 | 1;
    return { kind: 'import', file: plan.files[which], which };
  }
  return { kind: 'save', cell: plan.cells[i % plan.cells.length]!, value: (i % 20) * 0.5 };
}
