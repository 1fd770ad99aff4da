/**
 * The changes the framework tree makes, each saved at once: move an indicator
 * up / down, to another parent, or by drag and drop; delete one (after
 * asking); renumber the version. Every change refetches the frameworks and
 * says what it did.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { RefObject } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import type { FrameworkTree, TreeRow } from './model';
import { dropPosition, selectAfterDelete, siblingPlace } from './treeNavigation';

/** A row to scroll to and focus once it is on screen (after a save's refetch, or an issue click). */
export type RevealTarget = RefObject<{ id: number; block: ScrollLogicalPosition } | null>;

export interface IndicatorChangeOptions {
  frameworkId: number;
  tree: FrameworkTree;
  frozen: boolean;
  revealRef: RevealTarget;
  revealRow: (id: number) => void;
  setSelectedId: (id: number | null) => void;
  /** Closes the "move to" dialog once its move is saved. */
  onMoved: () => void;
}

export function useIndicatorChanges(o: IndicatorChangeOptions) {
  const { tree, frozen, revealRef } = o;
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();

  const change = useMutation({
    mutationFn: (run: () => Promise<string | null>) => run(),
    onSuccess: (done) => {
      if (done) void message.success(done);
    },
    onError: showError,
    onSettled: () => invalidate(queryClient, 'frameworks'),
  });

  const moveBy = (n: Indicator, delta: -1 | 1) => {
    const place = siblingPlace(tree, n);
    const position = place.index + delta;
    if (frozen || position < 0 || position >= place.count) return;
    revealRef.current = { id: n.id, block: 'nearest' };
    change.mutate(async () => {
      await call('indicators.move', { id: n.id, parentId: n.parentId, position });
      return null;
    });
  };

  const moveTo = (n: Indicator, parentId: number | null, renumber: boolean) => {
    change.mutate(
      async () => {
        await call('indicators.move', { id: n.id, parentId, position: tree.siblingsOf(parentId).length });
        if (renumber) await call('frameworks.renumber', { id: o.frameworkId });
        return t('fw.moved.ok', { name: n.name });
      },
      {
        onSuccess: () => {
          o.onMoved();
          o.revealRow(n.id);
        },
      },
    );
  };

  /** Puts the dragged indicator before or after `target`, among target's siblings (the caller checked it may land there). */
  const dropOn = (dragged: Indicator, target: TreeRow, where: 'before' | 'after') => {
    const position = dropPosition(tree, dragged.id, target, where);
    revealRef.current = { id: dragged.id, block: 'nearest' };
    o.setSelectedId(dragged.id);
    change.mutate(async () => {
      await call('indicators.move', { id: dragged.id, parentId: target.indicator.parentId, position });
      return null;
    });
  };

  const confirmDelete = (row: TreeRow) => {
    const n = row.indicator;
    const after = selectAfterDelete(tree, n);
    modal.confirm({
      title:
        row.descendants > 0
          ? t('fw.deleteIndicator.confirmTitle', { name: `${n.code} ${n.name}`, count: row.descendants })
          : t('fw.deleteIndicator.confirmTitleLeaf', { name: `${n.code} ${n.name}` }),
      content: t('fw.deleteIndicator.confirmBody'),
      okText: t('fw.delete.okText'),
      okButtonProps: { danger: true },
      cancelText: t('fw.form.cancel'),
      onOk: () =>
        change
          .mutateAsync(
            async () => {
              const { removed } = await call('indicators.delete', { id: n.id });
              return t('fw.deleteIndicator.ok', { name: n.name, count: removed });
            },
            { onSuccess: () => (after ? o.revealRow(after.id) : o.setSelectedId(null)) },
          )
          .catch(() => undefined),
    });
  };

  const confirmRenumber = () =>
    modal.confirm({
      title: t('fw.renumber.confirmTitle'),
      content: t('fw.renumber.confirmBody'),
      okText: t('fw.renumber.okText'),
      cancelText: t('fw.form.cancel'),
      onOk: () =>
        change
          .mutateAsync(async () => {
            await call('frameworks.renumber', { id: o.frameworkId });
            return t('fw.renumber.ok');
          })
          .catch(() => undefined),
    });

  return { saving: change.isPending, moveBy, moveTo, dropOn, confirmDelete, confirmRenumber };
}
