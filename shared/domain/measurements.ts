/**
 * Business data (业务数据, 目标协同): each branch's target and actual value on
 * the period's quantitative indicators, and the workbook the business
 * departments fill (docs/user/workbooks.md “业务数据导入模板”).
 */
import type { ImportAction, WorkbookProblem } from './workbook';
import { t } from '../messages';

/** One branch × quantitative leaf of a period; target … updatedAt are null while nothing is stored. */
export interface MeasurementRow {
  branchId: number;
  branchCode: string;
  branchName: string;
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  direction: 'higher' | 'lower';
  target: number | null;
  actual: number | null;
  /** Where points reach zero; null → target × the indicator's floorRatio. */
  floor: number | null;
  source: string;
  updatedAt: string | null;
}

export const MEASUREMENT_SHEETS = { data: '业务数据', help: '填写说明' } as const;

/** Columns of the 业务数据 sheet, in order; `*` marks the required ones. Found by header text on import. */
export const MEASUREMENT_TEMPLATE_COLUMNS = [
  { field: 'branchCode', header: '支部编码*', width: 12 },
  { field: 'branchName', header: '支部名称', width: 26 },
  { field: 'indicatorCode', header: '指标编码*', width: 10 },
  { field: 'indicatorName', header: '指标名称', width: 22 },
  { field: 'direction', header: '方向', width: 10 },
  { field: 'target', header: '目标值*', width: 11 },
  { field: 'actual', header: '实际值', width: 11 },
  { field: 'floor', header: '零分线', width: 11 },
  { field: 'source', header: '数据来源部门', width: 16 },
] as const;
export type MeasurementColumnField = (typeof MEASUREMENT_TEMPLATE_COLUMNS)[number]['field'];

export interface MeasurementImportRow {
  /** 1-based worksheet row. */
  row: number;
  branchId: number;
  branchCode: string;
  indicatorId: number;
  indicatorCode: string;
  target: number;
  actual: number | null;
  floor: number | null;
  source: string;
  action: ImportAction;
}

/** What importing a business-data workbook would store, or every reason it cannot. */
export interface MeasurementImportPreview {
  file: string;
  rows: MeasurementImportRow[];
  /** Rows with no number at all (the prefilled template's rows nobody filled): left as they are. */
  skipped: number;
  /** Every problem found; when not empty, nothing will be imported. */
  errors: WorkbookProblem[];
  /** Values that can be stored but look wrong (a 合格率 over 100%, a figure 10× its target): shown for a second look. */
  warnings: WorkbookProblem[];
}

/** Rates that can't exceed 100% by their nature (a 完成率 can: it is not listed). */
const BOUNDED_RATE = /(合格|达标|覆盖|及格|通过|出勤|参与|完好|正确|准确|到位|知晓|满意|执行|落实|整改)率/;
/** Beyond this ratio between actual and target a figure is probably in the wrong unit (元 vs 万元). */
const UNIT_SLIP_RATIO = 10;

export type MeasurementDoubt =
  | { kind: 'rateOver100'; field: 'target' | 'actual'; value: number }
  | { kind: 'negative'; field: 'target' | 'actual'; value: number }
  | { kind: 'farFromTarget'; ratio: number };

/**
 * Why a business figure looks implausible, or null. Not a refusal: an office
 * may have a real 0 or a real outlier; the import preview and the entry form
 * show these for a second look before anything is stored.
 */
export function doubtInWords(indicatorName: string, d: MeasurementDoubt): string {
  const field = t(d.kind === 'farFromTarget' ? 'data.m.doubt.actual' : d.field === 'target' ? 'data.m.doubt.target' : 'data.m.doubt.actual');
  if (d.kind === 'rateOver100') return t('data.m.doubt.rateOver100', { field, value: d.value, indicator: indicatorName });
  if (d.kind === 'negative') return t('data.m.doubt.negative', { field, value: d.value });
  const times = d.ratio >= 1 ? Number(d.ratio.toPrecision(3)) : Number((1 / d.ratio).toPrecision(3));
  return t(d.ratio >= 1 ? 'data.m.doubt.farAbove' : 'data.m.doubt.farBelow', { times });
}

export function measurementDoubts(indicatorName: string, target: number | null, actual: number | null): MeasurementDoubt[] {
  const doubts: MeasurementDoubt[] = [];
  const values = [['target', target], ['actual', actual]] as const;
  for (const [field, value] of values) {
    if (value === null) continue;
    if (value < 0) doubts.push({ kind: 'negative', field, value });
    else if (value > 100 && BOUNDED_RATE.test(indicatorName)) doubts.push({ kind: 'rateOver100', field, value });
  }
  if (target !== null && actual !== null && target > 0 && actual > 0) {
    const ratio = actual / target;
    if (ratio >= UNIT_SLIP_RATIO || ratio <= 1 / UNIT_SLIP_RATIO) doubts.push({ kind: 'farFromTarget', ratio });
  }
  return doubts;
}

export interface MeasurementImportResult {
  file: string;
  saved: number;
  unchanged: number;
  skipped: number;
}
