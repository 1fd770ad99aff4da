/**
 * Chart.js, registered once for the whole renderer: only the parts the
 * results charts use, a Chinese font stack, sizes readable on a 1366×768
 * plant PC and on a 1024×768 projector, and a white background so a chart
 * saved as a picture is not transparent (it is pasted into Word and slides).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  ScatterController,
  SubTitle,
  Title,
  Tooltip,
  type Plugin,
} from 'chart.js';
import { CHART_COLORS } from './palette';

/** The app's font stack (theme.ts), CJK faces first so Chinese never falls back to a serif. */
export const CHART_FONT_FAMILY =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', -apple-system, sans-serif";

export type ChartSize = 'normal' | 'projector';

export interface ChartFonts {
  /** Axis ticks and point labels. */
  tick: number;
  /** Labels drawn on the chart (values, quadrant names, reference lines). */
  label: number;
  legend: number;
  title: number;
  subtitle: number;
  /** Multiplies heights of charts and rows. */
  scale: number;
}

/** Normal: ≥ 14 px everywhere, 18 px titles. Projector: read from the back of a meeting room at 1024×768. */
export const CHART_FONTS: Record<ChartSize, ChartFonts> = {
  normal: { tick: 14, label: 14, legend: 14, title: 18, subtitle: 14, scale: 1 },
  projector: { tick: 18, label: 18, legend: 18, title: 24, subtitle: 18, scale: 1.3 },
};

/** Fills the canvas white under everything drawn (screen and saved PNG alike). */
export const whiteBackground: Plugin = {
  id: 'rpWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

let registered = false;

/** Registers Chart.js's parts and the app's defaults; safe to call many times. */
export function setupCharts(): void {
  if (registered) return;
  registered = true;
  Chart.register(
    BarController,
    BarElement,
    CategoryScale,
    LinearScale,
    LineController,
    LineElement,
    PointElement,
    RadarController,
    RadialLinearScale,
    ScatterController,
    Filler,
    Legend,
    SubTitle,
    Title,
    Tooltip,
    whiteBackground,
  );
  const d = Chart.defaults;
  d.font.family = CHART_FONT_FAMILY;
  d.font.size = CHART_FONTS.normal.tick;
  d.color = CHART_COLORS.text;
  d.borderColor = CHART_COLORS.grid;
  // Figures to read at a glance, the same in a screenshot as on screen: no animation.
  d.animation = false;
  d.responsive = true;
  d.maintainAspectRatio = false;
  d.plugins.tooltip.titleFont = { family: CHART_FONT_FAMILY, size: 14, weight: 'bold' };
  d.plugins.tooltip.bodyFont = { family: CHART_FONT_FAMILY, size: 14 };
  d.plugins.tooltip.padding = 10;
  d.plugins.legend.labels.usePointStyle = true;
}
