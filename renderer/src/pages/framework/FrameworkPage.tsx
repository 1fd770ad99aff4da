import {
  CopyOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  ExportOutlined,
  LockOutlined,
  PlusOutlined,
  UnlockOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { UNIFIED_TEMPLATE } from '../../../../shared/domain/templates/unified';
import type { FrameworkSummary } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate, useApi } from '../../api/useApi';
import { pickXlsx, pickXlsxSavePath } from '../../files';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { useFeedback } from '../../hooks/useFeedback';
import './framework.css';
import { FrameworkImportModal, type PickedFile } from './FrameworkImportModal';
import { FrameworkCreateModal, FrameworkRenameModal, type CreateSource } from './FrameworkMetaModals';
import { IndicatorEditor } from './IndicatorEditor';
import { defaultFrameworkId, periodNames } from './model';

/** 指标体系: the versions of the framework and the editor of the selected one. */
export function FrameworkPage() {
  const params = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const { period } = useCurrentPeriod();
  const [creating, setCreating] = useState<{ source: CreateSource; copyFrom: number | null } | null>(null);
  const [renaming, setRenaming] = useState<FrameworkSummary | null>(null);
  const [importFile, setImportFile] = useState<PickedFile | null>(null);

  const list = useApi('frameworks.list', {});
  const frameworks = list.data ?? [];
  const wanted = Number(params['*']) || null;
  const selectedId = wanted !== null && frameworks.some((f) => f.id === wanted) ? wanted : defaultFrameworkId(frameworks, period?.frameworkId ?? null);
  const summary = frameworks.find((f) => f.id === selectedId) ?? null;

  // A version named in the address that no longer exists (deleted elsewhere): say so and show another.
  const missing = list.isSuccess && wanted !== null && !list.data.some((f) => f.id === wanted);
  useEffect(() => {
    if (!missing) return;
    void message.warning(t('fw.notFound'));
    void navigate('/framework', { replace: true });
  }, [missing, message, navigate]);

  const detail = useApi('frameworks.get', { id: selectedId! }, { enabled: selectedId !== null });

  const select = (id: number) => void navigate(`/framework/${id}`);
  const settle = () => invalidate(queryClient, 'frameworks');

  const newVersion = useMutation({
    mutationFn: (f: FrameworkSummary) => call('frameworks.newVersion', { id: f.id }),
    onSuccess: async ({ id }, f) => {
      await settle();
      const created = queryClient.getQueryData<FrameworkSummary[]>(['frameworks', 'list'])?.find((x) => x.id === id);
      void message.success(t('fw.newVersion.ok', { name: f.name, version: created?.version ?? f.version + 1 }));
      select(id);
    },
    onError: showError,
  });

  // A new version is a new framework the periods can choose: confirm first, saying what it is and what it is not.
  const confirmNewVersion = (f: FrameworkSummary) =>
    modal.confirm({
      title: t('fw.newVersion.confirmTitle', { name: f.name, version: f.version + 1 }),
      content: t('fw.newVersion.confirmBody', { version: f.version }),
      okText: t('fw.action.newVersion'),
      cancelText: t('ui.cancel'),
      onOk: () => newVersion.mutateAsync(f),
    });

  const remove = useMutation({
    mutationFn: (f: FrameworkSummary) => call('frameworks.delete', { id: f.id }),
    onSuccess: (_r, f) => {
      void message.success(t('fw.delete.ok', { name: f.name, version: f.version }));
      void navigate('/framework', { replace: true });
    },
    onError: showError,
    onSettled: settle,
  });

  /** Says where a file went, with a link to its folder. */
  const savedTo = (text: string, path: string) =>
    void message.success({
      content: (
        <span>
          {text}{' '}
          <Typography.Link onClick={() => void call('shell.showInFolder', { path })}>{t('file.showInFolder')}</Typography.Link>
        </span>
      ),
      duration: 8,
    });

  const chooseImportFile = async () => {
    try {
      const file = await pickXlsx(t('fw.import.title'));
      if (file) setImportFile({ path: file, pickedAt: Date.now() });
    } catch (e) {
      showError(e);
    }
  };

  const saveTemplate = async () => {
    try {
      const target = await pickXlsxSavePath(t('fw.action.template'), t('fw.template.fileName'));
      if (!target) return;
      const { path } = await call('frameworks.writeTemplate', { path: target });
      savedTo(t('fw.template.done', { path }), path);
    } catch (e) {
      showError(e);
    }
  };

  const exportFramework = async (f: FrameworkSummary) => {
    try {
      const target = await pickXlsxSavePath(t('fw.action.export'), t('fw.export.fileName', { name: f.name, version: f.version }));
      if (!target) return;
      const { path } = await call('frameworks.export', { id: f.id, path: target });
      savedTo(t('fw.export.done', { path }), path);
    } catch (e) {
      showError(e);
    }
  };

  const importModal = (
    <FrameworkImportModal
      picked={importFile}
      onClose={() => setImportFile(null)}
      onPickAgain={() => void chooseImportFile()}
      onSaveTemplate={() => void saveTemplate()}
      onImported={(id) => {
        setImportFile(null);
        select(id);
      }}
    />
  );

  const confirmDelete = (f: FrameworkSummary) =>
    modal.confirm({
      title: t('fw.delete.confirmTitle', { name: f.name, version: f.version }),
      content: t('fw.delete.confirmBody', { count: f.indicatorCount }),
      okText: t('fw.delete.okText'),
      okButtonProps: { danger: true },
      cancelText: t('fw.form.cancel'),
      onOk: () => remove.mutateAsync(f).catch(() => undefined),
    });

  const header = (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('fw.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('fw.intro')}</Typography.Text>
    </>
  );

  if (list.isPending) {
    return (
      <div className="rp-page">
        {header}
        <div className="rp-fw-loading">
          <Spin />
        </div>
      </div>
    );
  }

  const createModal = (
    <FrameworkCreateModal
      preset={creating}
      frameworks={frameworks}
      onClose={() => setCreating(null)}
      onCreated={(id) => {
        setCreating(null);
        select(id);
      }}
    />
  );

  if (frameworks.length === 0) {
    return (
      <div className="rp-page">
        {header}
        <Empty
          className="rp-fw-empty"
          description={
            <span>
              <b>{t('fw.empty.title')}</b>
              <br />
              {t('fw.empty.body', { template: UNIFIED_TEMPLATE.name })}
            </span>
          }
        >
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ source: 'template', copyFrom: null })}>
              {t('fw.empty.fromTemplate')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setCreating({ source: 'empty', copyFrom: null })}>
              {t('fw.empty.blank')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => void chooseImportFile()}>
              {t('fw.action.import')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void saveTemplate()}>
              {t('fw.action.template')}
            </Button>
          </Space>
        </Empty>
        {createModal}
        {importModal}
      </div>
    );
  }

  // The freshest word on the freeze: the version itself once loaded, else the list.
  const frozenAt = detail.data?.id === selectedId ? detail.data?.frozenAt : summary?.frozenAt;
  const frozen = frozenAt !== null && frozenAt !== undefined;
  const usedBy = summary ? periodNames(summary) : '';
  const frozenTip = summary ? (
    <span>
      {t('fw.frozen.tooltip', { version: summary.version })}{' '}
      <a className="rp-fw-tip-link" onClick={() => confirmNewVersion(summary)}>
        {t('fw.action.newVersion')}
      </a>
    </span>
  ) : null;

  return (
    <div className="rp-page">
      {header}
      <div className="rp-fw-versionbar">
        <Typography.Text strong>{t('fw.version.label')}</Typography.Text>
        <Select<number>
          aria-label={t('fw.version.label')}
          data-testid="fw-version-select"
          style={{ width: 300 }}
          value={selectedId ?? undefined}
          placeholder={t('fw.version.placeholder')}
          onChange={select}
          popupMatchSelectWidth={440}
          options={frameworks.map((f) => ({ value: f.id, label: t('fw.version.option', { name: f.name, version: f.version }), f }))}
          optionRender={(o) => {
            const f = (o.data as { f: FrameworkSummary }).f;
            return (
              <div className="rp-fw-option">
                <div>
                  {t('fw.version.option', { name: f.name, version: f.version })}{' '}
                  {f.frozenAt ? (
                    <Tag icon={<LockOutlined />} color="orange">
                      {t('fw.state.frozen')}
                    </Tag>
                  ) : null}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.periods.length
                    ? t('fw.version.countsUsed', {
                        counts: t('fw.version.counts', { total: f.indicatorCount, leaves: f.leafCount }),
                        used: t('fw.version.usedBy', { periods: periodNames(f) }),
                      })
                    : t('fw.version.counts', { total: f.indicatorCount, leaves: f.leafCount })}
                </Typography.Text>
              </div>
            );
          }}
        />
        {summary && (
          <div className="rp-fw-meta" data-testid="fw-meta">
            {frozen ? (
              <Tooltip title={t('fw.state.frozenTip')}>
                <Tag icon={<LockOutlined />} color="orange">
                  {t('fw.state.frozen')}
                </Tag>
              </Tooltip>
            ) : (
              <Tag icon={<UnlockOutlined />} color="green">
                {t('fw.state.editable')}
              </Tag>
            )}
            <Tag>{t('fw.version.number', { version: summary.version })}</Tag>
            <span>{t('fw.version.counts', { total: summary.indicatorCount, leaves: summary.leafCount })}</span>
            <span className="rp-fw-meta-sep">·</span>
            <span>{summary.periods.length ? t('fw.version.usedBy', { periods: usedBy }) : t('fw.version.unused')}</span>
            {summary.description && (
              <>
                <span className="rp-fw-meta-sep">·</span>
                <Typography.Text type="secondary" ellipsis={{ tooltip: summary.description }} className="rp-fw-desc">
                  {summary.description}
                </Typography.Text>
              </>
            )}
          </div>
        )}
      </div>
      <div className="rp-fw-actionbar">
        <Space wrap size={8}>
          <Button icon={<PlusOutlined />} onClick={() => setCreating({ source: 'template', copyFrom: selectedId })}>
            {t('fw.action.create')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => void chooseImportFile()}>
            {t('fw.action.import')}
          </Button>
          {summary && (
            <>
              <Button icon={<ExportOutlined />} onClick={() => void exportFramework(summary)}>
                {t('fw.action.export')}
              </Button>
              <Button icon={<CopyOutlined />} loading={newVersion.isPending} onClick={() => confirmNewVersion(summary)}>
                {t('fw.action.newVersion')}
              </Button>
              {/* Name, description and 等次 stay editable when frozen: periods keep their own copy of the grades. */}
              <Button icon={<EditOutlined />} onClick={() => setRenaming(summary)}>
                {t('fw.action.rename')}
              </Button>
              <Tooltip title={frozen ? frozenTip : null} mouseLeaveDelay={0.3} styles={{ root: { maxWidth: 360 } }}>
                <span className="rp-fw-guard">
                  <Button icon={<DeleteOutlined />} danger disabled={frozen} onClick={() => confirmDelete(summary)}>
                    {t('fw.action.delete')}
                  </Button>
                </span>
              </Tooltip>
            </>
          )}
        </Space>
      </div>

      {summary && frozen && (
        <Alert
          className="rp-fw-alert"
          type="warning"
          showIcon
          icon={<LockOutlined />}
          title={
            <span>
              <b>{t('fw.frozen.title')}</b>
              {t('fw.frozen.body', { periods: usedBy || t('nav.periods'), version: summary.version })}
            </span>
          }
          action={
            <Button type="primary" icon={<CopyOutlined />} loading={newVersion.isPending} onClick={() => confirmNewVersion(summary)}>
              {t('fw.action.newVersion')}
            </Button>
          }
        />
      )}
      {summary && !frozen && summary.periods.length > 0 && (
        <Alert className="rp-fw-alert" type="info" showIcon title={t('fw.inUse.title', { periods: usedBy })} />
      )}

      {detail.isPending && selectedId !== null ? (
        <div className="rp-fw-loading">
          <Spin />
        </div>
      ) : detail.isError ? (
        <Alert type="error" showIcon title={detail.error.message} />
      ) : detail.data ? (
        <IndicatorEditor key={detail.data.id} framework={detail.data} frozen={frozen} frozenTip={frozenTip} />
      ) : null}

      {createModal}
      {importModal}
      <FrameworkRenameModal framework={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
