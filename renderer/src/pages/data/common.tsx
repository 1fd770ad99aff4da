/**
 * Pieces every tab of 业务数据 shares: the period's names (branches,
 * indicators, raters) for lookups, saving a workbook through the save dialog,
 * picking one through the open dialog, and how times and numbers are printed.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import type { WorkbookExportResult } from '../../../../shared/domain/workbook';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate, useApi } from '../../api/useApi';
import type { PickedFile } from '../../components/ImportPreviewModal';
import { pickXlsx, pickXlsxSavePath } from '../../files';
import { useFeedback } from '../../hooks/useFeedback';


/** 2026-11-21 14:03:05 in local time (tables); '' for null. */
export const formatTime = (iso: string | null | undefined, withSeconds = true) =>
  iso ? dayjs(iso).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : '';

/** A figure as typed: no trailing zeros, thousands separated (1,234.5). */
export const formatNumber = (x: number | null | undefined) =>
  x === null || x === undefined ? '' : Number(x.toPrecision(12)).toLocaleString('zh-CN', { maximumFractionDigits: 6 });

/** Points with two decimals, as the results screens print them. */
export const formatPoints = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

/** The answers that change when business data, self-assessments or entries change (`methods`: what else, by service or method). */
export function useInvalidatePeriodData() {
  const queryClient = useQueryClient();
  return (...methods: string[]) => invalidate(queryClient, ...methods, 'audit', 'results', 'periods', 'scoring.progress', 'scoring.sheet');
}

export type { PickedFile };

/** Names for ids: the period's framework indicators, every branch (archived ones too), the panel. */
export function usePeriodNames(periodId: number | null, frameworkId: number | null) {
  const framework = useApi('frameworks.get', { id: frameworkId! }, { enabled: frameworkId !== null });
  const branches = useApi('branches.list', { includeArchived: true });
  const panel = useApi('panel.get', { periodId: periodId! }, { enabled: periodId !== null });
  return useMemo(() => {
    const indicators = framework.data?.indicators ?? [];
    return {
      indicators,
      indicatorById: new Map<number, Indicator>(indicators.map((i) => [i.id, i])),
      branchById: new Map((branches.data ?? []).map((b) => [b.id, b])),
      raters: panel.data?.raters ?? [],
      raterById: new Map((panel.data?.raters ?? []).map((r) => [r.id, r])),
      groupById: new Map((panel.data?.groups ?? []).map((g) => [g.id, g])),
      loading: framework.isPending || branches.isPending || panel.isPending,
    };
  }, [framework.data, framework.isPending, branches.data, branches.isPending, panel.data, panel.isPending]);
}

/**
 * Asks where to save, writes the workbook there, and says where it went (with
 * a link to the folder). Refusals from the service are shown as they come.
 */
export function useWorkbookSaver() {
  const { message, showError } = useFeedback();
  return async (
    options: { title: string; defaultName: string; done: (rows: number) => string },
    write: (path: string) => Promise<WorkbookExportResult | { path: string }>,
  ): Promise<boolean> => {
    try {
      const target = await pickXlsxSavePath(options.title, options.defaultName);
      if (!target) return false;
      const result = await write(target);
      const rows = 'rows' in result ? result.rows : 0;
      void message.success({
        content: (
          <span data-testid="saved-message">
            {options.done(rows)}{t('data.file.savedTo', { path: result.path })}{' '}
            <Typography.Link onClick={() => void call('shell.showInFolder', { path: result.path })}>{t('file.showInFolder')}</Typography.Link>
          </span>
        ),
        duration: 8,
      });
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  };
}

/** The open dialog for a workbook; null when cancelled. */
export function useWorkbookPicker() {
  const { showError } = useFeedback();
  return async (title: string): Promise<PickedFile | null> => {
    try {
      const path = await pickXlsx(title);
      return path ? { path, pickedAt: Date.now() } : null;
    } catch (e) {
      showError(e);
      return null;
    }
  };
}

/** A file name safe on Windows, from the period's name. */
export const fileName = (periodName: string, what: string) => `${periodName.replace(/[\\/:*?"<>|]/g, '_')}-${what}.xlsx`;
