import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Empty, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Branch } from '../../../../shared/domain/branch';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate, useApi } from '../../api/useApi';
import { pickXlsx, pickXlsxSavePath } from '../../files';
import { useFeedback } from '../../hooks/useFeedback';
import { BranchFormModal } from './BranchFormModal';
import { BranchImportModal, type PickedFile } from './BranchImportModal';

/** The list's column filter: each category its branches have, once, in Chinese order. */
const categoryFilters = (rows: readonly Branch[]) =>
  [...new Set(rows.map((b) => b.category).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((c) => ({ text: c, value: c }));

export function BranchesPage() {
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [editing, setEditing] = useState<{ branch: Branch | null } | null>(null);
  const [importFile, setImportFile] = useState<PickedFile | null>(null);
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();

  const branches = useApi('branches.list', { query, includeArchived }, { placeholderData: keepPreviousData });

  const archive = useMutation({
    mutationFn: (v: { branch: Branch; archived: boolean }) =>
      call('branches.setArchived', { id: v.branch.id, archived: v.archived }),
    onSuccess: async (b, v) => {
      await invalidate(queryClient, 'branches');
      void message.success(t(v.archived ? 'branch.archived.ok' : 'branch.restored.ok', { name: b.name }));
    },
    onError: showError,
  });

  const chooseImportFile = async () => {
    try {
      const file = await pickXlsx(t('import.title'));
      if (file) setImportFile({ path: file, pickedAt: Date.now() });
    } catch (e) {
      showError(e);
    }
  };

  const saveTemplate = async () => {
    try {
      const target = await pickXlsxSavePath(t('branch.action.template'), '党支部导入模板.xlsx');
      if (!target) return;
      const { path } = await call('branches.writeTemplate', { path: target });
      void message.success({
        content: (
          <span>
            {t('template.saved', { path })}{' '}
            <Typography.Link onClick={() => void call('shell.showInFolder', { path })}>{t('file.showInFolder')}</Typography.Link>
          </span>
        ),
        duration: 8,
      });
    } catch (e) {
      showError(e);
    }
  };

  const rows = branches.data ?? [];
  const emptyText = query ? (
    <Empty description={t('branch.empty.noMatch', { query })} />
  ) : (
    <Empty description={<span><b>{t('branch.empty.title')}</b><br />{t('branch.empty.body')}</span>}>
      <Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ branch: null })}>
          {t('branch.action.create')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void saveTemplate()}>
          {t('branch.action.template')}
        </Button>
      </Space>
    </Empty>
  );

  return (
    <div className="rp-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('branch.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('branch.intro')}</Typography.Text>
      <div className="rp-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('branch.search.placeholder')}
            style={{ width: 280 }}
            onSearch={(v) => setQuery(v.trim())}
            onChange={(e) => e.target.value === '' && setQuery('')}
          />
          <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)}>
            {t('branch.showArchived')}
          </Checkbox>
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void saveTemplate()}>
            {t('branch.action.template')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => void chooseImportFile()}>
            {t('branch.action.import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ branch: null })}>
            {t('branch.action.create')}
          </Button>
        </Space>
      </div>
      <Table<Branch>
        rowKey="id"
        size="middle"
        loading={branches.isPending}
        dataSource={rows}
        locale={{ emptyText }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('branch.count', { count }) }}
        rowClassName={(b) => (b.archivedAt ? 'rp-archived' : '')}
        columns={[
          { title: t('branch.field.code'), dataIndex: 'code', width: 120, sorter: (a, b) => a.code.localeCompare(b.code) },
          { title: t('branch.field.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
          { title: t('branch.field.unit'), dataIndex: 'unit' },
          { title: t('branch.field.secretary'), dataIndex: 'secretary', width: 110 },
          { title: t('branch.field.memberCount'), dataIndex: 'memberCount', width: 100, align: 'right' },
          // Only once some branch has a category: most schemes don't 分类施策, and a column of 未分类 says nothing.
          ...(rows.some((b) => b.category)
            ? [
                {
                  title: t('branch.field.category'),
                  dataIndex: 'category',
                  width: 100,
                  // The categories the list holds, and 未分类: 分类施策 is checked branch by branch before a period starts.
                  filters: [...categoryFilters(rows), { text: t('branch.category.none'), value: '' }],
                  onFilter: (value: boolean | React.Key, b: Branch) => b.category === value,
                  render: (category: string) => (category ? <Tag>{category}</Tag> : <Typography.Text type="secondary">{t('branch.category.none')}</Typography.Text>),
                },
              ]
            : []),
          {
            title: t('branch.field.status'),
            width: 90,
            render: (_, b) =>
              b.archivedAt ? <Tag>{t('branch.status.archived')}</Tag> : <Tag color="green">{t('branch.status.active')}</Tag>,
          },
          {
            title: t('branch.action.actions'),
            width: 140,
            render: (_, b) => (
              <Space>
                <Typography.Link onClick={() => setEditing({ branch: b })}>{t('branch.action.edit')}</Typography.Link>
                {b.archivedAt ? (
                  <Typography.Link onClick={() => archive.mutate({ branch: b, archived: false })}>
                    {t('branch.action.restore')}
                  </Typography.Link>
                ) : (
                  <Popconfirm
                    title={t('branch.archive.confirm', { name: b.name })}
                    overlayStyle={{ maxWidth: 360 }}
                    onConfirm={() => archive.mutate({ branch: b, archived: true })}
                  >
                    <Typography.Link>{t('branch.action.archive')}</Typography.Link>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <BranchFormModal open={editing !== null} branch={editing?.branch ?? null} onClose={() => setEditing(null)} />
      <BranchImportModal
        picked={importFile}
        onClose={() => setImportFile(null)}
        onPickAgain={() => void chooseImportFile()}
      />
    </div>
  );
}
