/**
 * The findings of a 细则 leaf's office record, read-only, one a line in the scheme's words (findingInWords):
 * “②台账不完整×3，扣1.5分：缺3月记录”. Shown where the office's record is read — the 考核组核定 table and the
 * scoring side panel — so both say it the same way.
 */
import { findingInWords, type Finding } from '../../../shared/domain/findings';
import type { LeafMethod } from '../../../shared/domain/framework';

interface Props {
  method: Extract<LeafMethod, { kind: 'rules' }>;
  findings: readonly Finding[];
  /** detail[i] is finding i's reason. */
  detail: readonly string[];
  className?: string;
}

export function FindingsList({ method, findings, detail, className }: Props) {
  if (findings.length === 0) return null;
  return (
    <ol className={className} data-testid="findings-list">
      {findings.map((f, i) => (
        <li key={i}>{findingInWords(method, f, detail[i] ?? '')}</li>
      ))}
    </ol>
  );
}
