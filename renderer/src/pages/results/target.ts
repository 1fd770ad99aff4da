/** What the branch drawer shows: which branch, which indicator to open, which view of the indicators. */
import type { Tag } from '../../../../shared/domain/framework';

export type TreeView = 'tree' | Tag | 'bonus' | 'incomplete';
export const TREE_VIEWS: readonly TreeView[] = ['tree', 'party', 'business', 'fusion', 'bonus', 'incomplete'];

export interface DrawerTarget {
  branchId: number;
  /** An indicator to reveal and open (a leaf's working, or a node). */
  at?: number | null;
  view?: TreeView;
}
