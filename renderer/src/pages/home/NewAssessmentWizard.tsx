/**
 * 新建考核: framework (existing, or from the built-in template) → branches →
 * panel (groups and raters typed in quickly) → period. Nothing is stored until
 * the last step, so cancelling leaves no half-made period behind.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Spin, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PERIOD_KIND_LABELS, PERIOD_KINDS, type PeriodKind } from '../../../../shared/domain/period';
import { UNIFIED_TEMPLATE } from '../../../../shared/domain/templates/unified';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { BranchFormModal } from '../branches/BranchFormModal';
import { defaultPeriodName, followDefaultName } from '../periods/PeriodFormModal';
import { frameworkLabel } from '../../components/period/periodUi';
import { COMMON_GROUPS } from '../raters/RatersPage';

interface GroupDraft {
  name: string;
  weight: number | null;
  raters: string;
}

interface Values {
  frameworkMode: 'template' | 'existing';
  frameworkId?: number;
  frameworkName: string;
  panelMode: 'enter' | 'copy' | 'later';
  copyFrom?: number;
  groups: GroupDraft[];
  name: string;
  year: number;
  kind: PeriodKind;
}

/** "王建国 组织部部长" / "王建国<Tab>组织部部长" / "王建国，组织部部长": one rater a line. */
export function parseRaters(text: string): { name: string; title: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', ...rest] = line.split(/[\t,，、\s]+/);
      return { name, title: rest.join(' ') };
    });
}

const STEPS = ['wizard.step.framework', 'wizard.step.branches', 'wizard.step.panel', 'wizard.step.period'] as const;

interface Props {
  onCancel: () => void;
  onDone: () => void;
}

export function NewAssessmentWizard({ onCancel, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [branchModal, setBranchModal] = useState(false);
  const [working, setWorking] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message, showError } = useFeedback();

  const frameworks = useApi('frameworks.list', {});
  const branches = useApi('branches.list', {});
  const periods = useApi('periods.list', {});

  const frameworkMode = Form.useWatch('frameworkMode', form);
  const panelMode = Form.useWatch('panelMode', form);
  const groups = Form.useWatch('groups', form) ?? [];

  if (frameworks.isPending || branches.isPending || periods.isPending) return <Spin />;

  const fws = frameworks.data ?? [];
  const allBranches = branches.data ?? [];
  const selected = allBranches.filter((b) => !excluded.has(b.id)).map((b) => b.id);
  const withPanels = (periods.data ?? []).filter((p) => p.raterCount > 0);
  const year = new Date().getFullYear();
  const initialValues: Values = {
    frameworkMode: fws.length ? 'existing' : 'template',
    frameworkId: fws[0]?.id,
    frameworkName: UNIFIED_TEMPLATE.name,
    panelMode: 'enter',
    groups: COMMON_GROUPS.map((g) => ({ ...g, raters: '' })),
    name: defaultPeriodName(year, 'annual'),
    year,
    kind: 'annual',
  };
  const totalWeight = groups.reduce((s, g) => s + (g?.weight ?? 0), 0);

  const next = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setStep((s) => s + 1);
  };

  const create = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    setWorking(true);
    let created = false;
    try {
      const frameworkId =
        v.frameworkMode === 'template'
          ? (await call('frameworks.create', { name: v.frameworkName, source: { kind: 'template' } })).id
          : v.frameworkId!;
      const period = await call('periods.create', {
        name: v.name,
        year: v.year,
        kind: v.kind,
        frameworkId,
        branchIds: selected,
        copyPanelFrom: v.panelMode === 'copy' ? (v.copyFrom ?? null) : null,
      });
      created = true;
      if (v.panelMode === 'enter') {
        for (const g of v.groups) {
          const group = await call('panel.saveGroup', { periodId: period.id, name: g.name, weight: g.weight ?? 0 });
          for (const r of parseRaters(g.raters ?? '')) {
            await call('panel.saveRater', { periodId: period.id, groupId: group.id, name: r.name, title: r.title });
          }
        }
      }
      void message.success(t('wizard.done', { name: period.name }));
      await queryClient.invalidateQueries();
      onDone();
    } catch (e) {
      showError(e);
      if (created) {
        // The period exists; what failed was the panel: finish it on the raters screen.
        void message.warning(t('wizard.partial'), 8);
        await queryClient.invalidateQueries();
        void navigate('/raters');
      }
    } finally {
      setWorking(false);
    }
  };

  /** Names must be unique within the period, across groups. */
  const ratersRule = {
    validator: async (_: unknown, text: string | undefined) => {
      const mine = parseRaters(text ?? '');
      const bad = mine.find((r) => r.name.length > 30 || r.title.length > 40);
      if (bad) throw new Error(t('wizard.panel.tooLong', { name: bad.name.slice(0, 10) }));
      const all = groups.flatMap((g) => parseRaters(g?.raters ?? '')).map((r) => r.name);
      const dup = mine.find((r) => all.filter((n) => n === r.name).length > 1);
      if (dup) throw new Error(t('wizard.panel.duplicate', { name: dup.name }));
    },
  };

  const body = [
    // 1. Framework
    <div key="fw">
      <Typography.Paragraph type="secondary">{t('wizard.framework.intro')}</Typography.Paragraph>
      <Form.Item name="frameworkMode">
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Radio value="template">
            <b>{t('wizard.framework.template')}</b>
            <div className="rp-setting-help" style={{ maxWidth: 760, color: 'rgba(0,0,0,0.55)' }}>
              {UNIFIED_TEMPLATE.description}
            </div>
          </Radio>
          <Radio value="existing" disabled={fws.length === 0}>
            <b>{t('wizard.framework.existing')}</b>
            {fws.length === 0 && <span className="rp-code">{t('wizard.framework.noneYet')}</span>}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {frameworkMode === 'template' ? (
        <Form.Item
          name="frameworkName"
          label={t('wizard.framework.name')}
          rules={[{ required: true, whitespace: true, message: t('wizard.framework.nameRequired') }]}
          extra={t('wizard.framework.editLater')}
        >
          <Input maxLength={60} style={{ width: 360 }} />
        </Form.Item>
      ) : (
        <Form.Item name="frameworkId" label={t('wizard.framework.pick')} rules={[{ required: true, message: t('period.framework.required') }]}>
          <Select
            style={{ width: 480 }}
            options={fws.map((f) => ({
              value: f.id,
              label: `${frameworkLabel({ frameworkName: f.name, frameworkVersion: f.version })}（${t('period.framework.leaves', { count: f.leafCount })}）`,
            }))}
          />
        </Form.Item>
      )}
    </div>,

    // 2. Branches
    <div key="branches">
      <div className="rp-toolbar" style={{ marginTop: 0 }}>
        <Typography.Text>
          {t('wizard.branches.selected', { selected: selected.length, total: allBranches.length })}
        </Typography.Text>
        <Space>
          <Typography.Link onClick={() => void navigate('/branches')}>{t('wizard.branches.goImport')}</Typography.Link>
          <Button icon={<PlusOutlined />} onClick={() => setBranchModal(true)}>
            {t('branch.action.create')}
          </Button>
        </Space>
      </div>
      {allBranches.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('wizard.branches.none')} />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ y: 250 }}
        dataSource={allBranches}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setExcluded(new Set(allBranches.map((b) => b.id).filter((id) => !keys.includes(id)))),
        }}
        columns={[
          { title: t('branch.field.code'), dataIndex: 'code', width: 120 },
          { title: t('branch.field.name'), dataIndex: 'name' },
          { title: t('branch.field.unit'), dataIndex: 'unit', width: 180 },
        ]}
        locale={{ emptyText: t('wizard.branches.emptyTable') }}
      />
    </div>,

    // 3. Panel
    <div key="panel">
      <Form.Item name="panelMode">
        <Radio.Group
          options={[
            { value: 'enter', label: t('wizard.panel.enter') },
            ...(withPanels.length ? [{ value: 'copy', label: t('wizard.panel.copy') }] : []),
            { value: 'later', label: t('wizard.panel.later') },
          ]}
        />
      </Form.Item>
      {panelMode === 'copy' && (
        <Form.Item name="copyFrom" label={t('period.field.copyPanel')} rules={[{ required: true, message: t('wizard.panel.copyRequired') }]}>
          <Select
            style={{ width: 480 }}
            options={withPanels.map((p) => ({ value: p.id, label: t('period.copyPanel.option', { name: p.name, raters: p.raterCount }) }))}
          />
        </Form.Item>
      )}
      {panelMode === 'later' && <Typography.Paragraph type="secondary">{t('wizard.panel.laterHelp')}</Typography.Paragraph>}
      {panelMode === 'enter' && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('wizard.panel.help')}
          </Typography.Paragraph>
          <Form.List name="groups">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => {
                  const w = groups[i]?.weight ?? 0;
                  return (
                    <Space key={field.key} align="start" size={8} style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('panel.group.nameRequired') }]}>
                        <Input maxLength={30} style={{ width: 130 }} placeholder={t('panel.group.name')} aria-label={t('wizard.panel.groupName', { n: i + 1 })} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'weight']}
                        rules={[{ required: true, message: t('panel.group.weightRequired') }, { type: 'number', min: 0.01, max: 100, message: t('panel.group.weightRange') }]}
                      >
                        <InputNumber min={0} max={100} style={{ width: 110 }} prefix={t('wizard.panel.weight')} aria-label={t('wizard.panel.groupWeight', { n: i + 1 })} />
                      </Form.Item>
                      <span style={{ width: 52, display: 'inline-block', lineHeight: '32px', color: 'rgba(0,0,0,0.55)' }}>
                        {totalWeight > 0 && w > 0 ? `${Math.round((w / totalWeight) * 1000) / 10}%` : ''}
                      </span>
                      <Form.Item name={[field.name, 'raters']} rules={[ratersRule]}>
                        <Input.TextArea
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          style={{ width: 380 }}
                          placeholder={t('wizard.panel.ratersPlaceholder')}
                          aria-label={t('wizard.panel.groupRaters', { n: i + 1 })}
                        />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} aria-label={t('settings.remove')} onClick={() => remove(field.name)} />
                    </Space>
                  );
                })}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 10, raters: '' })}>
                  {t('panel.group.add')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </div>,

    // 4. Period
    <div key="period">
      <Form.Item name="name" label={t('period.field.name')} rules={[{ required: true, whitespace: true, message: t('period.name.required') }]}>
        <Input maxLength={60} style={{ width: 420 }} />
      </Form.Item>
      <Space align="start" size={24}>
        <Form.Item name="year" label={t('period.field.year')} rules={[{ required: true, message: t('period.year.required') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} suffix={t('period.yearSuffix')} />
        </Form.Item>
        <Form.Item name="kind" label={t('period.field.kind')}>
          <Radio.Group optionType="button" options={PERIOD_KINDS.map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] }))} />
        </Form.Item>
      </Space>
      <WizardSummary values={form.getFieldsValue(true) as Values} fws={fws} branches={selected.length} />
    </div>,
  ];

  return (
    <Spin spinning={working} description={t('wizard.creating')}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('wizard.title')}
      </Typography.Title>
      <Steps current={step} items={STEPS.map((k) => ({ title: t(k) }))} size="small" />
      <Form<Values>
        name="wizard"
        form={form}
        layout="horizontal"
        initialValues={initialValues}
        onValuesChange={(changed) => followDefaultName(form, changed)} className="rp-wizard-body" requiredMark={false}>
        {body[step]}
      </Form>
      <div className="rp-wizard-footer">
        <Button onClick={onCancel}>{t('ui.cancel')}</Button>
        <Space>
          {step > 0 && <Button onClick={() => setStep((s) => s - 1)}>{t('wizard.prev')}</Button>}
          {step < STEPS.length - 1 ? (
            <Button type="primary" onClick={() => void next()}>
              {t('wizard.next')}
            </Button>
          ) : (
            <Button type="primary" loading={working} onClick={() => void create()}>
              {t('wizard.create')}
            </Button>
          )}
        </Space>
      </div>
      <BranchFormModal open={branchModal} branch={null} onClose={() => setBranchModal(false)} />
    </Spin>
  );
}

function WizardSummary({ values, fws, branches }: { values: Values; fws: { id: number; name: string; version: number }[]; branches: number }) {
  const fw = fws.find((f) => f.id === values.frameworkId);
  const raterCount = values.panelMode === 'enter' ? values.groups.reduce((s, g) => s + parseRaters(g.raters ?? '').length, 0) : 0;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={t('wizard.summary.title')}
      style={{ maxWidth: 720 }}
      items={[
        {
          key: 'fw',
          label: t('period.field.framework'),
          children:
            values.frameworkMode === 'template'
              ? t('wizard.summary.fromTemplate', { name: values.frameworkName })
              : fw
                ? frameworkLabel({ frameworkName: fw.name, frameworkVersion: fw.version })
                : '—',
        },
        { key: 'branches', label: t('period.field.branches'), children: t('wizard.summary.branches', { count: branches }) },
        {
          key: 'panel',
          label: t('nav.raters'),
          children:
            values.panelMode === 'enter'
              ? t('wizard.summary.panel', { groups: values.groups.length, raters: raterCount })
              : values.panelMode === 'copy'
                ? t('wizard.summary.copy')
                : t('wizard.summary.later'),
        },
      ]}
    />
  );
}
