/**
 * 分工评分 in the scoring grid (issue 11 §6): a sheet whose `assigned` lists the rater's nodes shows only those
 * leaves as rows — a dimension without any loses its header — and the rater's progress expects only those; a paste
 * lands on them alone. The sheet is test/helpers/rater-sheet.ts's with the rater assigned 1.1, 1.2 and 3 only.
 *
 *   rows: 0 [1] 1 1.1 · 2 1.2 · 3 3
 *   branches: A-01, B-02 (recused), C-03, D-04
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultPeriodSettings } from '../../shared/domain/period';
import type { RaterSheet } from '../../shared/domain/scoring';
import { cellRefusal } from '../../renderer/src/pages/scoring/gridNavigation';
import { buildRows, type LeafRow, type SheetBranch } from '../../renderer/src/pages/scoring/model';
import { pastePlan } from '../../renderer/src/pages/scoring/pastePlan';
import { SheetStore } from '../../renderer/src/pages/scoring/sheetStore';
import { BRANCH, LEAF, raterSheet, sheetBranches, sheetIndicators } from '../helpers/rater-sheet';

const ASSIGNED = [LEAF.rating, LEAF.level, LEAF.bonus];
const codes = (rows: ReturnType<typeof buildRows>) => rows.map((r) => (r.kind === 'leaf' ? r.leaf.code : `[${r.node.code}]`));

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

describe('the rows of an assigned sheet', () => {
  it('are the assigned leaves only, under the headers of the dimensions holding them', () => {
    expect(codes(buildRows(sheetIndicators(), ASSIGNED))).toEqual(['[1]', '1.1', '1.2', '3']);
    // No assignment: every row, as before.
    expect(codes(buildRows(sheetIndicators()))).toEqual(['[1]', '1.1', '1.2', '1.3', '1.4', '1.5', '[2]', '2.1', '2.2', '3']);
  });
});

describe('the sheet store of an assigned rater', () => {
  beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  const sheet = (): RaterSheet => ({ ...raterSheet(), assigned: ASSIGNED });

  it('expects the assigned leaves only: 3 on each branch not recused', () => {
    const s = new SheetStore(sheet(), defaultPeriodSettings(), async () => undefined);
    expect(s.expectedOf(BRANCH.a)).toBe(3);
    expect(s.expectedOf(BRANCH.b)).toBe(0);
    expect(s.expectedTotal).toBe(9);
    expect(s.unscored().filter((u) => u.branch.id === BRANCH.a).map((u) => u.leaf.leaf.code)).toEqual(['1.1', '1.2', '3']);
  });

  it('lands a pasted column on the assigned rows, and refuses a code it does not list', () => {
    const s = new SheetStore(sheet(), defaultPeriodSettings(), async () => undefined);
    const branches: SheetBranch[] = sheetBranches();
    const refusal = (row: LeafRow, branch: SheetBranch) => cellRefusal(row, branch, null, () => null);
    const column = pastePlan({ text: '2\n好\n1\n', indicators: s.sheet.indicators, rows: s.rows, branches, focusRow: 1, focusBranchId: BRANCH.a, current: () => null, refusal });
    expect(column.changes.map((c) => c.indicatorId)).toEqual(ASSIGNED);
    // Rows copied from an older workbook, header and codes: 1.3 is not on this sheet.
    const coded = pastePlan({ text: '指标编码\tA-01 甲支部\n1.1\t2\n1.3\t1\n', indicators: s.sheet.indicators, rows: s.rows, branches, focusRow: 1, focusBranchId: BRANCH.a, current: () => null, refusal });
    expect(coded.changes.map((c) => c.indicatorId)).toEqual([LEAF.rating]);
    expect(coded.problems.map((p) => p.leaf)).toEqual(['1.3']);
  });
});
