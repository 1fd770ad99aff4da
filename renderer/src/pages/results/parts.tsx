/** Small building blocks of the results screen: clickable numbers and the grade tag. */
import { Tag, Tooltip } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { gradeStyle } from './format';

/**
 * A number that opens what produced it. A real button (keyboard: Tab, Enter),
 * drawn as a number with a dotted underline so it reads as a figure, not a control.
 */
export function NumLink(props: { children: ReactNode; onClick: () => void; tooltip?: ReactNode; className?: string; testId?: string }) {
  const button = (
    <button
      type="button"
      className={`rpr-numlink ${props.className ?? ''}`}
      data-testid={props.testId}
      onClick={(e: MouseEvent) => {
        e.stopPropagation();
        props.onClick();
      }}
    >
      {props.children}
    </button>
  );
  return props.tooltip ? <Tooltip title={props.tooltip}>{button}</Tooltip> : button;
}

/** A grade in the one palette used on every screen (优秀/良好/一般/较差; other labels grey). */
export function GradeTag({ label, tooltip, large }: { label: string; tooltip?: ReactNode; large?: boolean }) {
  const s = gradeStyle(label);
  const tag = (
    <Tag
      className={large ? 'rpr-grade rpr-grade-large' : 'rpr-grade'}
      style={{ color: s.color, background: s.background, borderColor: s.border }}
      data-grade={label}
    >
      {label}
    </Tag>
  );
  return tooltip ? <Tooltip title={tooltip}>{tag}</Tooltip> : tag;
}
