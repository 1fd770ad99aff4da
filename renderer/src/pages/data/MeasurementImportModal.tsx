/** Importing a filled 业务数据 workbook: what it would store, then all or nothing. */
import type { Indicator } from '../../../../shared/domain/framework';
import type { Branch } from '../../../../shared/domain/branch';
import type { MeasurementImportRow } from '../../../../shared/domain/measurements';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import type { PickedFile } from '../../components/ImportPreviewModal';
import { formatNumber } from './common';
import { DataImportModal } from './DataImportModal';

interface Props {
  periodId: number;
  picked: PickedFile | null;
  branchById: Map<number, Branch>;
  indicatorById: Map<number, Indicator>;
  onDone: () => Promise<unknown>;
  onClose: () => void;
  onPickAgain: () => void;
}

export function MeasurementImportModal({ periodId, picked, branchById, indicatorById, onDone, onClose, onPickAgain }: Props) {
  return (
    <DataImportModal<'measurements.previewImport', MeasurementImportRow>
      picked={picked}
      title={t('data.m.importTitle')}
      method="measurements.previewImport"
      periodId={periodId}
      rowsOf={(p) => p.rows}
      rowKey={(r) => r.row}
      summary={(p, c) => t('data.m.previewOk', { create: c.create, update: c.update, unchanged: c.unchanged, skipped: p.skipped })}
      confirmLabel={(_p, n) => t('data.m.importConfirm', { count: n })}
      columns={[
        {
          title: t('data.m.col.branch'),
          key: 'branch',
          ellipsis: true,
          render: (_: unknown, r: MeasurementImportRow) => `${r.branchCode} ${branchById.get(r.branchId)?.name ?? ''}`,
        },
        {
          title: t('data.m.col.indicator'),
          key: 'indicator',
          ellipsis: true,
          render: (_: unknown, r: MeasurementImportRow) => `${r.indicatorCode} ${indicatorById.get(r.indicatorId)?.name ?? ''}`,
        },
        { title: t('data.m.col.target'), dataIndex: 'target', width: 90, align: 'right', render: formatNumber },
        { title: t('data.m.col.actual'), dataIndex: 'actual', width: 90, align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
        { title: t('data.m.col.floor'), dataIndex: 'floor', width: 90, align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
        { title: t('data.m.col.source'), dataIndex: 'source', width: 120, ellipsis: true },
      ]}
      commit={async (path) => {
        const r = await call('measurements.import', { periodId, path });
        return t('data.m.importDone', { saved: r.saved, unchanged: r.unchanged, skipped: r.skipped });
      }}
      onDone={onDone}
      onClose={onClose}
      onPickAgain={onPickAgain}
    />
  );
}
