/** Small builders for engine inputs in tests: a framework from a compact list, entries from a table. */
import type { LeafMethod, NodeOptions, Tag } from '../../shared/domain/framework';
import { PeriodSettings, type PeriodSettingsInput } from '../../shared/domain/period';
import type { EngineIndicator, EngineInput, EngineMeasurement, EngineOfficeRecord, EngineScore } from '../../shared/engine/types';

/** An engine input whose entries are a plain list (the form tests build and edit). */
export type ListInput = EngineInput & { scores: EngineScore[] };

export interface NodeSpec {
  id: number;
  parent?: number;
  code: string;
  tag?: Tag;
  max: number;
  method?: LeafMethod;
  /** 扣分池 / 分部加分上限; absent stays absent (the form of frameworks stored before options existed). */
  options?: Partial<NodeOptions>;
}

export const indicators = (specs: NodeSpec[]): EngineIndicator[] =>
  specs.map((s, i) => ({
    id: s.id,
    parentId: s.parent ?? null,
    position: i,
    code: s.code,
    name: `指标${s.code}`,
    tag: s.tag ?? 'party',
    maxPoints: s.max,
    method: s.method ?? null,
    ...(s.options ? { options: { pool: s.options.pool ?? false, bonusCap: s.options.bonusCap ?? null } } : {}),
  }));

export const rating = (step = 0.5): LeafMethod => ({ kind: 'rating', step });

export function input(parts: {
  indicators: EngineIndicator[];
  branches?: number;
  raters?: { id: number; groupId?: number }[];
  groups?: { id: number; weight: number }[];
  scores?: EngineScore[];
  measurements?: EngineMeasurement[];
  office?: EngineOfficeRecord[];
  recusals?: { raterId: number; branchId: number; reason?: string }[];
  settings?: PeriodSettingsInput;
}): ListInput {
  const branchCount = parts.branches ?? 2;
  return {
    indicators: parts.indicators,
    branches: Array.from({ length: branchCount }, (_, i) => ({ id: i + 1, code: `B${i + 1}`, name: `支部${i + 1}` })),
    groups: (parts.groups ?? [{ id: 1, weight: 1 }]).map((g) => ({ ...g, name: `组${g.id}` })),
    raters: (parts.raters ?? [{ id: 1 }, { id: 2 }, { id: 3 }]).map((r) => ({ id: r.id, name: `评委${r.id}`, groupId: r.groupId ?? 1 })),
    recusals: (parts.recusals ?? []).map((r) => ({ ...r, reason: r.reason ?? '本支部成员' })),
    scores: parts.scores ?? [],
    measurements: parts.measurements ?? [],
    ...(parts.office ? { office: parts.office } : {}),
    settings: PeriodSettings.parse(parts.settings ?? {}),
  };
}

/** Office records from rows [branchId, indicatorId, value, evidence?]; the date is fixed, the evidence defaults to a 文件号. */
export const officeRecords = (rows: [number, number, number, string?][]): EngineOfficeRecord[] =>
  rows.map(([branchId, indicatorId, value, evidence]) => ({ branchId, indicatorId, value, evidence: evidence ?? `考核组核定〔2026〕${indicatorId}号`, evidenceDate: '2026-11-30' }));

/** Entries from rows [raterId, branchId, indicatorId, value]. */
export const entries = (rows: [number, number, number, number][]): EngineScore[] =>
  rows.map(([raterId, branchId, indicatorId, value]) => ({ raterId, branchId, indicatorId, value }));

/** Every rater gives every branch the same value on the leaf. */
export function everyone(raterIds: number[], branchIds: number[], indicatorId: number, value: (r: number, b: number) => number): EngineScore[] {
  return raterIds.flatMap((raterId) => branchIds.map((branchId) => ({ raterId, branchId, indicatorId, value: value(raterId, branchId) })));
}
