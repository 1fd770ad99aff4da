/**
 * What sits on the focused cell of the scoring grid: the one real <input>
 * (typing goes straight into it, so a Chinese input method works too), the
 * bubble under it (the method's hint, a refusal, or the level choices), and
 * the reasons editor when the rater asks for it (Alt+Enter, the reasons
 * column or the side panel — never on its own after a count is typed).
 */
import { Popover } from 'antd';
import type { Ref } from 'react';
import { t } from '../../../../shared/messages';
import { DetailEditor } from './DetailEditor';
import { methodHint, type LeafRow, type SheetBranch } from './model';
import type { GridEditing } from './useGridEditing';
import type { useGridKeyboard } from './useGridKeyboard';
import { FOOTER_H, HEADER_H, ROW_H, type GridLayout } from './useGridLayout';

const BUBBLE_W = 300;

export interface CellEditorProps {
  layout: GridLayout;
  /** The branches in sheet order (where the reasons editor opens). */
  branches: readonly SheetBranch[];
  /** The focused row's index in the sheet's rows. */
  focusRowIndex: number;
  single: boolean;
  inputRef: Ref<HTMLInputElement>;
  editing: GridEditing;
  events: ReturnType<typeof useGridKeyboard>;
}

export function CellEditor({ layout, branches, focusRowIndex, single, inputRef, editing: ed, events }: CellEditorProps) {
  const { rows, focusBranch, columns, focusCol, rowTops, colLefts, rowV, colV, frozenW } = layout;
  const { focusRow, editing, notice, detail } = ed;
  const inputLeft = colLefts[focusCol] ?? frozenW;
  const inputTop = rowTops[focusRowIndex] ?? HEADER_H;
  const inputWidth = columns[focusCol]?.width ?? columns[0]?.width ?? 0;
  const viewBottom = (rowV.scrollOffset ?? 0) + (rowV.scrollRect?.height ?? 600) - FOOTER_H;
  const viewRight = (colV.scrollOffset ?? 0) + (colV.scrollRect?.width ?? 800);
  const bubbleAbove = inputTop + ROW_H + 120 > viewBottom;
  const bubbleLeft = inputLeft + BUBBLE_W > viewRight ? Math.max(frozenW, inputLeft + inputWidth - BUBBLE_W) : inputLeft;
  const bubbleText = editing?.error ?? notice;
  const showBubble = !!focusRow && (!!editing || !!notice);
  const levelOptions = editing && focusRow?.method.kind === 'level' && !editing.error ? focusRow.method.levels : null;

  return (
    <>
      {focusRow ? (
        <input
          ref={inputRef}
          className={`rp-cell-input${editing ? ' is-editing' : ''}${editing?.error ? ' is-invalid' : ''}`}
          style={{ left: inputLeft, top: inputTop, width: inputWidth, height: ROW_H }}
          value={editing?.text ?? ''}
          aria-label={t('scoring.grid.cellLabel', { leaf: `${focusRow.leaf.code} ${focusRow.leaf.name}`, branch: `${focusBranch.code} ${focusBranch.name}` })}
          aria-invalid={!!editing?.error}
          data-testid="cell-input"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => events.onChange(e.target.value)}
          onKeyDown={events.onKeyDown}
          onCompositionStart={events.onCompositionStart}
          onBlur={events.onBlur}
          onCopy={events.onCopy}
          onPaste={events.onPaste}
          onDoubleClick={() => ed.beginEdit('edit')}
        />
      ) : null}
      {showBubble ? (
        <div
          className={`rp-cell-bubble${bubbleText ? ' is-error' : ''}${bubbleAbove ? ' is-above' : ''}`}
          style={{ left: bubbleLeft, top: bubbleAbove ? inputTop - 4 : inputTop + ROW_H + 4, maxWidth: BUBBLE_W }}
          role={bubbleText ? 'alert' : undefined}
          data-testid="cell-bubble"
        >
          {bubbleText ?? methodHint(focusRow!.leaf, focusRow!.method)}
          {levelOptions ? (
            <div className="rp-level-options">
              {levelOptions.map((l, i) => (
                <button
                  type="button"
                  key={l.label}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    ed.commitText(String(i + 1), 'down');
                  }}
                >
                  <b>{i + 1}</b> {l.label}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      {detail && rows[detail.row]?.kind === 'leaf' ? (
        <Popover
          open
          placement="bottomLeft"
          arrow={false}
          destroyOnHidden
          content={
            <DetailEditor
              row={rows[detail.row] as LeafRow}
              branch={branches.find((b) => b.id === detail.branchId)!}
              value={detail.value}
              initial={detail.initial}
              onOk={(reasons) => ed.finishDetail(reasons)}
              onCancel={() => ed.finishDetail(null)}
            />
          }
        >
          <div
            className="rp-detail-anchor"
            style={{ left: colLefts[single ? 0 : branches.findIndex((b) => b.id === detail.branchId)] ?? frozenW, top: rowTops[detail.row] ?? HEADER_H, width: inputWidth, height: ROW_H }}
          />
        </Popover>
      ) : null}
    </>
  );
}
