/**
 * 分工评分: the 评分范围 of a group or a rater, picked from the period framework's tree. Checking a section keeps
 * only its code (SHOW_PARENT), which is what a scope means: a node and everything below it. Empty = 全部指标.
 * A rater's choice is offered within their group's scope only (the service refuses anything outside it).
 */
import { TreeSelect } from 'antd';
import type { Indicator } from '../../../../shared/domain/framework';
import { childrenOf } from '../../../../shared/domain/framework-validate';
import { t } from '../../../../shared/messages';

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

interface Props {
  indicators: readonly Indicator[];
  /** The group's scope a rater's lies within; [] or absent = the whole framework. */
  within?: readonly string[];
  value?: string[];
  onChange?: (codes: string[]) => void;
}

export function ScopeSelect({ indicators, within = [], value, onChange }: Props) {
  const children = childrenOf(indicators);
  const node = (n: Indicator): TreeNode => {
    const below = children.get(n.id) ?? [];
    return { value: n.code, title: `${n.code} ${n.name}`, ...(below.length ? { children: below.map(node) } : {}) };
  };
  const byId = new Map(indicators.map((n) => [n.id, n]));
  const namedAbove = (n: Indicator): boolean => {
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    return parent !== undefined && (within.includes(parent.code) || namedAbove(parent));
  };
  // The group's named nodes, each once (a code below another named one is inside it already).
  const roots = within.length ? indicators.filter((n) => within.includes(n.code) && !namedAbove(n)) : (children.get(null) ?? []);
  return (
    <TreeSelect
      treeData={roots.map(node)}
      value={value ?? []}
      onChange={(codes: string[]) => onChange?.(codes)}
      treeCheckable
      showCheckedStrategy={TreeSelect.SHOW_PARENT}
      showSearch
      treeNodeFilterProp="title"
      allowClear
      maxTagCount="responsive"
      placeholder={t('panel.scope.placeholder')}
      aria-label={t('panel.scope.label')}
      style={{ width: '100%' }}
    />
  );
}
