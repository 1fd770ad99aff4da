/** Pieces every results chart configuration uses: the title and its explanation, axes, clicks. */
import type { ActiveElement, Chart, ChartEvent } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ChartFrame } from './Chart';
import { CHART_COLORS } from './palette';
import { wrapText } from './text';

/** The title (what the chart says) and the subtitle (how to read it), wrapped to the width. */
export function titles(frame: ChartFrame, title: string, subtitle?: string) {
  const f = frame.fonts;
  const width = Math.max(200, frame.width - 16);
  return {
    title: {
      display: true,
      text: wrapText(title, f.title, width, 3, true),
      align: 'start' as const,
      color: CHART_COLORS.text,
      font: { size: f.title, weight: 'bold' as const },
      padding: { top: 0, bottom: subtitle ? 4 : 12 },
    },
    subtitle: {
      display: !!subtitle,
      text: subtitle ? wrapText(subtitle, f.subtitle, width, 3) : '',
      align: 'start' as const,
      color: CHART_COLORS.muted,
      font: { size: f.subtitle },
      padding: { bottom: 10 },
    },
  };
}

/** Ticks and axis titles at the frame's sizes. */
export const tickFont = (frame: ChartFrame) => ({ size: frame.fonts.tick });
export const axisTitle = (frame: ChartFrame, text: string) => ({
  display: true,
  text,
  color: CHART_COLORS.muted,
  font: { size: frame.fonts.tick },
  padding: { top: 6, bottom: 2 },
});

/** Tooltip fonts at the frame's sizes. */
export const tooltipFonts = (frame: ChartFrame) => ({
  titleFont: { size: frame.fonts.label, weight: 'bold' as const },
  bodyFont: { size: frame.fonts.label },
  footerFont: { size: Math.max(14, frame.fonts.label - 2), weight: 'normal' as const },
  padding: 10,
  boxPadding: 4,
});

/** Legend at the top-left, readable, swatches in the element's shape. */
export const legend = (frame: ChartFrame) => ({
  display: true,
  position: 'top' as const,
  align: 'start' as const,
  labels: { font: { size: frame.fonts.legend }, usePointStyle: true, boxWidth: frame.fonts.legend, boxHeight: frame.fonts.legend, padding: 14 },
});

/**
 * Clicking an element calls `open(datasetIndex, index)`; the pointer shows a hand over elements.
 * Returns `onClick` and `onHover` for the chart's options.
 */
export function clickable(open: (datasetIndex: number, index: number) => void) {
  return {
    onClick: (_e: ChartEvent, elements: ActiveElement[]) => {
      const el = elements[0];
      if (el) open(el.datasetIndex, el.index);
    },
    onHover: (e: ChartEvent, elements: ActiveElement[], chart: Chart) => {
      chart.canvas.style.cursor = elements.length ? 'pointer' : 'default';
      void e;
    },
  };
}

/** The latest value of a callback, so a chart's configuration need not change when the callback does. */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
