/** The framework tree's toolbar: add, move and renumber indicators, expand or collapse all. */
import { ArrowDownOutlined, ArrowUpOutlined, DragOutlined, NodeExpandOutlined, OrderedListOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import type { FrameworkTree, TreeRow } from './model';
import { siblingPlace } from './treeNavigation';

/** A button that explains itself when it cannot be used. */
export function Guarded({ reason, children }: { reason: ReactNode | null; children: ReactNode }) {
  return reason ? (
    <Tooltip title={reason} mouseLeaveDelay={0.3} styles={{ root: { maxWidth: 360 } }}>
      <span className="rp-fw-guard">{children}</span>
    </Tooltip>
  ) : (
    <>{children}</>
  );
}

export interface IndicatorToolbarProps {
  tree: FrameworkTree;
  selected: TreeRow | null;
  frozen: boolean;
  /** Why a frozen version cannot be changed (offers a new version), or null. */
  frozenReason: ReactNode | null;
  empty: boolean;
  allExpanded: boolean;
  setBar: (el: HTMLDivElement | null) => void;
  top: number;
  onAdd: (parent: Indicator | null) => void;
  onMoveBy: (n: Indicator, delta: -1 | 1) => void;
  onMoveTo: (n: Indicator) => void;
  onRenumber: () => void;
  onToggleAll: () => void;
}

export function IndicatorToolbar(props: IndicatorToolbarProps) {
  const { tree, selected, frozen, frozenReason, empty, allExpanded, setBar, top, onAdd, onMoveBy, onMoveTo, onRenumber, onToggleAll } = props;
  const needSelection = selected ? null : t('fw.action.needSelection');
  const place = selected ? siblingPlace(tree, selected.indicator) : null;
  const upReason = frozenReason ?? needSelection ?? (!place || place.index <= 0 ? t('fw.action.firstAlready') : null);
  const downReason = frozenReason ?? needSelection ?? (place && place.index >= place.count - 1 ? t('fw.action.lastAlready') : null);
  return (
    <div className="rp-fw-treebar" ref={setBar} style={{ top }}>
      <Space wrap size={8}>
        <Guarded reason={frozenReason}>
          <Button icon={<PlusOutlined />} disabled={frozen} onClick={() => onAdd(null)}>
            {t('fw.action.addRoot')}
          </Button>
        </Guarded>
        <Guarded reason={frozenReason ?? needSelection}>
          <Button
            icon={<PlusOutlined />}
            disabled={frozen || !selected}
            onClick={() => selected && onAdd(selected.indicator.parentId === null ? null : (tree.byId.get(selected.indicator.parentId)?.indicator ?? null))}
          >
            {t('fw.action.addSibling')}
          </Button>
        </Guarded>
        <Guarded reason={upReason}>
          <Button icon={<ArrowUpOutlined />} disabled={upReason !== null} onClick={() => selected && onMoveBy(selected.indicator, -1)}>
            {t('fw.action.moveUp')}
          </Button>
        </Guarded>
        <Guarded reason={downReason}>
          <Button icon={<ArrowDownOutlined />} disabled={downReason !== null} onClick={() => selected && onMoveBy(selected.indicator, 1)}>
            {t('fw.action.moveDown')}
          </Button>
        </Guarded>
        <Guarded reason={frozenReason ?? needSelection}>
          <Button icon={<DragOutlined />} disabled={frozen || !selected} onClick={() => selected && onMoveTo(selected.indicator)}>
            {t('fw.action.moveTo')}
          </Button>
        </Guarded>
        <Guarded reason={frozenReason}>
          <Button icon={<OrderedListOutlined />} disabled={frozen || empty} onClick={onRenumber}>
            {t('fw.action.renumber')}
          </Button>
        </Guarded>
      </Space>
      <Space size={12}>
        <Typography.Text type="secondary" ellipsis className="rp-fw-selected" data-testid="fw-selected">
          {selected ? t('fw.tree.selected', { code: selected.indicator.code, name: selected.indicator.name }) : t('fw.tree.noSelection')}
        </Typography.Text>
        <Button icon={<NodeExpandOutlined />} onClick={onToggleAll}>
          {t(allExpanded ? 'fw.action.collapseAll' : 'fw.action.expandAll')}
        </Button>
      </Space>
    </div>
  );
}
