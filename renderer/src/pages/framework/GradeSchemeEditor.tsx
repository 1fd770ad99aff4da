/**
 * A framework's grade scheme in its name/description dialog (issue 11 §8): 使用默认等次, or a small table of
 * 等次 / 最低分 / 名额上限 as the 考核细则 state them. The rules across grades are settingsProblems', shown on the
 * row they name in the period settings form's words; the service applies the same function when saving.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Space, Typography } from 'antd';
import { MAX_GRADES } from '../../../../shared/domain/framework';
import { defaultPeriodSettings } from '../../../../shared/domain/period';
import { t } from '../../../../shared/messages';
import { percentOf, rowProblems, schemeRows, type GradeSchemeRow } from './gradeSchemeModel';

interface Props {
  /** null = the app's defaults. */
  rows: GradeSchemeRow[] | null;
  onChange: (rows: GradeSchemeRow[] | null) => void;
}

const defaultsText = () => {
  const { grades, quotas } = defaultPeriodSettings();
  const parts = [
    ...grades.map((g, i) => (i === grades.length - 1 ? g.label : t('gradeScheme.defaults.grade', { label: g.label, min: g.min }))),
    ...quotas.map((q) => t('gradeScheme.defaults.quota', { label: q.label, percent: percentOf(q.maxShare) })),
  ];
  return t('gradeScheme.defaults', { grades: parts.join('、') });
};

export function GradeSchemeEditor({ rows, onChange }: Props) {
  if (rows === null) {
    return (
      <Space size={8} wrap>
        <Typography.Text type="secondary">{defaultsText()}</Typography.Text>
        <Button size="small" onClick={() => onChange(schemeRows(defaultPeriodSettings()))}>
          {t('gradeScheme.customise')}
        </Button>
      </Space>
    );
  }
  const { byRow, list } = rowProblems(rows);
  const set = (i: number, patch: Partial<GradeSchemeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const cell = { display: 'inline-block', marginRight: 8 } as const;
  return (
    <div>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>
        <span style={{ ...cell, width: 112 }}>{t('gradeScheme.column.label')}</span>
        <span style={{ ...cell, width: 96 }}>{t('gradeScheme.column.min')}</span>
        <span style={{ ...cell, width: 112 }}>{t('gradeScheme.column.quota')}</span>
      </div>
      {rows.map((r, i) => (
        <div key={i} style={{ marginBottom: 4 }}>
          <Space size={8} align="center">
            <Input
              value={r.label}
              maxLength={10}
              style={{ width: 112 }}
              status={byRow.get(i)?.length ? 'error' : undefined}
              aria-label={t('gradeScheme.column.label')}
              onChange={(e) => set(i, { label: e.target.value })}
            />
            {i < rows.length - 1 ? (
              <InputNumber value={r.min} min={0} style={{ width: 96 }} aria-label={t('gradeScheme.column.min')} onChange={(v) => set(i, { min: v })} />
            ) : (
              <Typography.Text type="secondary" style={{ display: 'inline-block', width: 96 }}>
                {t('settings.grades.rest')}
              </Typography.Text>
            )}
            <InputNumber
              value={r.quota}
              min={0}
              max={100}
              suffix="%"
              placeholder={t('gradeScheme.quota.none')}
              style={{ width: 112 }}
              aria-label={t('gradeScheme.column.quota')}
              onChange={(v) => set(i, { quota: v })}
            />
            {rows.length > 2 && (
              <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('gradeScheme.remove')} onClick={() => onChange(rows.filter((_r, j) => j !== i))} />
            )}
          </Space>
          {byRow.get(i)?.map((m) => (
            <Typography.Text key={m} type="danger" style={{ display: 'block', fontSize: 12 }}>
              {m}
            </Typography.Text>
          ))}
        </div>
      ))}
      {list.map((m) => (
        <Typography.Text key={m} type="danger" style={{ display: 'block', fontSize: 12 }}>
          {m}
        </Typography.Text>
      ))}
      <Space size={8} style={{ marginTop: 4 }}>
        {rows.length < MAX_GRADES && (
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => onChange([...rows.slice(0, -1), { label: '', min: null, quota: null }, ...rows.slice(-1)])}
          >
            {t('gradeScheme.add')}
          </Button>
        )}
        <Button size="small" onClick={() => onChange(null)}>
          {t('gradeScheme.useDefaults')}
        </Button>
      </Space>
    </div>
  );
}
