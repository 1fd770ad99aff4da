import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PERIOD_KIND_LABELS, PERIOD_STATUS_LABELS, PERIOD_STATUSES } from '../../../../shared/domain/period';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { useFeedback } from '../../hooks/useFeedback';
import { PeriodDrawer } from './PeriodDrawer';
import { PeriodFormModal } from './PeriodFormModal';
import { advanceLabel, PeriodStatusTag, useAdvancePeriod } from '../../components/period/periodUi';
import './periods.css';

/** The lifecycle as one line: 准备中 → 评分中 → 评审中 → 已定稿. */
const LIFECYCLE = PERIOD_STATUSES.map((s) => PERIOD_STATUS_LABELS[s]).join(' → ');

export function PeriodsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const current = useCurrentPeriod();
  const advance = useAdvancePeriod();

  // Archived periods (deleted once they had history) are kept for the record and listed only on request, read-only.
  const [includeArchived, setIncludeArchived] = useState(false);
  const periods = useApi('periods.list', includeArchived ? { includeArchived } : {});
  const rows = periods.data ?? [];
  const archivedCount = rows.filter((p) => p.archivedAt !== null).length;

  // Dialogs live in the address (?create=1, ?edit=ID, ?detail=ID) so other screens can open them.
  const num = (key: string) => {
    const v = Number(params.get(key));
    return Number.isInteger(v) && v > 0 ? v : null;
  };
  const detailId = num('detail');
  const editId = num('edit');
  const editing = editId === null ? null : (rows.find((p) => p.id === editId) ?? null);
  const creating = params.get('create') === '1';
  const open = (key: 'create' | 'edit' | 'detail' | null, value = '1') => {
    const next = new URLSearchParams();
    if (key === 'edit' && detailId !== null) next.set('detail', String(detailId));
    if (key) next.set(key, value);
    setParams(next, { replace: true });
  };
  const closeEdit = () => open(detailId !== null ? 'detail' : null, String(detailId));

  const remove = useMutation({
    mutationFn: (p: Period) => call('periods.delete', { id: p.id }),
    onSuccess: async (v, p) => {
      await queryClient.invalidateQueries();
      void message.success(t(v.archived ? 'period.archived.ok' : 'period.deleted.ok', { name: p.name }));
    },
    onError: showError,
  });

  const confirmDelete = (p: Period) =>
    modal.confirm({
      title: t('period.delete.confirmTitle', { name: p.name }),
      content: p.entryCount > 0 ? t('period.delete.hasEntries', { entries: p.entryCount }) : t('period.delete.confirm', { raters: p.raterCount, branches: p.branchCount }),
      okText: t('period.action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('ui.cancel'),
      width: 480,
      onOk: () => remove.mutate(p),
    });

  const makeCurrent = (p: Period) => {
    current.switchTo(p.id);
    void message.success(t('period.madeCurrent', { name: p.name }));
  };

  const emptyText = (
    <Empty description={<span><b>{t('period.empty.title')}</b><br />{t('period.empty.body')}</span>}>
      <Space>
        <Tooltip title={t('period.createHint')}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('create')}>
            {t('period.action.create')}
          </Button>
        </Tooltip>
        <Tooltip title={t('period.wizardHint')}>
          <Button icon={<ThunderboltOutlined />} onClick={() => void navigate('/?new=1')}>
            {t('home.action.wizard')}
          </Button>
        </Tooltip>
      </Space>
    </Empty>
  );

  return (
    <div className="rp-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('period.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('period.intro', { lifecycle: LIFECYCLE })}</Typography.Text>
      <div className="rp-toolbar">
        <Space size={16} wrap>
          <Typography.Text type="secondary">
            {rows.length === 0 ? '' : archivedCount > 0 ? t('period.countWithArchived', { count: rows.length, archived: archivedCount }) : t('period.count', { count: rows.length })}
          </Typography.Text>
          <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
            {t('period.showArchived')}
          </Checkbox>
        </Space>
        <Space wrap>
          <Tooltip title={t('period.wizardHint')}>
            <Button icon={<ThunderboltOutlined />} onClick={() => void navigate('/?new=1')}>
              {t('home.action.wizard')}
            </Button>
          </Tooltip>
          <Tooltip title={t('period.createHint')}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('create')}>
              {t('period.action.create')}
            </Button>
          </Tooltip>
        </Space>
      </div>
      <Table<Period>
        rowKey="id"
        size="middle"
        loading={periods.isPending}
        dataSource={rows}
        locale={{ emptyText }}
        rowClassName={(p) => (p.archivedAt ? 'rp-archived' : '')}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1040 }}
        columns={[
          {
            title: t('period.field.name'),
            width: 240,
            render: (_, p) =>
              p.archivedAt ? (
                <Space size={6} wrap>
                  <span>{p.name}</span>
                  <Tooltip title={t('period.archivedAt', { at: dayjs(p.archivedAt).format('YYYY-MM-DD HH:mm') })}>
                    <Tag data-testid="period-archived">{t('period.status.archived')}</Tag>
                  </Tooltip>
                </Space>
              ) : (
                <Space size={6} wrap>
                  <Typography.Link onClick={() => open('detail', String(p.id))}>{p.name}</Typography.Link>
                  {p.id === current.periodId ? (
                    <Tag color="red">{t('period.current')}</Tag>
                  ) : (
                    <Typography.Link className="rp-make-current" onClick={() => makeCurrent(p)}>
                      {t('period.action.makeCurrent')}
                    </Typography.Link>
                  )}
                </Space>
              ),
          },
          { title: t('period.field.yearKind'), width: 96, render: (_, p) => `${p.year} ${PERIOD_KIND_LABELS[p.kind]}` },
          {
            title: t('period.field.framework'),
            width: 210,
            render: (_, p) => (
              <>
                <div>{p.frameworkName}</div>
                <Typography.Text type="secondary">{t('period.version', { version: p.frameworkVersion })}</Typography.Text>
              </>
            ),
          },
          { title: t('period.field.status'), width: 84, render: (_, p) => <PeriodStatusTag status={p.status} /> },
          { title: t('period.field.branchCount'), dataIndex: 'branchCount', width: 64, align: 'right' },
          { title: t('period.field.raterCount'), dataIndex: 'raterCount', width: 64, align: 'right' },
          { title: t('period.field.entryCount'), dataIndex: 'entryCount', width: 80, align: 'right' },
          {
            title: t('ui.actions'),
            width: 210,
            fixed: 'right',
            render: (_, p) => {
              if (p.archivedAt) return null;
              const next = advanceLabel(p.status);
              return (
                <Space size={12} className="rp-nowrap">
                  <Typography.Link onClick={() => open('detail', String(p.id))}>{t('period.action.settings')}</Typography.Link>
                  {next && <Typography.Link onClick={() => advance.start(p)}>{next}</Typography.Link>}
                  {p.status !== 'finalised' && (
                    <Typography.Link onClick={() => open('edit', String(p.id))}>{t('period.action.edit')}</Typography.Link>
                  )}
                  <Typography.Link type="danger" onClick={() => confirmDelete(p)}>
                    {t('period.action.delete')}
                  </Typography.Link>
                </Space>
              );
            },
          },
        ]}
      />
      <PeriodFormModal open={creating || editing !== null} period={editing} onClose={editing ? closeEdit : () => open(null)} />
      <PeriodDrawer periodId={detailId} onClose={() => open(null)} onEdit={(p) => open('edit', String(p.id))} />
    </div>
  );
}
