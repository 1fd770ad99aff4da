/**
 * The one contract between the renderer and the main process. Every method
 * has a zod schema for its input (checked at the main-process edge) and an
 * output type. The main process registers a handler for each key of `api`
 * from one table, so a method cannot exist on one side only.
 */
import { z } from 'zod';
import { BranchFields, BranchId, type Branch, type BranchImportPreview, type BranchImportResult } from './domain/branch';
import { CategoryLabel, GradeScheme, IndicatorFields, MAX_CATEGORIES, type FrameworkWithIndicators, type Indicator } from './domain/framework';
import type { FrameworkIssue } from './domain/framework-validate';
import type { FrameworkExportResult, FrameworkImportPreview, FrameworkImportResult } from './domain/framework-workbook';
import { PERIOD_KINDS, PERIOD_STATUSES, PeriodSettings, PeriodSettingsFields } from './domain/period';
import type { FrameworkSummary, PanelView, Period, PeriodResults, Rater, RaterGroup, SampleSummary } from './domain/views';
import type { BranchExplanation, PanelStatistics } from './engine';
import type { AuditRow, RaterSheet, ScoringProgress, Session } from './domain/scoring';
import type { MeasurementImportPreview, MeasurementImportResult, MeasurementRow } from './domain/measurements';
import { OFFICE_SAVE_MAX, OfficeRecordInput, type OfficeRecordRow } from './domain/office';
import type { OfficeImportPreview, OfficeImportResult } from './domain/office-workbook';
import type { PanelImportPreview, PanelImportResult } from './domain/panel-workbook';
import type { ScoreImportPreview, ScoreImportResult, ScoreTemplateResult } from './domain/score-workbook';
import type { SelfAssessmentView, SelfComparison, SelfImportPreview, SelfImportResult } from './domain/self-assessment';
import type { WorkbookExportResult } from './domain/workbook';
import type { Result } from './result';
import type { AuditChainStatus, BackupInfo, BackupList } from './domain/backups';
import { FONT_SCHEMES, type BatchJobStatus, type DocumentDefaults, type DocumentWritten } from './domain/documents';
import { text } from './domain/text';
import { MAX_SCOPE_CODES } from './domain/assignment';
import { GateInput, OverrideReason, type GateOverride, type Readiness } from './domain/readiness';
import { AbsolutePath, ReadPath, WriteFolder, WritePath } from './domain/file-path';
import type { OutdatedRecords } from './domain/records';
import { AgendaItemInput, AttendeeInput, MeetingFields, PublicationInput, type ItemResult, type MeetingDetail, type MeetingFollow, type MeetingSummary, type Publication } from './domain/meetings';

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}
// Schema messages the contract doesn't spell out itself come in Chinese too (both processes import this module).
z.config(z.locales.zhCN());

const method = <I extends z.ZodType>(input: I) => ({
  returns: <O>(): MethodSpec<I, O> => ({ input }),
});

const FileFilter = z.object({ name: text('文件类型名称').max(100), extensions: z.array(text('扩展名').max(20)).max(20) });

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databaseFile: string;
  logFile: string;
  counts: { branchesActive: number; branchesArchived: number; frameworks: number; periods: number };
  /** The period the header shows and the screens work on; null before there is one. */
  currentPeriodId: number | null;
  /** The database file can't be written: the app is for viewing only. */
  readOnly: boolean;
  /** The audit trail's hash chain as last checked (at start-up, or by audit.verify). */
  auditChain: AuditChainStatus;
  /** What the sign-in screen and the shared PC need: whether 管理员 asks for a PIN, and when an idle rater is signed out. */
  signIn: SignInSettings;
}

export interface SignInSettings {
  adminPinSet: boolean;
  /** Minutes without a key or a click after which a rater is signed out (0: never). */
  idleMinutes: number;
}

const Id = z.number().int().positive();

/**
 * Batch limits, sized for real use: the largest real period is 500 branches ×
 * 120 indicators × 15 raters, and one rater's sheet is at most ~60k entries.
 * A batch blocks the main process while it is stored (200k entries took
 * 8.6 s), so each limit keeps one call at about half a second or less on a
 * slow 2-core PC, and larger batches go in chunks (the scoring grid sends a
 * pasted sheet so; imports store their files in the services, not through
 * these calls). Measured: a changed score costs 0.1–0.3 ms (each is
 * audited), a new one ~0.015 ms; scoring.save of 5k changed scores took
 * 0.5–1.4 s, of 2k 0.2–0.6 s; measurements.save of 1k changed rows ≈ 0.25 s.
 */
export const SCORING_SAVE_MAX = 2_000;
export const ENTRIES_SAVE_MAX = 2_000;
export const MEASUREMENTS_SAVE_MAX = 1_000;
/** More branches than any plant has (the largest real period has 500). */
export const MAX_BRANCHES = 2_000;
const BranchIds = z.array(Id).max(MAX_BRANCHES, { error: `党支部最多 ${MAX_BRANCHES} 个` });
const PeriodFields = z.object({
  name: text('周期名称').trim().min(1, { error: '周期名称不能为空' }).max(60),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(PERIOD_KINDS),
  // Each field's rules here; the rules across fields (grades, quotas) are the service's, refused in the user's words.
  settings: PeriodSettingsFields.default(PeriodSettings.parse({})),
});
/** 分工评分: the indicator codes of a 评分范围 (each naming a node and its subtree); [] = all. */
const ScopeCodes = z
  .array(text('指标编码').trim().min(1).max(20))
  .max(MAX_SCOPE_CODES, { error: `评分范围最多 ${MAX_SCOPE_CODES} 个指标编码` })
  .default([]);
const Pin = z.string().regex(/^\d{4,6}$/, { error: 'PIN 码应为 4 到 6 位数字' });
const EntryInput = z.object({
  raterId: Id,
  branchId: Id,
  indicatorId: Id,
  value: z.number().finite().nullable(),
  detail: z.array(text('说明').max(200)).max(50).optional(),
});
const MeasurementInput = z.object({
  branchId: Id,
  indicatorId: Id,
  target: z.number().finite(),
  actual: z.number().finite().nullable(),
  floor: z.number().finite().nullable().default(null),
  source: text('数据来源').trim().max(60).default(''),
});

/** One period in a branch's history (results.trend): its total, grade and rank as the engine computes them. */
export interface TrendPoint {
  periodId: number;
  name: string;
  year: number;
  total: number;
  grade: string;
  rank: number;
  /** Branches ranked in that period. */
  of: number;
  vetoed: boolean;
  /** The period's base maximum (frameworks may differ between periods). */
  baseMax: number;
}

/** A PNG written by files.writePng: at most 20 MB, sent as base64. */
export const PNG_MAX_BYTES = 20 * 1024 * 1024;

/** Options of the bulletin and feedback sheets: fonts, 发文机关署名, 成文日期 (YYYY-MM-DD, default today). */
const ReviewDocumentOptions = {
  fontScheme: z.enum(FONT_SCHEMES).optional(),
  issuer: text('发文机关署名').trim().max(40).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应为 YYYY-MM-DD' }).optional(),
};

const BatchOptions = { branchIds: z.array(Id).max(5000).nullable().optional(), ...ReviewDocumentOptions };

export const api = {
  'app.info': method(z.object({})).returns<AppInfo>(),

  'branches.list': method(
    z.object({ query: text('查询条件').trim().max(100).default(''), includeArchived: z.boolean().default(false) }),
  ).returns<Branch[]>(),
  'branches.create': method(BranchFields).returns<Branch>(),
  'branches.update': method(z.object({ id: BranchId, fields: BranchFields })).returns<Branch>(),
  'branches.setArchived': method(z.object({ id: BranchId, archived: z.boolean() })).returns<Branch>(),
  'branches.previewImport': method(z.object({ path: ReadPath })).returns<BranchImportPreview>(),
  'branches.import': method(z.object({ path: ReadPath })).returns<BranchImportResult>(),
  'branches.writeTemplate': method(z.object({ path: WritePath })).returns<{ path: string }>(),

  /** Changes when another process (the CLI, a second window) wrote to the database: the window then refetches. */
  'app.dataVersion': method(z.object({})).returns<{ version: number }>(),
  'app.setCurrentPeriod': method(z.object({ periodId: Id.nullable() })).returns<null>(),

  'frameworks.list': method(z.object({})).returns<FrameworkSummary[]>(),
  'frameworks.get': method(z.object({ id: Id })).returns<FrameworkWithIndicators & { issues: FrameworkIssue[] }>(),
  'frameworks.create': method(
    z.object({
      name: text('名称').trim().min(1, { error: '名称不能为空' }).max(60),
      description: text('说明').trim().max(500).default(''),
      source: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('empty') }),
        z.object({ kind: z.literal('template') }),
        z.object({ kind: z.literal('copy'), frameworkId: Id }),
      ]),
    }),
  ).returns<{ id: number }>(),
  'frameworks.updateMeta': method(
    z.object({
      id: Id,
      name: text('名称').trim().min(1, { error: '名称不能为空' }).max(60),
      description: text('说明').trim().max(500).default(''),
      /** The framework's 等次 and quotas (issue 11 §8); absent = keep, null = the app's defaults. */
      gradeScheme: GradeScheme.nullable().optional(),
      /** 支部类别 (issue 11 §7), e.g. ['生产', '机关', '科研']; absent = keep, [] = none. */
      categories: z.array(CategoryLabel).max(MAX_CATEGORIES, { error: `支部类别最多 ${MAX_CATEGORIES} 个` }).optional(),
    }),
  ).returns<null>(),
  'frameworks.delete': method(z.object({ id: Id })).returns<null>(),
  'frameworks.newVersion': method(z.object({ id: Id })).returns<{ id: number }>(),
  'frameworks.renumber': method(z.object({ id: Id })).returns<null>(),
  // The framework workbook (指标体系.xlsx): template, export, and import as a new framework.
  'frameworks.writeTemplate': method(z.object({ path: WritePath })).returns<{ path: string }>(),
  'frameworks.export': method(z.object({ id: Id, path: WritePath })).returns<FrameworkExportResult>(),
  'frameworks.previewImport': method(z.object({ path: ReadPath })).returns<FrameworkImportPreview>(),
  'frameworks.import': method(
    z.object({ path: ReadPath, name: text('名称').trim().min(1, { error: '名称不能为空' }).max(60).optional() }),
  ).returns<FrameworkImportResult>(),
  'indicators.add': method(z.object({ frameworkId: Id, parentId: Id.nullable(), fields: IndicatorFields })).returns<Indicator>(),
  'indicators.update': method(z.object({ id: Id, fields: IndicatorFields })).returns<Indicator>(),
  'indicators.delete': method(z.object({ id: Id })).returns<{ removed: number }>(),
  'indicators.move': method(z.object({ id: Id, parentId: Id.nullable(), position: z.number().int().min(0) })).returns<null>(),

  'periods.list': method(z.object({ includeArchived: z.boolean().default(false) })).returns<Period[]>(),
  'periods.get': method(z.object({ id: Id })).returns<Period & { branchIds: number[] }>(),
  'periods.create': method(
    PeriodFields.extend({
      // Grades and quotas left out take the framework's grade scheme (or the app's defaults): see createPeriod.
      settings: PeriodSettingsFields.extend({
        grades: PeriodSettingsFields.shape.grades.unwrap().optional(),
        quotas: PeriodSettingsFields.shape.quotas.unwrap().optional(),
      }).prefault({}),
      frameworkId: Id,
      branchIds: BranchIds.nullable().default(null),
      copyPanelFrom: Id.nullable().default(null),
    }),
  ).returns<Period>(),
  'periods.update': method(PeriodFields.extend({ id: Id })).returns<Period>(),
  'periods.setBranches': method(z.object({ id: Id, branchIds: BranchIds })).returns<Period>(),
  'periods.setFramework': method(z.object({ id: Id, frameworkId: Id })).returns<Period>(),
  /**
   * Moves a period one step on. 进入评审 and 定稿 are gated (shared/domain/readiness.ts): with anything missing they
   * are refused (code `incomplete`) unless `override` gives the reason to go on anyway, which is audited.
   */
  'periods.advance': method(z.object({ id: Id, to: z.enum(PERIOD_STATUSES), override: OverrideReason.optional() })).returns<Period>(),
  /** What a gated step would leave missing, listed for the confirmation the office sees. */
  'periods.readiness': method(GateInput).returns<Readiness>(),
  /** The steps taken although something was missing (shown on the results screen and in the documents). */
  'periods.overrides': method(z.object({ periodId: Id })).returns<GateOverride[]>(),
  'periods.delete': method(z.object({ id: Id })).returns<{ archived: boolean }>(),

  'panel.get': method(z.object({ periodId: Id })).returns<PanelView>(),
  'panel.saveGroup': method(
    z.object({
      periodId: Id,
      id: Id.nullable().default(null),
      name: text('组名').trim().min(1, { error: '组名不能为空' }).max(30),
      weight: z.number().positive({ error: '权重应大于 0' }).max(100),
      // The group's own combination rule (docs/scoring-rules.md §4); null = the period's setting.
      combine: z.enum(['mean', 'trimmed', 'median']).nullable().default(null),
      trimMinRaters: z.number().int().min(3).max(50).nullable().default(null),
      // 分工评分 (shared/domain/assignment.ts): indicator codes the group scores; [] = the whole framework.
      scope: ScopeCodes,
    }),
  ).returns<RaterGroup>(),
  'panel.deleteGroup': method(z.object({ periodId: Id, id: Id })).returns<null>(),
  'panel.saveRater': method(
    z.object({
      periodId: Id,
      id: Id.nullable().default(null),
      groupId: Id,
      name: text('姓名').trim().min(1, { error: '姓名不能为空' }).max(30),
      title: text('职务').trim().max(40).default(''),
      branchId: Id.nullable().default(null),
      recusals: z
        .array(z.object({ branchId: Id, reason: text('回避原因').trim().min(1, { error: '回避必须写明原因' }).max(100) }))
        .max(MAX_BRANCHES, { error: `回避最多 ${MAX_BRANCHES} 个党支部` })
        .default([]),
      // 分工评分: codes within the group's scope; [] = all of the group's.
      scope: ScopeCodes,
    }),
  ).returns<Rater>(),
  'panel.deleteRater': method(z.object({ periodId: Id, id: Id })).returns<null>(),
  // The panel workbook (评委名单): the panel as it stands, and an import of it all or nothing.
  'panel.writeTemplate': method(z.object({ periodId: Id, path: WritePath })).returns<WorkbookExportResult>(),
  'panel.previewImport': method(z.object({ periodId: Id, path: ReadPath })).returns<PanelImportPreview>(),
  'panel.import': method(z.object({ periodId: Id, path: ReadPath })).returns<PanelImportResult>(),

  'entries.save': method(
    z.object({
      periodId: Id,
      entries: z.array(EntryInput).max(ENTRIES_SAVE_MAX, { error: `一次最多保存 ${ENTRIES_SAVE_MAX} 条评分，请分批保存` }),
      reason: text('原因').trim().max(200).optional(),
    }),
  ).returns<{ saved: number; removed: number; unchanged: number }>(),
  'measurements.save': method(
    z.object({ periodId: Id, rows: z.array(MeasurementInput).max(MEASUREMENTS_SAVE_MAX, { error: `一次最多保存 ${MEASUREMENTS_SAVE_MAX} 条业务数据，请分批保存或用 Excel 导入` }) }),
  ).returns<{ saved: number; unchanged: number }>(),
  // Period workbooks: business data, self-assessment, a rater's scores, the audit log (admin only).
  'measurements.list': method(z.object({ periodId: Id })).returns<MeasurementRow[]>(),
  'measurements.writeTemplate': method(z.object({ periodId: Id, path: WritePath })).returns<WorkbookExportResult>(),
  'measurements.previewImport': method(z.object({ periodId: Id, path: ReadPath })).returns<MeasurementImportPreview>(),
  'measurements.import': method(z.object({ periodId: Id, path: ReadPath })).returns<MeasurementImportResult>(),
  // 考核组核定: facts the office records once per branch (admin only; raters see them read-only on their sheet).
  'office.list': method(z.object({ periodId: Id })).returns<OfficeRecordRow[]>(),
  'office.save': method(
    z.object({
      periodId: Id,
      rows: z.array(OfficeRecordInput).max(OFFICE_SAVE_MAX, { error: `一次最多保存 ${OFFICE_SAVE_MAX} 条核定记录，请分批保存或用 Excel 导入` }),
      reason: text('原因').trim().max(200).optional(),
    }),
  ).returns<{ saved: number; removed: number; unchanged: number }>(),
  'office.writeTemplate': method(z.object({ periodId: Id, path: WritePath })).returns<WorkbookExportResult>(),
  'office.previewImport': method(z.object({ periodId: Id, path: ReadPath })).returns<OfficeImportPreview>(),
  'office.import': method(z.object({ periodId: Id, path: ReadPath, reason: text('原因').trim().max(200).optional() })).returns<OfficeImportResult>(),
  'selfAssessment.get': method(z.object({ periodId: Id, branchId: Id })).returns<SelfAssessmentView>(),
  'selfAssessment.save': method(
    z.object({
      periodId: Id,
      branchId: Id,
      entries: z.array(z.object({ indicatorId: Id, value: z.number().finite().nullable(), note: text('备注').trim().max(500).default('') })).max(1000, { error: '一次最多保存 1000 条自评' }),
    }),
  ).returns<{ saved: number; removed: number; unchanged: number }>(),
  'selfAssessment.writeTemplate': method(z.object({ periodId: Id, path: WritePath })).returns<WorkbookExportResult>(),
  'selfAssessment.previewImport': method(z.object({ periodId: Id, path: ReadPath })).returns<SelfImportPreview>(),
  'selfAssessment.import': method(z.object({ periodId: Id, path: ReadPath })).returns<SelfImportResult>(),
  'selfAssessment.compare': method(z.object({ periodId: Id, branchId: Id })).returns<SelfComparison>(),
  'scores.writeTemplate': method(z.object({ periodId: Id, raterId: Id, path: WritePath })).returns<ScoreTemplateResult>(),
  'scores.previewImport': method(z.object({ periodId: Id, path: ReadPath })).returns<ScoreImportPreview>(),
  'scores.import': method(z.object({ periodId: Id, path: ReadPath, reason: text('原因').trim().max(200).optional() })).returns<ScoreImportResult>(),
  'scores.export': method(z.object({ periodId: Id, path: WritePath })).returns<WorkbookExportResult>(),
  'audit.verify': method(z.object({})).returns<AuditChainStatus>(),
  // Backups (备份与恢复): the app's own, taken daily and before imports, finalising and reopening.
  'backups.list': method(z.object({})).returns<BackupList>(),
  'backups.create': method(z.object({})).returns<BackupInfo>(),
  'backups.restore': method(z.object({ name: z.string().regex(/^rongping-[\w-]+\.db$/, { error: '备份文件名不正确' }) })).returns<{ restored: string; safetyCopy: string }>(),
  'backups.setKeep': method(z.object({ keep: z.number().int().min(3, { error: '至少保留 3 份' }).max(365, { error: '最多保留 365 份' }) })).returns<BackupList>(),
  'audit.export': method(z.object({ periodId: Id, path: WritePath })).returns<WorkbookExportResult>(),

  'session.get': method(z.object({})).returns<Session>(),
  'session.signInAdmin': method(z.object({ pin: text('PIN 码').max(6).optional() })).returns<Session>(),
  'session.signInRater': method(z.object({ periodId: Id, raterId: Id, pin: text('PIN 码').max(6).optional() })).returns<Session>(),
  'session.signOut': method(z.object({})).returns<Session>(),
  'session.setAdminPin': method(z.object({ pin: Pin.nullable() })).returns<null>(),
  'session.setIdleMinutes': method(z.object({ minutes: z.number().int().min(0).max(120, { error: '最长 120 分钟' }) })).returns<SignInSettings>(),
  'panel.setRaterPin': method(z.object({ periodId: Id, raterId: Id, pin: Pin.nullable() })).returns<null>(),

  'scoring.sheet': method(z.object({ periodId: Id, raterId: Id })).returns<RaterSheet>(),
  'scoring.save': method(
    z.object({
      periodId: Id,
      raterId: Id,
      entries: z
        .array(EntryInput.omit({ raterId: true }))
        .min(1)
        .max(SCORING_SAVE_MAX, { error: `一次最多保存 ${SCORING_SAVE_MAX} 条评分，请分批保存` }),
      reason: text('原因').trim().max(200).optional(),
    }),
  ).returns<{ saved: number; removed: number; unchanged: number }>(),
  'scoring.progress': method(z.object({ periodId: Id })).returns<ScoringProgress>(),
  'scoring.setFinished': method(
    z.object({ periodId: Id, raterId: Id, finished: z.boolean(), reason: text('原因').trim().max(200).optional() }),
  ).returns<null>(),
  'periods.reopen': method(z.object({ id: Id, reason: text('原因').trim().min(1, { error: '请写明重新开启的原因' }).max(200) })).returns<Period>(),
  'audit.list': method(
    z.object({
      periodId: Id,
      raterId: Id.nullable().default(null),
      branchId: Id.nullable().default(null),
      indicatorId: Id.nullable().default(null),
      entity: z.enum(['score', 'measurement', 'self', 'period', 'database', 'session', 'office', 'panel']).nullable().default(null),
      text: text('查询条件').trim().max(50).default(''),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<{ rows: AuditRow[]; total: number }>(),

  'results.get': method(z.object({ periodId: Id })).returns<PeriodResults>(),
  'results.explain': method(z.object({ periodId: Id, branchId: Id })).returns<BranchExplanation>(),
  'results.panel': method(z.object({ periodId: Id })).returns<PanelStatistics>(),
  // A branch over every period whose results may be seen (review, finalised), oldest first.
  'results.trend': method(z.object({ branchId: Id })).returns<TrendPoint[]>(),
  // Records and documents made from other results than the current ones (admin).
  'results.outdated': method(z.object({ periodId: Id })).returns<OutdatedRecords>(),
  // A chart saved as a picture: the renderer sends the PNG, the main process writes it.
  'files.writePng': method(
    z.object({ path: WritePath, dataBase64: z.string().min(1).max(Math.ceil(PNG_MAX_BYTES / 3) * 4 + 64) }),
  ).returns<{ path: string }>(),

  // Word documents (electron/reports/): admin only, like every method not listed for raters in access.ts.
  'documents.scoreSheet': method(
    z
      .object({
        periodId: Id,
        raterId: Id.nullable().optional(),
        branchId: Id.nullable().optional(),
        filled: z.boolean(),
        path: WritePath,
        fontScheme: z.enum(FONT_SCHEMES).optional(),
      })
      .refine((v) => ((v.raterId ?? null) === null) !== ((v.branchId ?? null) === null), { error: '请选择一位评委或一个党支部（二者选一）' }),
  ).returns<DocumentWritten>(),
  // Review documents: the results bulletin and the branches' feedback sheets (one, or a batch run as a job to poll).
  'documents.defaults': method(z.object({})).returns<DocumentDefaults>(),
  'documents.bulletin': method(z.object({ periodId: Id, path: WritePath, ...ReviewDocumentOptions })).returns<DocumentWritten>(),
  'documents.feedback': method(z.object({ periodId: Id, branchId: Id, path: WritePath, ...ReviewDocumentOptions })).returns<DocumentWritten>(),
  'documents.startBatch': method(
    // 'single': one .docx the user saved; 'perBranch': a folder the user chose, one file per branch in it.
    z.discriminatedUnion('mode', [
      z.object({ periodId: Id, mode: z.literal('single'), path: WritePath, ...BatchOptions }),
      z.object({ periodId: Id, mode: z.literal('perBranch'), path: WriteFolder, ...BatchOptions }),
    ]),
  ).returns<BatchJobStatus>(),
  'documents.jobStatus': method(z.object({ jobId: text('任务编号').min(1).max(80) })).returns<BatchJobStatus>(),
  'documents.cancelJob': method(z.object({ jobId: text('任务编号').min(1).max(80) })).returns<BatchJobStatus>(),
  // The review meeting's documents: 评审会材料, 会议纪要, 公示.
  'documents.meetingPack': method(z.object({ meetingId: Id, path: WritePath, fontScheme: z.enum(FONT_SCHEMES).optional() })).returns<DocumentWritten>(),
  'documents.minutes': method(z.object({ meetingId: Id, path: WritePath, fontScheme: z.enum(FONT_SCHEMES).optional() })).returns<DocumentWritten>(),
  'documents.publication': method(z.object({ periodId: Id, path: WritePath, ...ReviewDocumentOptions })).returns<DocumentWritten>(),
  // Documents made from results that have changed since: write one again at its recorded path with the options it was made with.
  'documents.regenerate': method(z.object({ recordId: Id })).returns<DocumentWritten>(),

  // Review meetings (评审会) and publication (公示): admin only, except 'meetings.current' (raters follow the meeting).
  'meetings.list': method(z.object({ periodId: Id })).returns<MeetingSummary[]>(),
  'meetings.get': method(z.object({ id: Id })).returns<MeetingDetail>(),
  'meetings.save': method(
    MeetingFields.extend({
      id: Id.nullable().default(null),
      withPanel: z.boolean().default(false),
      withAllBranches: z.boolean().default(false),
      reportMinutes: z.number().int().min(0).max(600).default(10),
    }),
  ).returns<MeetingDetail>(),
  'meetings.delete': method(z.object({ id: Id })).returns<null>(),
  'meetings.saveAttendees': method(z.object({ meetingId: Id, attendees: z.array(AttendeeInput).max(200) })).returns<MeetingDetail>(),
  'meetings.saveAgenda': method(z.object({ meetingId: Id, items: z.array(AgendaItemInput).max(600) })).returns<MeetingDetail>(),
  'meetings.start': method(z.object({ id: Id })).returns<MeetingDetail>(),
  'meetings.goTo': method(z.object({ id: Id, itemIndex: z.number().int().min(0) })).returns<MeetingDetail>(),
  'meetings.close': method(z.object({ id: Id })).returns<MeetingDetail>(),
  'meetings.reveal': method(z.object({ itemId: Id })).returns<MeetingDetail>(),
  'meetings.itemResult': method(z.object({ itemId: Id })).returns<ItemResult>(),
  'meetings.saveItem': method(
    z.object({ itemId: Id, decision: text('议定事项').trim().max(2000).default(''), notes: text('记录').trim().max(4000).default('') }),
  ).returns<MeetingDetail>(),
  'meetings.draftMinutes': method(z.object({ id: Id })).returns<{ text: string }>(),
  'meetings.saveMinutes': method(z.object({ id: Id, text: text('会议纪要').max(50_000) })).returns<MeetingDetail>(),
  'meetings.current': method(z.object({ periodId: Id })).returns<MeetingFollow | null>(),
  /** Saves the 公示 settings; marking published is gated like 进入评审 (`override` with a reason when something is missing). */
  'periods.publish': method(PublicationInput).returns<Publication>(),
  'periods.publication': method(z.object({ periodId: Id })).returns<Publication>(),

  'sample.create': method(
    z.object({ branches: z.number().int().min(1).max(500).default(12), raters: z.number().int().min(1).max(30).default(7), seed: z.number().int().optional() }),
  ).returns<SampleSummary>(),

  // Native dialogs and the shell: the main process owns them.
  'dialog.openFile': method(
    z.object({ title: text('标题').max(200).optional(), filters: z.array(FileFilter).max(20).default([]) }),
  ).returns<string | null>(),
  'dialog.saveFile': method(
    z.object({ title: text('标题').max(200).optional(), defaultName: text('文件名').max(255), filters: z.array(FileFilter).max(20).default([]) }),
  ).returns<string | null>(),
  'dialog.openFolder': method(z.object({ title: text('标题').max(200).optional() })).returns<string | null>(),
  'shell.showInFolder': method(z.object({ path: AbsolutePath() })).returns<null>(),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (before defaults are applied). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = Exclude<Api[M]['output'], undefined>;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);

/** The single generic entry point both transports (Electron IPC, test harness) provide. */
export type Invoke = <M extends MethodName>(method: M, input: Input<M>) => Promise<Result<Output<M>>>;
