/**
 * The results screen's veto reading (renderer/src/pages/results/format): a veto the raters decide is
 * triggered by their combination; one the office records (考核组核定) carries no raters' working and is
 * triggered by the record itself, at 1 or more.
 */
import { describe, expect, it } from 'vitest';
import { cellVetoTriggered } from '../../renderer/src/pages/results/format';
import type { CellExplanation } from '../../shared/engine';

const cell = (over: Partial<CellExplanation>): CellExplanation => ({
  kind: 'cell',
  indicatorId: 9,
  branchId: 1,
  method: 'veto',
  maxPoints: 0,
  groups: [],
  recused: [],
  value: 0,
  complete: true,
  ...over,
});
const raters = (triggered: boolean): CellExplanation['veto'] => ({ rule: 'majority', flaggedBy: triggered ? [1, 2] : [], answered: 3, triggered, capGrade: '一般' });
const office = (value: number | null): CellExplanation['office'] => ({ value, evidence: '安监处通报〔2026〕3号', evidenceDate: '2026-09-01' });

describe('cellVetoTriggered', () => {
  it('reads the raters’ combination on a panel veto', () => {
    expect(cellVetoTriggered(cell({ veto: raters(true) }))).toBe(true);
    expect(cellVetoTriggered(cell({ veto: raters(false) }))).toBe(false);
  });

  it('reads the office’s record on an office veto, which has no raters’ working', () => {
    expect(cellVetoTriggered(cell({ office: office(1) }))).toBe(true);
    expect(cellVetoTriggered(cell({ office: office(2) }))).toBe(true);
    expect(cellVetoTriggered(cell({ office: office(0) }))).toBe(false);
    expect(cellVetoTriggered(cell({ office: office(null), complete: false, value: null }))).toBe(false);
  });

  it('is not triggered on a leaf with neither', () => {
    expect(cellVetoTriggered(cell({ method: 'rating' }))).toBe(false);
  });
});
