/**
 * The 业务数据 table's logic (renderer/src/pages/data/measurementsModel): filter
 * options, which rows a filter keeps, the floor an empty 零分线 stands for,
 * and floors on the wrong side of the target.
 */
import { describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../../shared/domain/measurements';
import {
  completeness,
  defaultFloor,
  figuresChanged,
  filterMeasurements,
  floorSide,
  measurementKey,
  measurementOptions,
} from '../../renderer/src/pages/data/measurementsModel';

const row = (branchId: number, indicatorId: number, actual: number | null, over: Partial<MeasurementRow> = {}): MeasurementRow => ({
  branchId,
  branchCode: `B${branchId}`,
  branchName: `支部${branchId}`,
  indicatorId,
  indicatorCode: `I${indicatorId}`,
  indicatorName: `指标${indicatorId}`,
  direction: 'higher',
  target: 100,
  actual,
  floor: null,
  source: '',
  updatedAt: null,
  ...over,
});
const rows = [row(1, 10, 90), row(1, 11, null), row(2, 10, null), row(2, 11, 5)];
const none = { branchId: null, indicatorId: null, missingOnly: false, editingKey: null };

describe('measurementOptions', () => {
  it('lists each branch and indicator once, in the order they first appear', () => {
    const o = measurementOptions(rows);
    expect(o.branches).toEqual([
      { value: 1, label: 'B1 支部1' },
      { value: 2, label: 'B2 支部2' },
    ]);
    expect(o.indicators.map((i) => i.value)).toEqual([10, 11]);
  });
});

describe('filterMeasurements', () => {
  it('keeps the rows of the chosen branch and indicator', () => {
    expect(filterMeasurements(rows, { ...none, branchId: 2 }).map(measurementKey)).toEqual(['2:10', '2:11']);
    expect(filterMeasurements(rows, { ...none, branchId: 1, indicatorId: 11 }).map(measurementKey)).toEqual(['1:11']);
  });
  it('under 只看未填 keeps the rows without an actual value, and the one being edited', () => {
    expect(filterMeasurements(rows, { ...none, missingOnly: true }).map(measurementKey)).toEqual(['1:11', '2:10']);
    expect(filterMeasurements(rows, { ...none, missingOnly: true, editingKey: '1:10' }).map(measurementKey)).toEqual(['1:10', '1:11', '2:10']);
  });
});

describe('defaultFloor', () => {
  const quantitative = { kind: 'quantitative', direction: 'higher', floorRatio: 0.6, excessCap: 1.2 } as const;
  it('is the target times the indicator’s ratio, without float noise', () => {
    expect(defaultFloor(quantitative, 0.7)).toEqual({ value: 0.42, ratio: 0.6 });
  });
  it('is absent without a target or for an indicator that is not quantitative', () => {
    expect(defaultFloor(quantitative, null)).toBeNull();
    expect(defaultFloor({ kind: 'rating', step: 0.5 }, 100)).toBeNull();
    expect(defaultFloor(null, 100)).toBeNull();
  });
});

describe('floorSide', () => {
  it('refuses a floor above the target when higher is better, below it when lower is better', () => {
    expect(floorSide('higher', 120, 100)).toBe('above');
    expect(floorSide('higher', 80, 100)).toBeNull();
    expect(floorSide('lower', 80, 100)).toBe('below');
    expect(floorSide('lower', 120, 100)).toBeNull();
    expect(floorSide('higher', null, 100)).toBeNull();
    expect(floorSide('higher', 120, null)).toBeNull();
  });
});

describe('figuresChanged', () => {
  it('compares target, actual and floor with what is stored (empty fields as null)', () => {
    const m = row(1, 10, 90);
    expect(figuresChanged({ target: 100, actual: 90, floor: null }, m)).toBe(false);
    expect(figuresChanged({ target: 100, actual: 90 }, m)).toBe(false);
    expect(figuresChanged({ target: 100, actual: 91, floor: null }, m)).toBe(true);
    expect(figuresChanged({ target: 100, actual: 90, floor: 50 }, m)).toBe(true);
  });
});

describe('completeness', () => {
  it('counts rows with an actual value and rounds the percent down', () => {
    expect(completeness(rows)).toEqual({ filled: 2, total: 4, percent: 50 });
    expect(completeness([row(1, 1, 1), row(1, 2, 1), row(1, 3, null)])).toEqual({ filled: 2, total: 3, percent: 66 });
    expect(completeness([])).toEqual({ filled: 0, total: 0, percent: 0 });
  });
});
