/**
 * The pieces of the scoring grid, memoised on plain props: moving the focus
 * re-renders only the cells it leaves and enters.
 */
import { Tag } from 'antd';
import { memo } from 'react';
import { t } from '../../../../shared/messages';

export interface CellProps {
  r: number;
  c: number;
  className: string;
  left: number;
  width: number;
  leaf: string;
  branch: string;
  state: string | null;
  title: string | null;
  text: string;
  tone: 'quant' | 'placeholder' | 'veto' | null;
}

const TONE_CLASS = { quant: 'rp-cell-quant', placeholder: 'rp-cell-placeholder', veto: 'rp-cell-veto' } as const;

export const GridCell = memo(function GridCell(p: CellProps) {
  return (
    <div
      className={p.className}
      style={{ left: p.left, width: p.width }}
      data-r={p.r}
      data-c={p.c}
      data-leaf={p.leaf}
      data-branch={p.branch}
      data-state={p.state ?? undefined}
      title={p.title ?? undefined}
    >
      {p.tone ? <span className={TONE_CLASS[p.tone]}>{p.text}</span> : p.text}
      {p.state ? <span className="rp-cell-mark" aria-hidden /> : null}
    </div>
  );
});

export const RowHead = memo(function RowHead(p: {
  group: boolean;
  width: number;
  groupId?: number;
  action?: (groupId: number) => void;
  code: string;
  name: string;
  method: string | null;
  max: string;
  depth: number;
  focused: boolean;
  quant: boolean;
}) {
  return (
    <div
      className={`rp-rowhead${p.group ? ' is-group' : ''}${p.focused ? ' is-focus' : ''}${p.quant ? ' is-quant' : ''}`}
      style={{ width: p.width }}
      title={`${p.code} ${p.name}`}
      data-row={p.group ? undefined : p.code}
    >
      <span className="rp-rowhead-code" style={p.depth > 1 ? { paddingLeft: (p.depth - 1) * 10 } : undefined}>
        {p.code}
      </span>
      <span className="rp-rowhead-name">{p.name}</span>
      {p.method ? <span className="rp-rowhead-method">{p.method}</span> : null}
      {p.action ? (
        <button
          type="button"
          className="rp-rowhead-action"
          title={t('scoring.veto.fillTip')}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={() => p.action!(p.groupId!)}
        >
          {t('scoring.veto.fill')}
        </button>
      ) : null}
      <span className="rp-rowhead-max">{p.max}</span>
    </div>
  );
});

export const ColumnHead = memo(function ColumnHead(p: {
  left: number;
  width: number;
  detail: boolean;
  code: string;
  name: string;
  recused: string | null;
  scored: number;
  expected: number;
  focused: boolean;
}) {
  const className = `rp-grid-colhead${p.focused ? ' is-focus' : ''}${p.recused !== null ? ' is-recused' : ''}`;
  if (p.detail) {
    return (
      <div className={`${className} is-detail`} style={{ left: p.left, width: p.width }}>
        <div className="rp-colhead-name">{t('scoring.grid.detail')}</div>
      </div>
    );
  }
  return (
    <div
      className={className}
      style={{ left: p.left, width: p.width }}
      title={`${p.code} ${p.name}${p.recused !== null ? `\n${t('scoring.grid.recusedTip', { reason: p.recused })}` : ''}`}
      data-branch-head={p.code}
    >
      <div className="rp-colhead-code">{p.code}</div>
      <div className="rp-colhead-name">{p.name}</div>
      {p.recused !== null ? (
        <Tag className="rp-colhead-recused">{t('scoring.grid.recused')}</Tag>
      ) : (
        <div className="rp-colhead-progress" data-testid={`progress-${p.code}`}>
          <span>{t('scoring.grid.columnProgress', { scored: p.scored, expected: p.expected })}</span>
          <span className="rp-colhead-bar">
            <span style={{ width: `${p.expected ? (p.scored / p.expected) * 100 : 0}%` }} />
          </span>
        </div>
      )}
    </div>
  );
});

export const GroupCell = memo(function GroupCell(p: { left: number; width: number; text: string; veto: boolean }) {
  return (
    <div className={`rp-gcell${p.veto ? ' is-veto' : ''}`} style={{ left: p.left, width: p.width }}>
      {p.text}
    </div>
  );
});

export const FootCell = memo(function FootCell(p: { left: number; width: number; detail: boolean; code: string; text: string; title: string }) {
  return (
    <div
      className={`rp-grid-footcell${p.detail ? ' is-detail' : ''}`}
      style={{ left: p.left, width: p.width }}
      data-subtotal={p.detail ? undefined : p.code}
      title={p.title || undefined}
    >
      {p.text}
    </div>
  );
});
