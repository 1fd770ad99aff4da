/**
 * What the 业务数据 table computes from its rows, apart from React: row keys,
 * filter options, which rows a filter keeps, the floor an empty 零分线 means,
 * and whether an edited floor is on the wrong side of the target.
 */
import type { LeafMethod } from '../../../../shared/domain/framework';
import type { MeasurementRow } from '../../../../shared/domain/measurements';

export const measurementKey = (m: { branchId: number; indicatorId: number }) => `${m.branchId}:${m.indicatorId}`;

/** Editable figures of a row, as the inline form holds them. */
export interface MeasurementEdit {
  target: number | null;
  actual: number | null;
  floor: number | null;
  source: string;
}

export interface MeasurementFilter {
  branchId: number | null;
  indicatorId: number | null;
  missingOnly: boolean;
  /** The row being edited stays visible under 只看未填 even once it has a value typed in. */
  editingKey: string | null;
}

/** One option per branch and per indicator, in the order they first appear. */
export function measurementOptions(rows: readonly MeasurementRow[]) {
  const branches = new Map<number, string>();
  const indicators = new Map<number, string>();
  for (const m of rows) {
    if (!branches.has(m.branchId)) branches.set(m.branchId, `${m.branchCode} ${m.branchName}`);
    if (!indicators.has(m.indicatorId)) indicators.set(m.indicatorId, `${m.indicatorCode} ${m.indicatorName}`);
  }
  const options = (seen: Map<number, string>) => [...seen].map(([value, label]) => ({ value, label }));
  return { branches: options(branches), indicators: options(indicators) };
}

export function filterMeasurements(rows: readonly MeasurementRow[], f: MeasurementFilter): MeasurementRow[] {
  return rows.filter(
    (m) =>
      (f.branchId === null || m.branchId === f.branchId) &&
      (f.indicatorId === null || m.indicatorId === f.indicatorId) &&
      (!f.missingOnly || m.actual === null || (f.editingKey !== null && measurementKey(m) === f.editingKey)),
  );
}

/** The indicator's own floor (target × its 零分线 ratio): what an empty 零分线 means; null when there is none. */
export function defaultFloor(method: LeafMethod | null | undefined, target: number | null): { value: number; ratio: number } | null {
  if (target === null || method?.kind !== 'quantitative') return null;
  return { value: Number((target * method.floorRatio).toPrecision(12)), ratio: method.floorRatio };
}

/** A floor above the target of a 越高越好 indicator (or below it for 越低越好) is refused; says which. */
export function floorSide(direction: MeasurementRow['direction'], floor: number | null | undefined, target: number | null | undefined): 'above' | 'below' | null {
  if (floor === null || floor === undefined || target === null || target === undefined) return null;
  if (direction === 'higher' && floor > target) return 'above';
  if (direction === 'lower' && floor < target) return 'below';
  return null;
}

/** Whether the figures typed differ from the stored row (then a source is required). */
export function figuresChanged(typed: Partial<MeasurementEdit>, m: MeasurementRow): boolean {
  return (typed.target ?? null) !== m.target || (typed.actual ?? null) !== m.actual || (typed.floor ?? null) !== m.floor;
}

/** Rows with an actual value, and the whole percent of all rows they are. */
export function completeness(rows: readonly MeasurementRow[]) {
  const filled = rows.filter((m) => m.actual !== null).length;
  return { filled, total: rows.length, percent: rows.length ? Math.floor((filled / rows.length) * 100) : 0 };
}
