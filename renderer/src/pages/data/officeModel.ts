/**
 * The 考核组核定 tab's pure parts: the period's office-recorded leaves with
 * how many branches are recorded, how a recorded value reads, and the checks
 * a row passes before it is sent (the reasons, as the scoring screen checks
 * them; the service checks everything again, evidence included).
 */
import { detailProblem, detailRequired } from '../../../../shared/domain/entry';
import type { Finding } from '../../../../shared/domain/findings';
import type { LeafMethod } from '../../../../shared/domain/framework';
import type { OfficeRecordRow } from '../../../../shared/domain/office';
import { checkEntry, entryPoints } from '../../../../shared/engine/points';
import { t } from '../../../../shared/messages';
import { rulesValueText } from './findingsModel';

export interface OfficeLeaf {
  indicatorId: number;
  code: string;
  name: string;
  method: LeafMethod;
  maxPoints: number;
  recorded: number;
  total: number;
}

/** The office leaves in the order the service lists them (the framework's), each with its progress. */
export function officeLeaves(rows: readonly OfficeRecordRow[]): OfficeLeaf[] {
  const byId = new Map<number, OfficeLeaf>();
  for (const r of rows) {
    let leaf = byId.get(r.indicatorId);
    if (!leaf) {
      leaf = { indicatorId: r.indicatorId, code: r.indicatorCode, name: r.indicatorName, method: r.method, maxPoints: r.maxPoints, recorded: 0, total: 0 };
      byId.set(r.indicatorId, leaf);
    }
    leaf.total++;
    if (r.value !== null) leaf.recorded++;
  }
  return [...byId.values()];
}

export const officeRowKey = (r: Pick<OfficeRecordRow, 'branchId' | 'indicatorId'>) => `${r.branchId}:${r.indicatorId}`;

/** A recorded value as the office reads it: “2 次”, “3 项”, “是”, a level's label, “扣 1.5 分” (细则), or points. */
export function officeValueText(method: LeafMethod, value: number): string {
  switch (method.kind) {
    case 'deduction':
      return t('office.ui.times', { count: value });
    case 'bonus':
      return t('office.ui.items', { count: value });
    case 'veto':
      return value >= 1 ? t('office.ui.vetoYes') : t('office.ui.vetoNo');
    case 'level':
      return method.levels[value]?.label ?? String(value);
    case 'rules':
      return rulesValueText(method, value);
    default:
      return t('results.entry.points', { value: Number(value.toPrecision(12)) });
  }
}

/** The points a value gives (null for a veto: it acts through the grade cap). */
export const officePoints = (row: Pick<OfficeRecordRow, 'method' | 'maxPoints'>, value: number): number | null =>
  row.method.kind === 'veto' ? null : entryPoints(row.method, row.maxPoints, value);

/** One row as it is being recorded. */
export interface OfficeDraft {
  value: number | null;
  detail: string[];
  /** 细则 leaves: kept as recorded when only the 依据 changes (批量填写依据); recorded in FindingsEditor. */
  findings: Finding[];
  evidence: string;
  evidenceDate: string | null;
}

/** The reasons list for a value: as many lines as it needs, keeping what is typed. */
export function fitReasons(method: LeafMethod, value: number | null, lines: readonly string[]): string[] {
  const need = value === null ? 0 : detailRequired(method, value);
  return Array.from({ length: need }, (_, i) => lines[i] ?? '');
}

/** Why a row cannot be saved as drafted (the branch and the indicator named), or null. */
export function draftProblem(row: OfficeRecordRow, draft: OfficeDraft): string | null {
  const where = { branch: `${row.branchCode} ${row.branchName}`, indicator: `${row.indicatorCode} ${row.indicatorName}` };
  if (draft.value === null) return t('office.ui.refuse.value', where);
  const range = checkEntry(row.method, row.maxPoints, draft.value);
  if (range) return t('office.ui.refuse.range', { ...where, problem: range });
  const p = detailProblem(row.method, draft.value, draft.detail);
  if (!p) return null;
  switch (p.kind) {
    case 'deduction':
    case 'bonus':
      return t('office.ui.refuse.reasons', { ...where, need: p.need, have: p.have });
    case 'vetoMissing':
    case 'vetoUnneeded':
      return t('office.ui.refuse.vetoReason', where);
    case 'tooShort':
      return t('office.ui.refuse.tooShort', { ...where, text: p.text });
  }
}
