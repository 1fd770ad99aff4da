/** The panel of the current period: rater groups with weights, raters, and recusals (回避). */
import { ExclamationCircleOutlined, LockOutlined, PlusOutlined, QuestionCircleOutlined, UnlockOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { scopeInWords } from '../../../../shared/domain/assignment';
import type { Rater, RaterGroup } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { useFeedback } from '../../hooks/useFeedback';
import { PeriodStatusTag } from '../../components/period/periodUi';
import '../periods/periods.css';
import { GroupFormModal } from './GroupFormModal';
import { ruleInWords, trimCannotBite } from './groupRule';
import { RaterFormModal, type BranchOption } from './RaterFormModal';
import { RaterPinModal, useClearRaterPin } from './RaterPinModal';

/** Okabe–Ito: distinguishable with every common colour-vision deficiency. */
const GROUP_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** The groups most plants use, for a one-click start. */
export const COMMON_GROUPS = [
  { name: '考评组', weight: 60 },
  { name: '上级党委', weight: 25 },
  { name: '职工代表', weight: 15 },
];

const formatShare = (weight: number, total: number) => (total > 0 ? `${Math.round((weight / total) * 1000) / 10}%` : '—');

export function RatersPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const { periodId, period, loading } = useCurrentPeriod();
  const [editingGroup, setEditingGroup] = useState<{ group: RaterGroup | null } | null>(null);
  const [editingRater, setEditingRater] = useState<{ rater: Rater | null; groupId: number | null } | null>(null);
  const [pinFor, setPinFor] = useState<Rater | null>(null);
  const clearPin = useClearRaterPin(periodId ?? 0);

  const panel = useApi('panel.get', { periodId: periodId! }, { enabled: periodId !== null });
  const branches = useApi('branches.list', { includeArchived: true });
  // The period's framework: the 评分范围 (分工评分) is picked from it and shown in its words.
  const framework = useApi('frameworks.get', { id: period?.frameworkId ?? 0 }, { enabled: period !== undefined && period !== null });
  const indicators = framework.data?.indicators ?? [];

  const invalidate = () => queryClient.invalidateQueries();
  const removeGroup = useMutation({
    mutationFn: (g: RaterGroup) => call('panel.deleteGroup', { periodId: periodId!, id: g.id }),
    onSuccess: async (_v, g) => {
      await invalidate();
      void message.success(t('panel.group.deleted', { name: g.name }));
    },
    onError: showError,
  });
  const removeRater = useMutation({
    mutationFn: (r: Rater) => call('panel.deleteRater', { periodId: periodId!, id: r.id }),
    onSuccess: async (_v, r) => {
      await invalidate();
      void message.success(t('panel.rater.deleted', { name: r.name }));
    },
    onError: showError,
  });
  const addCommon = useMutation({
    mutationFn: async () => {
      for (const g of COMMON_GROUPS) await call('panel.saveGroup', { periodId: periodId!, name: g.name, weight: g.weight });
    },
    onSuccess: async () => {
      await invalidate();
      void message.success(t('panel.group.commonAdded'));
    },
    onError: async (e) => {
      await invalidate();
      showError(e);
    },
  });

  if (loading) return <div className="rp-page"><Spin /></div>;
  if (periodId === null || !period) {
    return (
      <div className="rp-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>{t('panel.title')}</Typography.Title>
        <Empty description={<span><b>{t('panel.noPeriod.title')}</b><br />{t('panel.noPeriod.body')}</span>}>
          <Button type="primary" onClick={() => void navigate('/?new=1')}>{t('home.action.wizard')}</Button>
        </Empty>
      </div>
    );
  }

  const readOnly = period.status === 'finalised';
  const groups = panel.data?.groups ?? [];
  const raters = panel.data?.raters ?? [];
  const totalWeight = groups.reduce((s, g) => s + g.weight, 0);
  const branchById = new Map((branches.data ?? []).map((b) => [b.id, b]));
  // Branches in scope, plus any a rater still refers to (so an edit never shows a bare id).
  const referenced = raters.flatMap((r) => [r.branchId, ...r.recusals.map((c) => c.branchId)]).filter((id): id is number => id !== null);
  const scope: BranchOption[] = [...new Set([...period.branchIds, ...referenced])]
    .map((id) => branchById.get(id))
    .filter((b): b is NonNullable<typeof b> => !!b);
  const branchName = (id: number) => branchById.get(id)?.name ?? t('panel.branchUnknown', { id });
  const periodRule = period.settings;

  /** The group's 组内汇总 beside its weight, and a gentle word where a trimmed mean never gets enough raters to trim. */
  const groupRule = (g: RaterGroup, count: number) => {
    const short = trimCannotBite(g, periodRule, count);
    return (
      <Space size={8} data-testid={`group-rule-${g.name}`}>
        {g.combine === null ? (
          <Tooltip title={t('panel.groupRule.inheritTooltip', { rule: ruleInWords(periodRule.combine, periodRule.trimMinRaters) })}>
            <Typography.Text type="secondary">{t('panel.groupRule.shown', { rule: t('panel.groupRule.inheritShort') })}</Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text>{t('panel.groupRule.shown', { rule: ruleInWords(g.combine, g.trimMinRaters ?? periodRule.trimMinRaters) })}</Typography.Text>
        )}
        {short !== null && (
          <Typography.Text type="warning">
            <ExclamationCircleOutlined /> {t('panel.groupRule.tooFew', { min: short })}
          </Typography.Text>
        )}
      </Space>
    );
  };

  const confirmDeleteGroup = (g: RaterGroup, count: number) =>
    modal.confirm({
      title: t('panel.group.deleteTitle', { name: g.name }),
      content: count > 0 ? t('panel.group.deleteHasRaters', { count }) : t('panel.group.deleteConfirm'),
      okText: t('ui.delete'),
      okButtonProps: { danger: true },
      cancelText: t('ui.cancel'),
      onOk: () => removeGroup.mutate(g),
    });
  const confirmDeleteRater = (r: Rater) =>
    modal.confirm({
      title: t('panel.rater.deleteTitle', { name: r.name }),
      content: t('panel.rater.deleteConfirm'),
      okText: t('ui.delete'),
      okButtonProps: { danger: true },
      cancelText: t('ui.cancel'),
      onOk: () => removeRater.mutate(r),
    });

  const pinCell = (r: Rater) => (
    <Space size={10} data-testid={`pin-${r.name}`}>
      {r.hasPin ? (
        <Tag icon={<LockOutlined />} color="green">
          {t('panel.pin.isSet')}
        </Tag>
      ) : (
        <Tag icon={<UnlockOutlined />}>{t('panel.pin.notSet')}</Tag>
      )}
      {!readOnly && <Typography.Link onClick={() => setPinFor(r)}>{t(r.hasPin ? 'panel.pin.reset' : 'panel.pin.set')}</Typography.Link>}
      {!readOnly && r.hasPin && (
        <Typography.Link type="danger" onClick={() => clearPin(r)}>
          {t('panel.pin.clear')}
        </Typography.Link>
      )}
    </Space>
  );

  const recusalTags = (r: Rater) =>
    r.recusals.length === 0 ? (
      <Typography.Text type="secondary">{t('panel.recusal.none')}</Typography.Text>
    ) : (
      r.recusals.map((c) => (
        <Tag key={c.branchId} color={c.branchId === r.branchId ? 'orange' : 'gold'} className="rp-recusal-tag">
          {t('panel.recusal.tag', { branch: branchName(c.branchId), reason: c.reason })}
        </Tag>
      ))
    );

  const emptyPanel = (
    <Empty
      style={{ margin: '32px 0' }}
      description={<span><b>{t('panel.empty.title')}</b><br />{t('panel.empty.body')}</span>}
    >
      {!readOnly && (
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingGroup({ group: null })}>
            {t('panel.group.add')}
          </Button>
          <Button icon={<UsergroupAddOutlined />} loading={addCommon.isPending} onClick={() => addCommon.mutate()}>
            {t('panel.group.addCommon')}
          </Button>
        </Space>
      )}
    </Empty>
  );

  return (
    <div className="rp-page">
      <Space align="center" size={12} style={{ marginBottom: 4 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('panel.title')}
        </Typography.Title>
        <Typography.Text>{period.name}</Typography.Text>
        <PeriodStatusTag status={period.status} />
      </Space>
      <div>
        <Typography.Text type="secondary">{t('panel.intro')}</Typography.Text>
        {!readOnly && raters.length > 0 && (
          <>
            <br />
            <Typography.Text type="secondary">
              <LockOutlined /> {t('panel.pin.hint')}
            </Typography.Text>
          </>
        )}
      </div>
      {readOnly && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('panel.readOnly', { name: period.name })} />}

      {groups.length > 0 && (
        <div className="rp-toolbar">
          <div>
            <Typography.Text strong>{t('panel.weights.title', { count: groups.length })}</Typography.Text>
            <div className="rp-weights" aria-hidden>
              {groups.map((g, i) => (
                <div key={g.id} style={{ flex: g.weight, background: GROUP_COLORS[i % GROUP_COLORS.length] }} />
              ))}
            </div>
            <Space size={16} wrap>
              {groups.map((g, i) => (
                <span key={g.id}>
                  <span style={{ color: GROUP_COLORS[i % GROUP_COLORS.length] }}>■</span> {g.name} {formatShare(g.weight, totalWeight)}
                </span>
              ))}
            </Space>
          </div>
          {!readOnly && (
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => setEditingGroup({ group: null })}>
                {t('panel.group.add')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingRater({ rater: null, groupId: null })}>
                {t('panel.rater.add')}
              </Button>
            </Space>
          )}
        </div>
      )}

      {panel.isPending ? (
        <Spin />
      ) : groups.length === 0 ? (
        emptyPanel
      ) : (
        groups.map((g, i) => {
          const members = raters.filter((r) => r.groupId === g.id);
          return (
            <section key={g.id} className="rp-group" aria-label={g.name}>
              <div className="rp-group-head">
                <Space size={12} wrap>
                  <span style={{ color: GROUP_COLORS[i % GROUP_COLORS.length], fontSize: 16 }}>■</span>
                  <Typography.Title level={5}>{g.name}</Typography.Title>
                  <Typography.Text>
                    {t('panel.group.summary', { weight: g.weight, share: formatShare(g.weight, totalWeight), count: members.length })}
                  </Typography.Text>
                  {groupRule(g, members.length)}
                  {g.scope.length > 0 && <Typography.Text>{scopeInWords(g.scope, indicators)}</Typography.Text>}
                </Space>
                {!readOnly && (
                  <Space size={12}>
                    <Typography.Link onClick={() => setEditingRater({ rater: null, groupId: g.id })}>{t('panel.rater.addHere')}</Typography.Link>
                    <Typography.Link onClick={() => setEditingGroup({ group: g })}>{t('panel.group.edit')}</Typography.Link>
                    <Typography.Link type="danger" onClick={() => confirmDeleteGroup(g, members.length)}>
                      {t('panel.group.delete')}
                    </Typography.Link>
                  </Space>
                )}
              </div>
              <Table<Rater>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={members}
                locale={{
                  emptyText: (
                    <span>
                      {t('panel.group.emptyRaters')}
                      {!readOnly && (
                        <Typography.Link style={{ marginInlineStart: 8 }} onClick={() => setEditingRater({ rater: null, groupId: g.id })}>
                          {t('panel.rater.add')}
                        </Typography.Link>
                      )}
                    </span>
                  ),
                }}
                columns={[
                  { title: t('panel.rater.name'), dataIndex: 'name', width: 110 },
                  { title: t('panel.rater.title'), dataIndex: 'title', width: 130, render: (v: string) => v || '—' },
                  {
                    title: t('panel.rater.branch'),
                    width: 210,
                    ellipsis: true,
                    render: (_, r) => (r.branchId === null ? '—' : branchName(r.branchId)),
                  },
                  { title: t('panel.rater.recusalsColumn'), render: (_, r) => recusalTags(r) },
                  // 分工评分: shown only where a rater of the group has a scope of their own, to keep the table narrow.
                  ...(members.some((r) => r.scope.length > 0)
                    ? [{ title: t('panel.scope.label'), width: 180, ellipsis: true, render: (_: unknown, r: Rater) => scopeInWords(r.scope, indicators) || t('panel.scope.sameAsGroup') }]
                    : []),
                  {
                    title: (
                      <Tooltip title={t('panel.pin.hint')}>
                        {t('panel.pin.column')} <QuestionCircleOutlined />
                      </Tooltip>
                    ),
                    width: readOnly ? 100 : 230,
                    render: (_, r) => pinCell(r),
                  },
                  ...(readOnly
                    ? []
                    : [
                        {
                          title: t('ui.actions'),
                          width: 110,
                          render: (_: unknown, r: Rater) => (
                            <Space size={12}>
                              <Typography.Link onClick={() => setEditingRater({ rater: r, groupId: r.groupId })}>{t('ui.edit')}</Typography.Link>
                              <Typography.Link type="danger" onClick={() => confirmDeleteRater(r)}>
                                {t('ui.delete')}
                              </Typography.Link>
                            </Space>
                          ),
                        },
                      ]),
                ]}
              />
            </section>
          );
        })
      )}

      <GroupFormModal
        periodId={periodId}
        open={editingGroup !== null}
        group={editingGroup?.group ?? null}
        otherWeights={totalWeight - (editingGroup?.group?.weight ?? 0)}
        periodRule={periodRule}
        indicators={indicators}
        onClose={() => setEditingGroup(null)}
      />
      <RaterFormModal
        periodId={periodId}
        open={editingRater !== null}
        rater={editingRater?.rater ?? null}
        groupId={editingRater?.groupId ?? null}
        groups={groups}
        branches={scope}
        indicators={indicators}
        onClose={() => setEditingRater(null)}
      />
      <RaterPinModal periodId={periodId} rater={pinFor} onClose={() => setPinFor(null)} />
    </div>
  );
}
