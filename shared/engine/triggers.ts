/**
 * Vetoes and deductions triggered by business data (由业务数据触发, docs/scoring-rules.md): which quantitative leaf
 * triggers which leaf, and what a source's measurement decides. The scoring model (model.ts) stores the outcome
 * like any other cell's.
 */
import { dataTriggerOf, type LeafMethod } from '../domain/framework';
import { entryPoints, poolEntryPoints } from './points';
import { roundRate } from './round';
import type { FrameworkIndex } from './tree';
import type { EngineMeasurement, TriggerWorking } from './types';

/** Per leaf slot, the slot of its source: -1 for a leaf without a trigger, -2 for a source code naming no other quantitative leaf. */
export const NO_TRIGGER = -1;
export const NO_SOURCE = -2;

export interface TriggerIndex {
  source: Int32Array;
  /** Per source slot: the slots it triggers, so a changed measurement recomputes them with its own cell. */
  triggeredBy: Map<number, number[]>;
}

/** Each trigger's source, by indicator code: the first quantitative leaf of that code other than the leaf itself. */
export function indexTriggers(fw: FrameworkIndex): TriggerIndex {
  const quantitative = new Map<string, number>();
  fw.leaves.forEach((i, slot) => {
    const node = fw.nodes[i]!;
    if (node.method?.kind === 'quantitative' && !quantitative.has(node.code)) quantitative.set(node.code, slot);
  });
  const triggeredBy = new Map<number, number[]>();
  const source = Int32Array.from(fw.leaves, (i, slot) => {
    const method = fw.nodes[i]!.method;
    const trigger = method ? dataTriggerOf(method) : null;
    if (!trigger) return NO_TRIGGER;
    const from = quantitative.get(trigger.source);
    if (from === undefined || from === slot) return NO_SOURCE;
    const list = triggeredBy.get(from) ?? [];
    list.push(slot);
    triggeredBy.set(from, list);
    return from;
  });
  return { source, triggeredBy };
}

/**
 * The 完成率 and whether it triggers: actual ÷ target for a 越高越好 source, target ÷ actual for 越低越好, rounded to
 * 0.0001 like every rate (rule 7: what is printed is what is judged); triggered when it is below `below`. A divisor
 * of 0 or below gives no rate (nothing to fall short of — an actual of 0 on a 越低越好 source is the best there is):
 * not triggered.
 */
export function triggerDecision(direction: 'higher' | 'lower', target: number, actual: number, below: number): { rate: number | null; triggered: boolean } {
  const [numerator, divisor] = direction === 'higher' ? [actual, target] : [target, actual];
  if (divisor <= 0) return { rate: null, triggered: false };
  const rate = roundRate(numerator / divisor);
  return { rate, triggered: rate < below };
}

/** What a triggered leaf is worth for one branch. */
export interface TriggeredCell {
  /** NaN while the source has no actual value; a veto's 0, a deduction's points (a pool's child: minus its deduction). */
  value: number;
  missing: number;
  vetoTriggered: boolean;
  working: TriggerWorking;
}

/**
 * One branch's triggered leaf from its source's measurement: below the threshold a veto is triggered and a deduction
 * counts one occurrence. No source, no measurement or no actual value → missing once, never triggered.
 */
export function triggeredCell(
  method: LeafMethod,
  max: number,
  pooled: boolean,
  source: { id: number; name: string; method: LeafMethod | null } | null,
  m: EngineMeasurement | undefined,
  lowestGrade: string,
): TriggeredCell {
  const trigger = dataTriggerOf(method)!;
  const direction = source?.method?.kind === 'quantitative' ? source.method.direction : null;
  const measured = direction !== null && m !== undefined && m.actual !== null;
  const decision = measured ? triggerDecision(direction, m.target, m.actual!, trigger.below) : { rate: null, triggered: false };
  const isVeto = method.kind === 'veto';
  const occurrences = decision.triggered ? 1 : 0;
  const value = !measured ? Number.NaN : isVeto ? 0 : pooled ? poolEntryPoints(method, occurrences) : entryPoints(method, max, occurrences);
  const working: TriggerWorking = {
    source: { indicatorId: source?.id ?? null, code: trigger.source, name: source?.name ?? '' },
    direction,
    target: m?.target ?? null,
    actual: m?.actual ?? null,
    rate: decision.rate,
    below: trigger.below,
    triggered: decision.triggered,
    capGrade: method.kind === 'veto' ? (method.capGrade ?? lowestGrade) : null,
    perOccurrence: method.kind === 'deduction' ? method.perOccurrence : null,
  };
  return { value, missing: measured ? 0 : 1, vetoTriggered: isVeto && decision.triggered, working };
}
