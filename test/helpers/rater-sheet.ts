/**
 * A small rater's sheet for the scoring grid's pure modules and its store,
 * built by hand (no database): every scoring method, a dimension of only
 * 一票否决 items, a first-level leaf, and a recused branch.
 *
 *   rows: 0 [1 政治建设] 1 1.1 rating · 2 1.2 level · 3 1.3 deduction · 4 1.4 quantitative · 5 1.5 rating
 *         6 [2 一票否决] 7 2.1 veto · 8 2.2 veto · 9 3 bonus (first-level leaf)
 *   branches: A-01, B-02 (recused), C-03, D-04
 */
import type { Indicator, LeafMethod } from '../../shared/domain/framework';
import type { RaterSheet, SheetEntry } from '../../shared/domain/scoring';

export const BRANCH = { a: 101, b: 102, c: 103, d: 104 } as const;
export const LEAF = { rating: 11, level: 12, deduction: 13, quant: 14, rating2: 15, veto1: 21, veto2: 22, bonus: 3 } as const;

let position = 0;
const node = (id: number, parentId: number | null, code: string, name: string, maxPoints: number, method: LeafMethod | null = null): Indicator => ({
  id,
  parentId,
  position: position++,
  code,
  name,
  criteria: '',
  evidence: '',
  tag: 'party',
  maxPoints,
  method,
});

export const LEVELS = [
  { label: '好', fraction: 1 },
  { label: '较好', fraction: 0.8 },
  { label: '一般', fraction: 0.6 },
  { label: '差', fraction: 0 },
];

export function sheetIndicators(): Indicator[] {
  position = 0;
  return [
    node(1, null, '1', '政治建设', 13),
    node(LEAF.rating, 1, '1.1', '理论学习', 3, { kind: 'rating', step: 0.5 }),
    node(LEAF.level, 1, '1.2', '意识形态', 3, { kind: 'level', levels: LEVELS }),
    node(LEAF.deduction, 1, '1.3', '党风廉政建设', 2, { kind: 'deduction', perOccurrence: 1 }),
    node(LEAF.quant, 1, '1.4', '安全生产', 2, { kind: 'quantitative', direction: 'higher', floorRatio: 0.5, excessCap: 0 }),
    node(LEAF.rating2, 1, '1.5', '党建与生产经营', 3, { kind: 'rating', step: 0.5 }),
    node(2, null, '2', '一票否决', 0),
    node(LEAF.veto1, 2, '2.1', '重大安全事故', 0, { kind: 'veto', capGrade: null }),
    node(LEAF.veto2, 2, '2.2', '违纪违法', 0, { kind: 'veto', capGrade: null }),
    node(LEAF.bonus, null, '3', '创新加分', 2, { kind: 'bonus', perItem: 1 }),
  ];
}

export function sheetBranches(): RaterSheet['branches'] {
  return [
    { id: BRANCH.a, code: 'A-01', name: '甲支部', recused: false, reason: '' },
    { id: BRANCH.b, code: 'B-02', name: '乙支部', recused: true, reason: '本人所在支部' },
    { id: BRANCH.c, code: 'C-03', name: '丙支部', recused: false, reason: '' },
    { id: BRANCH.d, code: 'D-04', name: '丁支部', recused: false, reason: '' },
  ];
}

export function raterSheet(entries: Omit<SheetEntry, 'enteredBy' | 'updatedAt'>[] = []): RaterSheet {
  return {
    period: { id: 7, name: '2026年度考核', status: 'scoring' },
    rater: { id: 5, name: '王建国', groupName: '考评组', title: '', finishedAt: null, hasPin: false },
    indicators: sheetIndicators(),
    branches: sheetBranches(),
    entries: entries.map((e) => ({ ...e, enteredBy: '王建国', updatedAt: '2026-12-01T08:00:00Z' })),
    office: [],
    editable: true,
    lockedReason: null,
  };
}
