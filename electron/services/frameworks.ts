/**
 * Frameworks (考核指标体系): versions, their indicator trees, editing, and
 * the freeze that protects a version once a period has scored on it.
 */
import {
  GradeScheme,
  IndicatorFields,
  LeafMethod,
  MAX_CATEGORIES,
  gradeSchemeProblems,
  type GradeSchemeInput,
  NodeOptions,
  type Framework,
  type FrameworkDraft,
  type FrameworkWithIndicators,
  type Indicator,
  type IndicatorDraft,
  type IndicatorFieldsValue,
} from '../../shared/domain/framework';
import { validateFramework, type FrameworkIssue } from '../../shared/domain/framework-validate';
import { categoryIssues } from '../../shared/domain/framework-categories';
import type { FrameworkSummary } from '../../shared/domain/views';
import { UNIFIED_TEMPLATE } from '../../shared/domain/templates/unified';
import { inTransaction, type Database } from '../db';
import { t } from '../../shared/messages';
import { AppError } from '../errors';

interface FrameworkRow {
  id: number;
  lineage_id: number | null;
  version: number;
  name: string;
  description: string;
  frozen_at: string | null;
  created_at: string;
  updated_at: string;
  /** GradeScheme as JSON (migration 14); NULL = the app's defaults. */
  grade_scheme_json: string | null;
  /** 支部类别 as a JSON array (migration 15); NULL = none. */
  categories_json: string | null;
}

interface IndicatorRow {
  id: number;
  framework_id: number;
  parent_id: number | null;
  position: number;
  code: string;
  name: string;
  criteria: string;
  evidence: string;
  tag: Indicator['tag'];
  max_points: number;
  method_json: string | null;
  /** NodeOptions as JSON (migration 11); NULL = neither a pool nor a section bonus cap. */
  options_json: string | null;
  /** 适用类别 as a JSON array (migration 15); NULL = applies to all. */
  applies_json: string | null;
}


const toFramework = (r: FrameworkRow): Framework => ({
  id: r.id,
  name: r.name,
  description: r.description,
  lineageId: r.lineage_id ?? r.id,
  version: r.version,
  frozenAt: r.frozen_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  gradeScheme: r.grade_scheme_json === null ? null : GradeScheme.parse(JSON.parse(r.grade_scheme_json)),
  categories: r.categories_json === null ? [] : (JSON.parse(r.categories_json) as string[]),
});

/**
 * A grade scheme checked by the rules of a period's grades and quotas (settingsProblems), or refused naming each
 * rule broken in the settings form's words (“等次划分第 3 项：各等次的最低分应从上到下依次降低”); null stays null.
 */
export function acceptedGradeScheme(input: GradeSchemeInput | null): GradeScheme | null {
  if (input === null) return null;
  const parsed = GradeScheme.safeParse(input);
  if (!parsed.success) throw new AppError('validation', parsed.error.issues.map((i) => i.message).join('；'));
  const problems = gradeSchemeProblems(parsed.data);
  if (problems.length > 0) {
    throw new AppError(
      'validation',
      problems.map((p) => p.message).join('；'),
      problems.map((p) => ({ field: ['gradeScheme', ...p.path].join('.'), message: p.message })),
    );
  }
  return parsed.data;
}

/** The scheme as stored: only its fields, in a fixed order; NULL for the defaults. */
const gradeSchemeJson = (scheme: GradeScheme | null): string | null =>
  scheme === null
    ? null
    : JSON.stringify({
        grades: scheme.grades.map((g) => ({ label: g.label, min: g.min })),
        quotas: scheme.quotas.map((q) => ({ label: q.label, maxShare: q.maxShare })),
      });

export const toIndicator = (r: IndicatorRow): Indicator => ({
  id: r.id,
  parentId: r.parent_id,
  position: r.position,
  code: r.code,
  name: r.name,
  criteria: r.criteria,
  evidence: r.evidence,
  tag: r.tag,
  maxPoints: r.max_points,
  method: r.method_json === null ? null : LeafMethod.parse(JSON.parse(r.method_json)),
  // Omitted when NULL, so an indicator without options is the same object (and fingerprint) as before.
  ...(r.options_json === null ? {} : { options: NodeOptions.parse(JSON.parse(r.options_json)) }),
  // Likewise omitted when it applies to all.
  ...(r.applies_json === null ? {} : { appliesTo: JSON.parse(r.applies_json) as string[] }),
});

/** A list of labels once each, in the order given (“机关、机关” is one). */
const distinct = (list: readonly string[]): string[] => [...new Set(list.map((l) => l.trim()).filter(Boolean))];

/**
 * 适用类别 and 支部类别 as stored: NULL for none (absent or empty), so an indicator that applies to all and a
 * framework without categories read as they did before 分类施策.
 */
const labelsJson = (list: readonly string[] | undefined): string | null => {
  const labels = distinct(list ?? []);
  return labels.length ? JSON.stringify(labels) : null;
};

/** Refuses an 适用类别 that is not one of the framework's 支部类别 (the editor offers only those). */
function assertAppliesToKnown(categories: readonly string[], f: IndicatorFieldsValue): void {
  const unknown = (f.appliesTo ?? []).filter((l) => !categories.includes(l.trim()));
  if (unknown.length === 0) return;
  const message = categories.length
    ? t('error.frameworks.appliesToUnknown', { code: f.code, name: f.name, labels: unknown.join('、'), categories: categories.join('、') })
    : t('error.frameworks.appliesToNoCategories', { code: f.code, name: f.name });
  throw new AppError('validation', message, [{ field: 'appliesTo', message }]);
}

/**
 * A framework's 支部类别 checked: each label once, at most MAX_CATEGORIES, and none removed while an indicator still
 * names it in its 适用类别 (that would leave the indicator applying to no branch anyone can have).
 */
function acceptedCategories(db: Database, frameworkId: number | null, list: readonly string[]): string[] {
  const labels = distinct(list);
  if (labels.length > MAX_CATEGORIES) throw new AppError('validation', t('error.frameworks.tooManyCategories', { max: MAX_CATEGORIES }));
  if (frameworkId !== null) {
    const still = getIndicators(db, frameworkId).filter((n) => n.appliesTo?.some((l) => !labels.includes(l)));
    if (still.length > 0) {
      const removed = distinct(still.flatMap((n) => (n.appliesTo ?? []).filter((l) => !labels.includes(l))));
      throw new AppError(
        'validation',
        t('error.frameworks.categoryInUse', { labels: removed.join('、'), indicators: still.slice(0, 5).map((n) => `${n.code} ${n.name}`).join('、'), count: still.length }),
      );
    }
  }
  return labels;
}

/** Whether options say anything: { pool: false, bonusCap: null } is the same as none. */
const hasOptions = (o: NodeOptions | undefined): o is NodeOptions => o !== undefined && (o.pool || o.bonusCap !== null);

/** Options as stored: NULL when they say nothing, so clearing them leaves the row as it was before options existed. */
const optionsJson = (o: NodeOptions | undefined): string | null => (hasOptions(o) ? JSON.stringify({ pool: o.pool, bonusCap: o.bonusCap }) : null);

/** Refuses a pool or a section bonus cap on a leaf (a node scored by its own method): only 分部 carry them. */
function assertOptionsFit(f: IndicatorFieldsValue): void {
  if (f.method === null || !hasOptions(f.options)) return;
  const message = t('error.frameworks.optionsOnLeaf', { code: f.code, name: f.name });
  throw new AppError('validation', message, [{ field: 'options', message }]);
}

function frameworkRow(db: Database, id: number): FrameworkRow {
  const row = db.prepare<[number], FrameworkRow>('SELECT * FROM framework WHERE id = ?').get(id);
  if (!row) throw new AppError('not_found', t('error.frameworks.notFound', { id }));
  return row;
}

export function getIndicators(db: Database, frameworkId: number): Indicator[] {
  return db
    .prepare<[number], IndicatorRow>('SELECT * FROM indicator WHERE framework_id = ? ORDER BY parent_id IS NOT NULL, position, id')
    .all(frameworkId)
    .map(toIndicator);
}

export function getFramework(db: Database, id: number): FrameworkWithIndicators & { issues: FrameworkIssue[] } {
  const framework = toFramework(frameworkRow(db, id));
  const indicators = getIndicators(db, id);
  // A framework with its own grade scheme (考核细则的等次): a veto's 最高等次 must be one of them — said in the
  // editor, not only when a period on it starts scoring.
  const scheme = framework.gradeScheme;
  return {
    ...framework,
    indicators,
    issues: [
      ...validateFramework(indicators, scheme ? { gradeLabels: scheme.grades.map((g) => g.label), gradeSource: 'framework' } : {}),
      ...categoryIssues(indicators, framework.categories),
    ],
  };
}

export function listFrameworks(db: Database): FrameworkSummary[] {
  const rows = db.prepare<[], FrameworkRow>('SELECT * FROM framework ORDER BY coalesce(lineage_id, id), version').all();
  const counts = db.prepare<[number], { total: number; leaves: number }>(
    `SELECT count(*) AS total,
            coalesce(sum(NOT EXISTS (SELECT 1 FROM indicator c WHERE c.parent_id = i.id)), 0) AS leaves
       FROM indicator i WHERE framework_id = ?`,
  );
  const periods = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM period WHERE framework_id = ? ORDER BY year DESC, id DESC');
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { total: 0, leaves: 0 };
    return { ...toFramework(r), indicatorCount: c.total, leafCount: c.leaves, periods: periods.all(r.id) };
  });
}

/** The grade scheme of a framework (null = the app's defaults); refuses an unknown framework. */
export const frameworkGradeScheme = (db: Database, id: number): GradeScheme | null => toFramework(frameworkRow(db, id)).gradeScheme;

/** The 支部类别 a framework distinguishes ([] = none); refuses an unknown framework. */
export const frameworkCategories = (db: Database, id: number): string[] => toFramework(frameworkRow(db, id)).categories;

/** Refuses to edit a frozen version, saying which period froze it and what to do. */
export function assertEditable(db: Database, frameworkId: number): void {
  const row = frameworkRow(db, frameworkId);
  if (row.frozen_at === null) return;
  const period = db.prepare<[number], { name: string }>('SELECT name FROM period WHERE framework_id = ? ORDER BY id LIMIT 1').get(frameworkId);
  throw new AppError(
    'conflict',
    period
      ? t('error.frameworks.frozenByPeriod', { name: row.name, version: row.version, period: period.name })
      : t('error.frameworks.frozen', { name: row.name, version: row.version }),
  );
}

/** Marks a version frozen (idempotent): called when a period using it receives entries. */
export function freezeFramework(db: Database, frameworkId: number, now: Date): void {
  db.prepare('UPDATE framework SET frozen_at = ? WHERE id = ? AND frozen_at IS NULL').run(now.toISOString(), frameworkId);
}

function insertIndicator(db: Database, frameworkId: number, parentId: number | null, position: number, f: IndicatorFieldsValue): number {
  const info = db
    .prepare(
      `INSERT INTO indicator (framework_id, parent_id, position, code, name, criteria, evidence, tag, max_points, method_json, options_json, applies_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(frameworkId, parentId, position, f.code, f.name, f.criteria, f.evidence, f.tag, f.maxPoints, f.method ? JSON.stringify(f.method) : null, optionsJson(f.options), labelsJson(f.appliesTo));
  return Number(info.lastInsertRowid);
}

/** Inserts a draft tree under `parentId` (templates, copies, imports). */
export function insertDrafts(db: Database, frameworkId: number, drafts: readonly IndicatorDraft[], parentId: number | null = null): void {
  drafts.forEach((d, position) => {
    const id = insertIndicator(db, frameworkId, parentId, position, IndicatorFields.parse(d));
    if (d.children?.length) insertDrafts(db, frameworkId, d.children, id);
  });
}

/** The stored tree as drafts (for copies and exports). */
export function toDrafts(indicators: readonly Indicator[]): IndicatorDraft[] {
  const build = (parentId: number | null): IndicatorDraft[] =>
    indicators
      .filter((n) => n.parentId === parentId)
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((n) => {
        const children = build(n.id);
        return {
          code: n.code,
          name: n.name,
          criteria: n.criteria,
          evidence: n.evidence,
          tag: n.tag,
          maxPoints: n.maxPoints,
          method: n.method,
          ...(n.options ? { options: n.options } : {}),
          ...(n.appliesTo?.length ? { appliesTo: n.appliesTo } : {}),
          ...(children.length ? { children } : {}),
        };
      });
  return build(null);
}

export type FrameworkSource = { kind: 'empty' } | { kind: 'template' } | { kind: 'copy'; frameworkId: number };

export function createFrameworkFromDraft(db: Database, draft: FrameworkDraft, now: Date, lineage?: { lineageId: number; version: number }): number {
  const stamp = now.toISOString();
  const scheme = gradeSchemeJson(acceptedGradeScheme(draft.gradeScheme ?? null));
  const categories = labelsJson(acceptedCategories(db, null, draft.categories ?? []));
  return inTransaction(db, () => {
    const info = db
      .prepare('INSERT INTO framework (lineage_id, version, name, description, grade_scheme_json, categories_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(lineage?.lineageId ?? null, lineage?.version ?? 1, draft.name.trim(), draft.description.trim(), scheme, categories, stamp, stamp);
    const id = Number(info.lastInsertRowid);
    if (!lineage) db.prepare('UPDATE framework SET lineage_id = ? WHERE id = ?').run(id, id);
    insertDrafts(db, id, draft.indicators);
    return id;
  });
}

export function createFramework(db: Database, input: { name: string; description: string; source: FrameworkSource }, now: Date): number {
  let indicators: IndicatorDraft[] = [];
  let description = input.description;
  let gradeScheme: GradeScheme | null = null;
  let categories: string[] = [];
  if (input.source.kind === 'template') {
    indicators = UNIFIED_TEMPLATE.indicators;
    description ||= UNIFIED_TEMPLATE.description;
  } else if (input.source.kind === 'copy') {
    // A copy states the same 等次 as its source.
    const source = toFramework(frameworkRow(db, input.source.frameworkId));
    gradeScheme = source.gradeScheme;
    // … and distinguishes the same 支部类别, which its indicators' 适用类别 name.
    categories = source.categories;
    indicators = toDrafts(getIndicators(db, input.source.frameworkId));
  }
  return createFrameworkFromDraft(db, { name: input.name, description, indicators, gradeScheme, categories }, now);
}

/** A new, editable version of a (usually frozen) framework, in the same lineage. */
export function newFrameworkVersion(db: Database, frameworkId: number, now: Date): number {
  const row = frameworkRow(db, frameworkId);
  const lineageId = row.lineage_id ?? row.id;
  const latest = db.prepare<[number], { v: number }>('SELECT max(version) AS v FROM framework WHERE lineage_id = ?').get(lineageId)?.v ?? row.version;
  return createFrameworkFromDraft(
    db,
    {
      name: row.name,
      description: row.description,
      indicators: toDrafts(getIndicators(db, frameworkId)),
      gradeScheme: toFramework(row).gradeScheme,
      categories: toFramework(row).categories,
    },
    now,
    { lineageId, version: latest + 1 },
  );
}

/**
 * Name, description and grade scheme: allowed on a frozen version too, as none of them changes how its periods
 * compute (a period keeps the grades it was made with; the scheme only seeds periods made later).
 * `gradeScheme` absent = keep the stored one; null = back to the app's defaults.
 * `categories` (支部类别) absent = keep. Also allowed when frozen: they say which branches the framework knows
 * (checked at 开始评分), not what applies to whom — that is the indicators' 适用类别, locked with them, and a
 * label they name cannot be removed (acceptedCategories).
 */
export function updateFrameworkMeta(
  db: Database,
  id: number,
  meta: { name: string; description: string; gradeScheme?: GradeSchemeInput | null | undefined; categories?: string[] | undefined },
  now: Date,
): void {
  const row = frameworkRow(db, id);
  const scheme = meta.gradeScheme === undefined ? row.grade_scheme_json : gradeSchemeJson(acceptedGradeScheme(meta.gradeScheme));
  const categories = meta.categories === undefined ? row.categories_json : labelsJson(acceptedCategories(db, id, meta.categories));
  db.prepare('UPDATE framework SET name = ?, description = ?, grade_scheme_json = ?, categories_json = ?, updated_at = ? WHERE id = ?').run(
    meta.name,
    meta.description,
    scheme,
    categories,
    now.toISOString(),
    id,
  );
}

export function deleteFramework(db: Database, id: number): void {
  const row = frameworkRow(db, id);
  const used = db.prepare<[number], { name: string }>('SELECT name FROM period WHERE framework_id = ? LIMIT 1').get(id);
  if (used) throw new AppError('conflict', t('error.frameworks.inUse', { name: row.name, version: row.version, period: used.name }));
  if (row.frozen_at) throw new AppError('conflict', t('error.frameworks.frozenNoDelete', { name: row.name, version: row.version }));
  inTransaction(db, () => {
    db.prepare('UPDATE framework SET lineage_id = NULL WHERE lineage_id = ? AND id = ?').run(id, id);
    db.prepare('DELETE FROM indicator WHERE framework_id = ?').run(id);
    db.prepare('DELETE FROM framework WHERE id = ?').run(id);
  });
}

function indicatorRow(db: Database, id: number): IndicatorRow {
  const row = db.prepare<[number], IndicatorRow>('SELECT * FROM indicator WHERE id = ?').get(id);
  if (!row) throw new AppError('not_found', t('error.frameworks.indicatorNotFound', { id }));
  return row;
}

function assertCodeFree(db: Database, frameworkId: number, code: string, exceptId: number | null): void {
  const holder = db.prepare<[number, string], { id: number; name: string }>('SELECT id, name FROM indicator WHERE framework_id = ? AND code = ?').get(frameworkId, code);
  if (holder && holder.id !== exceptId) {
    const message = t('error.frameworks.codeTaken', { code, holder: holder.name });
    throw new AppError('conflict', message, [{ field: 'code', message }]);
  }
}

const touch = (db: Database, frameworkId: number, now: Date) =>
  db.prepare('UPDATE framework SET updated_at = ? WHERE id = ?').run(now.toISOString(), frameworkId);

export function addIndicator(db: Database, frameworkId: number, parentId: number | null, fields: IndicatorFieldsValue, now: Date): Indicator {
  assertEditable(db, frameworkId);
  if (parentId !== null && indicatorRow(db, parentId).framework_id !== frameworkId) throw new AppError('validation', t('error.frameworks.parentElsewhere'));
  assertOptionsFit(fields);
  assertAppliesToKnown(toFramework(frameworkRow(db, frameworkId)).categories, fields);
  assertCodeFree(db, frameworkId, fields.code, null);
  return inTransaction(db, () => {
    const position = db
      .prepare<[number, number | null], { n: number }>('SELECT count(*) AS n FROM indicator WHERE framework_id = ? AND parent_id IS ?')
      .get(frameworkId, parentId)!.n;
    const id = insertIndicator(db, frameworkId, parentId, position, fields);
    // A leaf that receives a child becomes an inner node: it no longer has a method of its own.
    if (parentId !== null) db.prepare('UPDATE indicator SET method_json = NULL WHERE id = ?').run(parentId);
    touch(db, frameworkId, now);
    return toIndicator(indicatorRow(db, id));
  });
}

export function updateIndicator(db: Database, id: number, fields: IndicatorFieldsValue, now: Date): Indicator {
  const row = indicatorRow(db, id);
  assertEditable(db, row.framework_id);
  assertCodeFree(db, row.framework_id, fields.code, id);
  assertOptionsFit(fields);
  assertAppliesToKnown(toFramework(frameworkRow(db, row.framework_id)).categories, fields);
  // 适用类别 not sent are kept, like options.
  const applies = fields.appliesTo !== undefined ? labelsJson(fields.appliesTo) : row.applies_json;
  // Options not sent are kept (a caller that does not know them cannot drop a pool by saving a name),
  // unless the node now has a method: a leaf carries none.
  const options =
    fields.options !== undefined ? optionsJson(fields.options) : fields.method === null ? row.options_json : null;
  inTransaction(db, () => {
    db.prepare(
      'UPDATE indicator SET code = ?, name = ?, criteria = ?, evidence = ?, tag = ?, max_points = ?, method_json = ?, options_json = ?, applies_json = ? WHERE id = ?',
    ).run(fields.code, fields.name, fields.criteria, fields.evidence, fields.tag, fields.maxPoints, fields.method ? JSON.stringify(fields.method) : null, options, applies, id);
    touch(db, row.framework_id, now);
  });
  return toIndicator(indicatorRow(db, id));
}

/** Deletes an indicator and everything below it; returns how many were removed. */
export function deleteIndicator(db: Database, id: number, now: Date): number {
  const row = indicatorRow(db, id);
  assertEditable(db, row.framework_id);
  // Business data and self-assessments entered against these indicators are never dropped silently.
  const used = db
    .prepare<[number], { measurements: number; selfEntries: number }>(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT i.id FROM indicator i JOIN sub ON i.parent_id = sub.id)
       SELECT (SELECT count(*) FROM measurement WHERE indicator_id IN sub) AS measurements,
              (SELECT count(*) FROM self_assessment WHERE indicator_id IN sub) AS selfEntries`,
    )
    .get(id)!;
  if (used.measurements + used.selfEntries > 0) {
    const what = [
      used.measurements ? t('error.frameworks.measurementCount', { count: used.measurements }) : '',
      used.selfEntries ? t('error.frameworks.selfEntryCount', { count: used.selfEntries }) : '',
    ].filter(Boolean).join('、');
    throw new AppError('conflict', t('error.frameworks.indicatorHasData', { code: row.code, name: row.name, what }));
  }
  return inTransaction(db, () => {
    const removed = db
      .prepare<[number], { n: number }>(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT i.id FROM indicator i JOIN sub ON i.parent_id = sub.id)
         SELECT count(*) AS n FROM sub`,
      )
      .get(id)!.n;
    db.prepare('DELETE FROM indicator WHERE id = ?').run(id);
    renumberPositions(db, row.framework_id, row.parent_id);
    touch(db, row.framework_id, now);
    return removed;
  });
}

function renumberPositions(db: Database, frameworkId: number, parentId: number | null): void {
  const siblings = db
    .prepare<[number, number | null], { id: number }>('SELECT id FROM indicator WHERE framework_id = ? AND parent_id IS ? ORDER BY position, id')
    .all(frameworkId, parentId);
  const set = db.prepare('UPDATE indicator SET position = ? WHERE id = ?');
  siblings.forEach((s, i) => set.run(i, s.id));
}

/** Moves an indicator under a new parent (or to the top level) at a position among its new siblings. */
export function moveIndicator(db: Database, id: number, parentId: number | null, position: number, now: Date): void {
  const row = indicatorRow(db, id);
  assertEditable(db, row.framework_id);
  if (parentId !== null) {
    const target = indicatorRow(db, parentId);
    if (target.framework_id !== row.framework_id) throw new AppError('validation', t('error.frameworks.moveElsewhere'));
    // Refuse moving a node under itself or its own descendant.
    const ancestors = db
      .prepare<[number], { id: number }>(
        `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM indicator WHERE id = ?
           UNION ALL SELECT i.id, i.parent_id FROM indicator i JOIN up ON i.id = up.parent_id)
         SELECT id FROM up`,
      )
      .all(parentId)
      .map((r) => r.id);
    if (ancestors.includes(id)) throw new AppError('validation', t('error.frameworks.moveUnderSelf'));
  }
  inTransaction(db, () => {
    const siblings = db
      .prepare<[number, number | null, number], { id: number }>(
        'SELECT id FROM indicator WHERE framework_id = ? AND parent_id IS ? AND id != ? ORDER BY position, id',
      )
      .all(row.framework_id, parentId, id)
      .map((r) => r.id);
    siblings.splice(Math.max(0, Math.min(position, siblings.length)), 0, id);
    db.prepare('UPDATE indicator SET parent_id = ? WHERE id = ?').run(parentId, id);
    const set = db.prepare('UPDATE indicator SET position = ? WHERE id = ?');
    siblings.forEach((s, i) => set.run(i, s));
    if (row.parent_id !== parentId) renumberPositions(db, row.framework_id, row.parent_id);
    if (parentId !== null) db.prepare('UPDATE indicator SET method_json = NULL WHERE id = ?').run(parentId);
    touch(db, row.framework_id, now);
  });
}

/** Rewrites every code from the tree's order: 1, 1.1, 1.1.1 … (after moves). */
export function renumberCodes(db: Database, frameworkId: number, now: Date): void {
  assertEditable(db, frameworkId);
  const indicators = getIndicators(db, frameworkId);
  const codes = new Map<number, string>();
  const walk = (parentId: number | null, prefix: string) =>
    indicators
      .filter((n) => n.parentId === parentId)
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .forEach((n, i) => {
        const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
        codes.set(n.id, code);
        walk(n.id, code);
      });
  walk(null, '');
  inTransaction(db, () => {
    // Two passes so that swapping codes never collides with the UNIQUE constraint.
    const set = db.prepare('UPDATE indicator SET code = ? WHERE id = ?');
    for (const [id] of codes) set.run(`~${id}`, id);
    for (const [id, code] of codes) set.run(code, id);
    touch(db, frameworkId, now);
  });
}
