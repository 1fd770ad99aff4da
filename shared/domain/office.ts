/**
 * 考核组核定 (issue 11 §3): facts the organising office records once per
 * branch — a count of missed 三会一课, an accident, a veto finding — on the
 * evidence it holds (a 文件号, a 检查记录 and its date), instead of every
 * rater typing the same fact. A leaf is office-recorded when its method's
 * entry mode is 'office' (entryModeOf in framework.ts). Raters see these
 * values read-only; they never appear on rater sheets, workbooks or paper.
 */
import { z } from 'zod';
import { Finding } from './findings';
import type { LeafMethod } from './framework';
import { text } from './text';

/** One branch × office-recorded leaf of a period; value … updatedAt are null/empty while nothing is recorded. */
export interface OfficeRecordRow {
  branchId: number;
  branchCode: string;
  branchName: string;
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  method: LeafMethod;
  maxPoints: number;
  /** The raw value as the method defines it (points, level index, count of deductions/bonus items, 1/0 for a veto). */
  value: number | null;
  /** One reason per deduction (or veto), one description per bonus item — as on rater entries; on a 细则 leaf one per finding. */
  detail: string[];
  /** 细则 leaves only: which rule, how many, how much — detail[i] is finding i's reason. Empty elsewhere. */
  findings: Finding[];
  /** 依据: the document or check record the value rests on (文件号, 检查记录 …). */
  evidence: string;
  /** Date of that document or check, YYYY-MM-DD. */
  evidenceDate: string | null;
  /** Who recorded it (the audit actor's name). */
  recordedBy: string | null;
  updatedAt: string | null;
}

export const OFFICE_SAVE_MAX = 5000;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应为 YYYY-MM-DD，例如 2026-11-20' });

/** One office record to store; value null removes it. Checked further against the leaf (checkOfficeRecord). */
export const OfficeRecordInput = z.object({
  branchId: z.number().int().positive(),
  indicatorId: z.number().int().positive(),
  value: z.number().finite().nullable(),
  detail: z.array(text('原因').trim().max(200)).max(50).default([]),
  /**
   * 细则 leaves only (and required there, empty = checked and nothing found): the findings, detail[i] being finding
   * i's reason. The stored value is then findingsTotal(findings); `value` need only be non-null.
   */
  findings: z.array(Finding).max(50).default([]),
  evidence: text('依据').trim().max(200).default(''),
  evidenceDate: IsoDate.nullable().default(null),
});
export type OfficeRecordInput = z.output<typeof OfficeRecordInput>;

/**
 * Whether a recorded value needs its evidence named: anything that takes points
 * off, adds points or triggers a veto does; a plain rating, a level, or a count
 * of 0 (checked, nothing found) may rest on the period's general check record.
 */
export function evidenceRequired(method: LeafMethod, value: number): boolean {
  switch (method.kind) {
    case 'deduction':
    case 'bonus':
    case 'rules':
    case 'veto':
      return value > 0;
    default:
      return false;
  }
}
