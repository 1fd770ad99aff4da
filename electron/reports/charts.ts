/**
 * Charts for the Word documents, drawn in the main process (so the CLI writes
 * the same files as the app) with chart.js on @napi-rs/canvas:
 *
 *  - `rankingChart`: every branch's total as a horizontal bar coloured by its
 *    grade (the renderer's palette); beyond 40 branches, the distribution of
 *    totals in 5-point bands, stacked by grade;
 *  - `quadrantChart`: the fusion quadrant — party rate across, business rate
 *    up, the period's split lines, the four quadrants named in a free corner,
 *    points labelled where they overlap nothing;
 *  - `radarChart`: a branch's first-level dimensions against the panel average.
 *
 * Every chart has a white background (a PNG is transparent otherwise) and is
 * drawn for its size on paper at twice 96 dpi. Text is drawn in a CJK font
 * registered explicitly: `RONGPING_CHART_FONT` (a .ttf/.otf/.ttc file, a face
 * of a collection as `file.ttc#2`) or `setChartFont()`, else the first of the
 * fonts every Chinese Windows has, the macOS ones, or what fontconfig lists
 * for Chinese. Without one, `ChartFontMissing` is thrown and the documents
 * are written without their charts, saying why.
 *
 * PNGs are encoded here (unfiltered RGBA, zlib level 3 on the thread pool):
 * less than half the time of the canvas's own encoder, and smaller files.
 *
 * One module per kind under charts/ (font, drawing, ranking, quadrant, radar);
 * this file is what the documents import.
 */
export { CHART_FONT_ENV, ChartFontMissing, ensureChartFont, fontFace, setChartFont } from './charts/font';
export { encodePng, GRADE_COLORS, gradeColor, pt, shortName, type ChartImage } from './charts/draw';
export { RANKING_BARS_MAX, rankingChart, type RankingBar } from './charts/ranking';
export { QUADRANT_NAMES_MAX, quadrantChart, type QuadrantPoint } from './charts/quadrant';
export { radarChart, radarFloor, radarRenderer, type RadarAxis, type RadarRenderer } from './charts/radar';
