/**
 * One chart: a Chart.js canvas built from a configuration function, sized to
 * its container, with a 保存为图片 button (PNG through the save dialog and
 * the main process) and the font size the user chose (标准 / 投影).
 *
 * The configuration is rebuilt when the data, the width or the font size
 * changes: a chart's layout (title lines, label placement) depends on all
 * three, and rebuilding a chart of a few dozen elements takes milliseconds.
 */
import { PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { Chart as ChartJS, type ChartConfiguration } from 'chart.js';
import { Component, createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { call } from '../api/client';
import { useFeedback } from '../hooks/useFeedback';
import './charts.css';
import { CHART_FONTS, setupCharts, type ChartFonts, type ChartSize } from './setup';

setupCharts();

/** What a configuration is built for. */
export interface ChartFrame {
  fonts: ChartFonts;
  size: ChartSize;
  /** The canvas's width in CSS px. */
  width: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChartConfiguration = ChartConfiguration<any, any, any>;

/** The canvas keeps its chart, so tests (and devtools) can read what is drawn. */
export type ChartCanvas = HTMLCanvasElement & { rpChart?: ChartJS };

// ---- Font size: 标准 / 投影 (remembered on this PC) ----

const SIZE_KEY = 'rongping.chartSize';
const SizeContext = createContext<{ size: ChartSize; setSize: (s: ChartSize) => void }>({ size: 'normal', setSize: () => {} });

export function ChartSizeProvider({ children }: { children: ReactNode }) {
  const [size, setSizeState] = useState<ChartSize>(() => (localStorage.getItem(SIZE_KEY) === 'projector' ? 'projector' : 'normal'));
  const value = useMemo(
    () => ({
      size,
      setSize: (s: ChartSize) => {
        localStorage.setItem(SIZE_KEY, s);
        setSizeState(s);
      },
    }),
    [size],
  );
  return <SizeContext.Provider value={value}>{children}</SizeContext.Provider>;
}

export const useChartSize = () => useContext(SizeContext);

// ---- Rendering to PNG ----

/** Largest saved picture, in device pixels (keeps memory and file size sensible for 500 branches). */
const MAX_SAVE_PIXELS = 16_000_000;

/**
 * Draws the configuration again on a detached canvas at twice the resolution (sharp in Word and on
 * slides), white background included, and returns the PNG as base64 (without the data: prefix).
 */
export function renderPng(build: (frame: ChartFrame) => AnyChartConfiguration, frame: ChartFrame, height: number): string {
  const width = Math.round(frame.width);
  const ratio = Math.max(1, Math.min(2, Math.sqrt(MAX_SAVE_PIXELS / (width * height))));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = Math.round(height);
  const config = build(frame);
  const chart = new ChartJS(canvas, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: ratio, events: [] },
  });
  try {
    chart.draw();
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    chart.destroy();
  }
}

// ---- The component ----

export interface ChartProps {
  testId: string;
  /** Builds the configuration; pass a stable function (useCallback) so the chart is rebuilt only when it changes. */
  config: (frame: ChartFrame) => AnyChartConfiguration;
  /** Height in CSS px for a frame (usually grows with the font size or the number of bars). */
  height: (frame: Omit<ChartFrame, 'width'>) => number;
  /** The picture's default file name, without .png (the period or branch first, then what the chart shows). */
  fileName: string;
  /** What the chart says, for screen readers (the title drawn on the canvas). */
  label: string;
  /** Controls shown left of the save button (a branch picker …). */
  extra?: ReactNode;
  /** A line under the chart (what is not drawn, and why). */
  note?: ReactNode;
  className?: string;
}

export function Chart(props: ChartProps) {
  const { config, height, fileName, testId, label } = props;
  const { size } = useChartSize();
  const fonts = CHART_FONTS[size];
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const { message, showError } = useFeedback();
  const h = Math.round(height({ fonts, size }));

  // Follow the container's width (tabs, drawers and window resizes).
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => {
      const w = Math.floor(box.clientWidth);
      if (w > 0) setWidth((old) => (old !== null && Math.abs(old - w) < 2 ? old : w));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const save = async () => {
    if (width === null) return;
    setSaving(true);
    try {
      const target = await call('dialog.saveFile', {
        title: t('results.charts.saveTitle'),
        // Characters Windows refuses in file names become “_”.
        defaultName: `${fileName.replace(/[\\/:*?"<>|]+/g, '_').trim()}.png`,
        filters: [{ name: t('results.charts.pngFilter'), extensions: ['png'] }],
      });
      if (!target) return;
      let dataBase64: string;
      try {
        dataBase64 = renderPng(config, { fonts, size, width }, h);
      } catch (e) {
        throw new Error(t('results.charts.saveFailed', { reason: e instanceof Error ? e.message : String(e) }), { cause: e });
      }
      const { path } = await call('files.writePng', { path: target, dataBase64 });
      void message.success({
        content: (
          <span data-testid="chart-saved">
            {t('results.charts.saved', { path })}{' '}
            <Typography.Link onClick={() => void call('shell.showInFolder', { path })}>{t('file.showInFolder')}</Typography.Link>
          </span>
        ),
        duration: 8,
      });
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <figure className={`rpc-chart ${props.className ?? ''}`} data-testid={testId}>
      <div className="rpc-chart-bar">
        <div className="rpc-chart-extra">{props.extra}</div>
        <Button size="small" icon={<PictureOutlined />} loading={saving} onClick={() => void save()} data-testid={`${testId}-save`}>
          {t('results.charts.save')}
        </Button>
      </div>
      <div ref={boxRef} className="rpc-chart-box" style={{ height: h }}>
        <DrawingBoundary reset={[config, size, width]}>
          {width !== null && <ChartDrawing config={config} frame={{ fonts, size, width }} height={h} label={label} />}
        </DrawingBoundary>
      </div>
      {props.note && <figcaption className="rpc-chart-note">{props.note}</figcaption>}
    </figure>
  );
}

/** The canvas and its Chart.js instance, rebuilt whenever the configuration or the frame changes. */
function ChartDrawing({ config, frame, height, label }: { config: ChartProps['config']; frame: ChartFrame; height: number; label: string }) {
  const canvasRef = useRef<ChartCanvas>(null);
  const { fonts, size, width } = frame;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new ChartJS(canvas, config({ fonts, size, width }));
    canvas.rpChart = chart;
    return () => {
      chart.destroy();
      delete canvas.rpChart;
    };
  }, [config, fonts, size, width, height]);
  return <canvas ref={canvasRef} role="img" aria-label={label} />;
}

/**
 * A chart that cannot be drawn says so in its card and never takes the screen down with it; it is
 * tried again when its data, font size or width changes.
 */
class DrawingBoundary extends Component<{ reset: unknown[]; children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override componentDidUpdate(prev: { reset: unknown[] }) {
    if (this.state.error !== null && prev.reset.some((v, i) => v !== this.props.reset[i])) this.setState({ error: null });
  }
  override render() {
    return this.state.error !== null ? (
      <Alert type="error" showIcon title={t('results.charts.drawFailed', { reason: this.state.error })} />
    ) : (
      this.props.children
    );
  }
}
