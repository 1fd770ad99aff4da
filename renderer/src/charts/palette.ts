/**
 * The colours of results, the same on every screen, chart and saved picture:
 * grades (优秀/良好/一般/较差), fusion quadrants, indicator tags, raters.
 *
 * Colour-blind safety: grades differ in hue AND lightness and are always
 * named next to the colour (tags, legends, value labels); quadrants use the
 * Okabe–Ito palette and a different point shape each; the leniency chart's
 * lenient/harsh pair is Okabe–Ito blue/vermillion.
 */
import type { Tag } from '../../../shared/domain/framework';
import type { Quadrant } from '../../../shared/engine';

/** Okabe & Ito (2008): eight colours distinguishable with every common colour-vision deficiency. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** A colour per rater, in panel order (Okabe–Ito without yellow, which is too pale on white). */
export const RATER_SEQUENCE: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.black,
];
export const raterColor = (index: number): string => RATER_SEQUENCE[((index % RATER_SEQUENCE.length) + RATER_SEQUENCE.length) % RATER_SEQUENCE.length]!;

// ---- Grades ----

export interface GradeStyle {
  /** Text on the tag. */
  color: string;
  /** The tag's background. */
  background: string;
  border: string;
  /** Bars, points and legend swatches in charts (strong enough to read on white). */
  fill: string;
}

const GRADE_STYLES: Record<string, GradeStyle> = {
  优秀: { color: '#ffffff', background: '#1a7f37', border: '#1a7f37', fill: '#1a7f37' },
  良好: { color: '#ffffff', background: '#0969da', border: '#0969da', fill: '#0969da' },
  一般: { color: '#7a4b00', background: '#fff1c2', border: '#d4a72c', fill: '#d4a72c' },
  较差: { color: '#ffffff', background: '#b3261e', border: '#b3261e', fill: '#b3261e' },
};

/**
 * Periods may name their grades otherwise (好/较好/一般/差, or five grades): those take the colour of
 * their position, best first, in the same order as the four above.
 */
const BY_POSITION: readonly GradeStyle[] = [
  GRADE_STYLES['优秀']!,
  GRADE_STYLES['良好']!,
  GRADE_STYLES['一般']!,
  GRADE_STYLES['较差']!,
];
const FIVE: readonly GradeStyle[] = [
  GRADE_STYLES['优秀']!,
  GRADE_STYLES['良好']!,
  { color: '#ffffff', background: '#8250df', border: '#8250df', fill: '#8250df' },
  GRADE_STYLES['一般']!,
  GRADE_STYLES['较差']!,
];
const UNKNOWN_GRADE: GradeStyle = { color: 'rgba(0,0,0,0.75)', background: '#f0f0f0', border: '#bfbfbf', fill: '#8c8c8c' };

/**
 * A grade's style: by its label (优秀/良好/一般/较差), else by its position among the period's grades
 * (`index` of `count`; the last is always the lowest colour), else grey.
 */
export function gradeStyle(label: string, index?: number, count?: number): GradeStyle {
  const known = GRADE_STYLES[label];
  if (known) return known;
  if (index === undefined || index < 0) return UNKNOWN_GRADE;
  const n = count ?? BY_POSITION.length;
  if (n === 5) return FIVE[index] ?? UNKNOWN_GRADE;
  if (index === n - 1) return BY_POSITION[BY_POSITION.length - 1]!;
  return BY_POSITION[Math.min(index, BY_POSITION.length - 2)] ?? UNKNOWN_GRADE;
}

/** The chart colour of a grade (see gradeStyle). */
export const gradeColor = (label: string, index?: number, count?: number): string => gradeStyle(label, index, count).fill;

/** The same, looked up in the period's list of grade labels (best first). */
export function gradeColorIn(labels: readonly string[], label: string): string {
  return gradeColor(label, labels.indexOf(label), labels.length);
}
export function gradeStyleIn(labels: readonly string[], label: string): GradeStyle {
  return gradeStyle(label, labels.indexOf(label), labels.length);
}

// ---- Fusion quadrants (两张皮) ----

export interface QuadrantStyle {
  /** Points, lines and legend in charts. */
  fill: string;
  /** Tags: a light tint, a border, and dark text of the same hue (readable at 12 px). */
  tagBackground: string;
  tagBorder: string;
  tagText: string;
  /** Point shape in the scatter (redundant with the colour). */
  shape: 'circle' | 'triangle' | 'rectRot' | 'rect';
}

export const QUADRANT_STYLES: Record<Quadrant, QuadrantStyle> = {
  双强: { fill: OKABE_ITO.bluishGreen, tagBackground: '#e6f5f0', tagBorder: '#8fd3bd', tagText: '#00654a', shape: 'circle' },
  党建强业务弱: { fill: OKABE_ITO.reddishPurple, tagBackground: '#faeef5', tagBorder: '#e3b3cf', tagText: '#8e3f6f', shape: 'triangle' },
  业务强党建弱: { fill: OKABE_ITO.blue, tagBackground: '#e6f1f8', tagBorder: '#8dbcdc', tagText: '#005a8c', shape: 'rectRot' },
  双弱: { fill: OKABE_ITO.vermillion, tagBackground: '#fbefe6', tagBorder: '#eeb08a', tagText: '#a34700', shape: 'rect' },
};
const NO_QUADRANT: QuadrantStyle = { fill: '#8c8c8c', tagBackground: '#f5f5f5', tagBorder: '#d9d9d9', tagText: 'rgba(0,0,0,0.65)', shape: 'circle' };
export const quadrantStyle = (q: string | null | undefined): QuadrantStyle => (q && q in QUADRANT_STYLES ? QUADRANT_STYLES[q as Quadrant] : NO_QUADRANT);

// ---- Indicator tags: the framework screen's colours ----

/** Ant Design tag colour names, as on the framework screen. */
export const TAG_COLORS: Record<Tag, string> = { party: 'red', business: 'blue', fusion: 'purple' };
/** Solid colours for charts (the same hues as the tags). */
export const TAG_FILLS: Record<Tag, string> = { party: '#cf1322', business: '#1677ff', fusion: '#722ed1' };

// ---- Other chart colours ----

export const CHART_COLORS = {
  /** The branch being looked at (radar, trend). */
  focus: OKABE_ITO.blue,
  /** Comparison figures: the panel average, reference lines. */
  reference: '#595959',
  /** Neutral bars (histogram). */
  neutral: '#5b7a99',
  /** Lenient / harsh raters (as the 偏宽 / 偏严 tags). */
  lenient: OKABE_ITO.blue,
  harsh: OKABE_ITO.vermillion,
  withinRange: '#a6a6a6',
  grid: '#e8e8e8',
  text: '#1f1f1f',
  muted: '#595959',
  veto: '#262626',
} as const;

/** A colour with an alpha, for tints (#rrggbb → rgba). */
export function withAlpha(hex: string, alpha: number): string {
  const h = hex.replace('#', '');
  const n = parseInt(h.length === 3 ? h.replace(/./g, (c) => c + c) : h, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
