/**
 * The scoring grid's frozen header, its (virtualised) rows and its frozen
 * subtotal footer. Each draws only the columns and rows in view.
 */
import type { VirtualItem } from '@tanstack/react-virtual';
import { useMemo } from 'react';
import { t } from '../../../../shared/messages';
import { cellView, footView, groupCellView, vetoOnlyGroups } from './cellView';
import { ColumnHead, FootCell, GridCell, GroupCell, RowHead } from './GridPieces';
import { fmt, type Row } from './model';
import type { SheetStore } from './sheetStore';
import { FOOTER_H, HEADER_H, type Column } from './useGridLayout';

interface Band {
  store: SheetStore;
  columns: Column[];
  virtualCols: VirtualItem[];
  totalWidth: number;
  /** The frozen indicator column's width (narrower on a compact grid). */
  frozenW: number;
}

export function GridHead({ store, columns, virtualCols, totalWidth, frozenW, focusCol }: Band & { focusCol: number }) {
  return (
    <div className="rp-grid-head" style={{ width: totalWidth, height: HEADER_H }}>
      <div className="rp-grid-corner" style={{ width: frozenW }}>
        {t('scoring.grid.corner')}
      </div>
      {virtualCols.map((vc) => {
        const c = columns[vc.index]!;
        return (
          <ColumnHead
            key={`h-${vc.index}`}
            left={vc.start}
            width={c.width}
            detail={c.kind === 'detail'}
            code={c.branch.code}
            name={c.branch.name}
            recused={c.branch.recused ? c.branch.reason : null}
            scored={store.scored.get(c.branch.id) ?? 0}
            expected={store.expectedOf(c.branch.id)}
            focused={vc.index === focusCol}
          />
        );
      })}
    </div>
  );
}

export function GridRows(
  props: Band & { rows: readonly Row[]; virtualRows: VirtualItem[]; focusRow: number; focusCol: number; onFillVeto?: (groupId: number) => void },
) {
  const { store, columns, virtualCols, totalWidth, frozenW, rows, focusRow, focusCol } = props;
  const vetoGroups = useMemo(() => vetoOnlyGroups(store.leafRows), [store.leafRows]);
  return props.virtualRows.map((vr) => {
    const row = rows[vr.index]!;
    if (row.kind === 'group') {
      return (
        <div key={vr.key} className="rp-grid-row is-group" style={{ top: vr.start, height: vr.size, width: totalWidth }}>
          <RowHead
            group
            width={frozenW}
            action={vetoGroups.has(row.node.id) ? props.onFillVeto : undefined}
            groupId={row.node.id}
            code={row.node.code}
            name={row.node.name}
            method={null}
            max={row.node.maxPoints ? t('scoring.grid.points', { points: fmt(row.node.maxPoints) }) : ''}
            depth={0}
            focused={false}
            quant={false}
          />
          {virtualCols.map((vc) => (
            <GroupCell key={`g-${vc.index}`} left={vc.start} width={columns[vc.index]!.width} {...groupCellView(store, row, columns[vc.index]!)} />
          ))}
        </div>
      );
    }
    return (
      <div key={vr.key} className="rp-grid-row" style={{ top: vr.start, height: vr.size, width: totalWidth }}>
        <RowHead
          group={false}
          width={frozenW}
          code={row.leaf.code}
          name={row.leaf.name}
          method={row.office ? `${t(`scoring.method.${row.method.kind}`)}·${t('fw.entry.tag')}` : t(`scoring.method.${row.method.kind}`)}
          max={row.method.kind === 'veto' ? '' : fmt(row.leaf.maxPoints)}
          depth={row.depth}
          focused={vr.index === focusRow}
          quant={!row.rated}
        />
        {virtualCols.map((vc) => (
          <GridCell
            key={`c-${vc.index}`}
            {...cellView(store, row, vr.index, columns[vc.index]!, vc.start, vc.index, vr.index === focusRow && vc.index === focusCol)}
          />
        ))}
      </div>
    );
  });
}

export function GridFoot({ store, columns, virtualCols, totalWidth, frozenW }: Band) {
  return (
    <div className="rp-grid-foot" style={{ width: totalWidth, height: FOOTER_H }}>
      <div className="rp-grid-corner is-foot" style={{ width: frozenW }} title={t('scoring.grid.subtotalHint')}>
        {t('scoring.grid.subtotal')}
      </div>
      {virtualCols.map((vc) => {
        const c = columns[vc.index]!;
        return <FootCell key={`f-${vc.index}`} left={vc.start} width={c.width} detail={c.kind === 'detail'} code={c.branch.code} {...footView(store, c)} />;
      })}
    </div>
  );
}
