/**
 * Word documents the app writes (评分表, 考核结果通报, 支部考核反馈单 …): what both
 * sides need to ask for one and to follow a batch. The layout itself lives in
 * electron/reports/style.ts.
 */
import type { ErrorCode } from '../result';

/**
 * Which fonts a document names. 'gb2312': the fonts GB/T 9704 names (仿宋_GB2312,
 * 方正小标宋简体, 楷体_GB2312, 黑体), installed on most Party/government office PCs;
 * 'windows': the fonts every Chinese Windows has (仿宋, 宋体, 楷体, 黑体).
 */
export const FONT_SCHEMES = ['gb2312', 'windows'] as const;
export type FontScheme = (typeof FONT_SCHEMES)[number];

/** What writing a document returns. */
export interface DocumentWritten {
  path: string;
  /** Not known: Word and WPS paginate when they open the file. */
  pages?: number;
  /** Written, but with something left out (e.g. charts without a Chinese font), in the user's words. */
  warnings?: string[];
}

/** A batch of feedback sheets: every sheet in one file (a page break between them), or one file per branch in a folder. */
export const BATCH_MODES = ['single', 'perBranch'] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

export const JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Where a batch stands; the renderer polls it for its progress bar. */
export interface BatchJobStatus {
  jobId: string;
  mode: BatchMode;
  state: JobState;
  /** 'sheets' while branches are being written; 'writing' while one big file is packed and saved. */
  phase: 'sheets' | 'writing';
  done: number;
  total: number;
  /** Files written so far (per branch), or the one file once it is saved. */
  files: string[];
  /** The folder the files are in (to open it). */
  folder: string;
  error: { code: ErrorCode; message: string } | null;
  warnings: string[];
}

/** What the documents screen starts from: remembered from the last document written. */
export interface DocumentDefaults {
  /** 发文机关署名 at the end of the bulletin and the feedback sheets. */
  issuer: string;
  fontScheme: FontScheme;
}

export const DEFAULT_ISSUER = '党委组织部';
