import { z } from 'zod';
import { t } from '../messages';
import { text } from './text';

/** A Party branch (党支部) as stored and shown. */
export interface Branch {
  id: number;
  code: string;
  name: string;
  /** 所属单位: the workshop, plant or department the branch belongs to. */
  unit: string;
  secretary: string;
  memberCount: number | null;
  /**
   * 支部类别 (分类施策, issue 11 §7): 生产、机关、科研 … as the framework names them; '' = none (assessed on every
   * indicator).
   */
  category: string;
  note: string;
  /** ISO timestamp when archived; null while the branch is in use. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const BRANCH_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const optionalText = (field: string, max: number) =>
  text(field)
    .trim()
    .max(max, { error: t('branch.text.tooLong', { field, max }) })
    .default('');

/**
 * The fields a user gives for a branch. The same schema checks the form in
 * the renderer, the contract call in the main process and each imported row.
 */
export const BranchFields = z.object({
  code: z
    .string({ error: t('branch.code.required') })
    .trim()
    .min(1, { error: t('branch.code.required') })
    .max(32, { error: t('branch.code.tooLong') })
    .regex(BRANCH_CODE_PATTERN, { error: t('branch.code.pattern') }),
  name: text(t('branch.field.name'), { error: t('branch.name.required') })
    .trim()
    .min(1, { error: t('branch.name.required') })
    .max(60, { error: t('branch.name.tooLong') }),
  unit: optionalText(t('branch.field.unit'), 60),
  secretary: optionalText(t('branch.field.secretary'), 30),
  memberCount: z
    .number({ error: t('branch.memberCount.integer') })
    .int({ error: t('branch.memberCount.integer') })
    .min(0, { error: t('branch.memberCount.integer') })
    .max(10000, { error: t('branch.memberCount.integer') })
    .nullable()
    .default(null),
  category: optionalText('支部类别', 10),
  note: optionalText(t('branch.field.note'), 200),
});
export type BranchFieldsInput = z.input<typeof BranchFields>;

/**
 * 党员人数 as typed in a form: empty is “not given” (null); anything else must
 * be a whole number, or it is refused — never silently dropped (“abc”, “12人”, “3.5”).
 * Returns the value the schema then checks, or undefined for text that is no number.
 */
export function memberCountFromText(typed: string | number | null | undefined): number | null | undefined {
  if (typed === null || typed === undefined) return null;
  if (typeof typed === 'number') return typed;
  const trimmed = typed.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
export type BranchFieldsValue = z.output<typeof BranchFields>;

export const BranchId = z.number().int().positive();

/** What an import of a branches workbook would do, row by row. */
export interface BranchImportRow extends BranchFieldsValue {
  /** 1-based worksheet row. */
  row: number;
  action: 'create' | 'update';
}

export interface BranchImportPreview {
  file: string;
  rows: BranchImportRow[];
  /** Every problem found; when not empty, nothing will be imported. */
  errors: { row: number; column?: string; message: string }[];
}

export interface BranchImportResult {
  file: string;
  created: number;
  updated: number;
}

/** Columns of the import template, in order; `*` marks the required ones. */
export const BRANCH_TEMPLATE_COLUMNS = [
  { field: 'code', header: '支部编码*', width: 14 },
  { field: 'name', header: '支部名称*', width: 28 },
  { field: 'unit', header: '所属单位', width: 20 },
  { field: 'secretary', header: '支部书记', width: 12 },
  { field: 'memberCount', header: '党员人数', width: 10 },
  { field: 'note', header: '备注', width: 30 },
  // Last, so that workbooks filled from the template before 分类施策 still line up.
  { field: 'category', header: '支部类别', width: 10 },
] as const satisfies readonly { field: keyof BranchFieldsValue; header: string; width: number }[];
