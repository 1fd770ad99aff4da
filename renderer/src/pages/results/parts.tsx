/** Small building blocks of the results screen: clickable numbers, the grade and quadrant tags. */
import { Tag, Tooltip } from 'antd';
import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import { gradeStyle, quadrantStyle } from '../../charts/palette';

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

/**
 * A grade in the one palette used on every screen and chart (优秀/良好/一般/较差; a period's other
 * labels by their position in `labels`, best first; otherwise grey).
 */
export function GradeTag({ label, tooltip, large, labels }: { label: string; tooltip?: ReactNode; large?: boolean; labels?: readonly string[] }) {
  const s = gradeStyle(label, labels?.indexOf(label), labels?.length);
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

/** A fusion quadrant (双强 / 党建强业务弱 / 业务强党建弱 / 双弱) in the colours of the quadrant chart. */
export function QuadrantTag({ quadrant, style }: { quadrant: string; style?: CSSProperties }) {
  const q = quadrantStyle(quadrant);
  return (
    <Tag style={{ color: q.tagText, background: q.tagBackground, borderColor: q.tagBorder, ...style }} data-quadrant={quadrant}>
      {quadrant}
    </Tag>
  );
}
