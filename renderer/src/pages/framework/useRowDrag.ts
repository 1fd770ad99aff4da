/**
 * Drag and drop in the framework tree: dragging a row onto another puts it
 * before or after that one (same level as the target), never on itself or
 * below it, and not in a frozen version.
 */
import { useState, type DragEvent } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import type { FrameworkTree, TreeRow } from './model';
import { canDrop } from './treeNavigation';

type Where = 'before' | 'after';

export interface RowDragOptions {
  tree: FrameworkTree;
  frozen: boolean;
  setSelectedId: (id: number) => void;
  onDrop: (dragged: Indicator, target: TreeRow, where: Where) => void;
}

export function useRowDrag({ tree, frozen, setSelectedId, onDrop }: RowDragOptions) {
  /** The row being dragged and where it would land. */
  const [dragId, setDragId] = useState<number | null>(null);
  const [drop, setDrop] = useState<{ id: number; where: Where } | null>(null);

  const canDropOn = (target: TreeRow) => dragId !== null && !frozen && canDrop(tree, dragId, target);

  const dropOn = (target: TreeRow, where: Where) => {
    const dragged = dragId === null ? undefined : tree.byId.get(dragId)?.indicator;
    if (dragged && canDropOn(target)) onDrop(dragged, target, where);
  };

  const end = () => {
    setDrop(null);
    setDragId(null);
  };

  /** The row's classes while dragging: the dragged row, and the line where it would land. */
  const rowClass = (r: TreeRow) => [r.key === dragId ? 'rp-fw-row-dragging' : '', drop?.id === r.key ? `rp-fw-drop-${drop.where}` : ''].join(' ');

  const rowHandlers = (r: TreeRow) => ({
    draggable: !frozen,
    onDragStart: (e: DragEvent<HTMLElement>) => {
      setDragId(r.key);
      setSelectedId(r.key);
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', `${r.indicator.code} ${r.indicator.name}`);
    },
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!canDropOn(r)) {
        if (drop) setDrop(null);
        return;
      }
      e.preventDefault();
      const box = e.currentTarget.getBoundingClientRect();
      const where = e.clientY < box.top + box.height / 2 ? 'before' : 'after';
      if (drop?.id !== r.key || drop.where !== where) setDrop({ id: r.key, where });
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      e.preventDefault();
      if (drop?.id === r.key) dropOn(r, drop.where);
      end();
    },
    onDragEnd: end,
  });

  return { rowClass, rowHandlers };
}
