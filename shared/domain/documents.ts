/**
 * Word documents the app writes (评分表 …): what both sides need to ask for one.
 * The layout itself lives in electron/reports/style.ts.
 */

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
}
