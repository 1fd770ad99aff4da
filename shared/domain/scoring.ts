/** Types of panel scoring shared by the main process and the renderer. */
import type { Finding } from './findings';
import type { Indicator } from './framework';
import type { PeriodStatus } from './period';

/** Who is at the keyboard (see electron/services/session.ts). */
export type Session =
  | { kind: 'none' }
  | { kind: 'admin' }
  | { kind: 'rater'; periodId: number; raterId: number; name: string };

export interface SheetEntry {
  branchId: number;
  indicatorId: number;
  value: number;
  /** Reasons (deduction, veto) or item descriptions (bonus), one per occurrence. */
  detail: string[];
  enteredBy: string;
  updatedAt: string;
}

export interface RaterSheet {
  period: { id: number; name: string; status: PeriodStatus };
  rater: { id: number; name: string; groupName: string; title: string; finishedAt: string | null; hasPin: boolean };
  indicators: Indicator[];
  branches: {
    id: number;
    code: string;
    name: string;
    recused: boolean;
    reason: string;
    /** 支部类别 ('' = none); the rater's live subtotal rescales by it as the panel's result does. */
    category?: string;
    /** 不适用 (issue 11 §7): the leaves that don't apply to this branch's category — no input, never 未评. Absent = none. */
    notApplicable?: number[];
  }[];
  entries: SheetEntry[];
  /** 分工评分 (issue 11 §6): the ids of the nodes this rater scores — the sheet shows only those leaves. Absent = all. */
  assigned?: number[];
  /** Values the office recorded on office-recorded leaves (考核组核定), shown read-only on the sheet. */
  office: { branchId: number; indicatorId: number; value: number; detail: string[]; findings: Finding[]; evidence: string; evidenceDate: string | null }[];
  /** Whether this session may change the sheet now, and if not, why. */
  editable: boolean;
  lockedReason: string | null;
}

export interface ScoringProgress {
  /** Cells each rater is expected to fill: branches not recused × the leaves assigned to them (分工评分) that apply to the branch. */
  raters: { raterId: number; name: string; groupName: string; scored: number; expected: number; finishedAt: string | null }[];
  branches: { branchId: number; code: string; name: string; scored: number; expected: number }[];
  scored: number;
  expected: number;
}

export type AuditEntity = 'score' | 'measurement' | 'self' | 'period' | 'database' | 'session' | 'office' | 'panel';

export interface AuditRow {
  id: number;
  at: string;
  periodId: number | null;
  actorKind: 'admin' | 'rater' | 'import' | 'system';
  actor: string;
  entity: AuditEntity;
  action: string;
  raterId: number | null;
  branchId: number | null;
  indicatorId: number | null;
  old: unknown;
  new: unknown;
  reason: string;
}
