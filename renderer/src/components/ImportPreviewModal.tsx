/**
 * The frame every workbook import shows before anything is written (branches,
 * frameworks, measurements, self-assessments, score sheets): the file, then
 * either the service's refusal, every bad cell (“第 N 行，X 列（列名）：原因”),
 * or — only for a clean file — what the import would store, which each kind
 * of import lays out itself.
 */
import { Alert, Modal, Spin, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { Input } from '../../../shared/api';
import type { ApiError } from '../api/client';
import { useApi } from '../api/useApi';

/** A workbook the user picked; `pickedAt` makes picking the same (edited) file again re-read it. */
export interface PickedFile {
  path: string;
  pickedAt: number;
}

type PreviewMethod = 'branches.previewImport' | 'frameworks.previewImport' | 'measurements.previewImport' | 'selfAssessment.previewImport' | 'scores.previewImport' | 'office.previewImport';

/** The preview of the picked workbook, asked afresh every time it is picked (never served from the cache). */
export function useImportPreview<M extends PreviewMethod>(method: M, picked: PickedFile | null, input: (path: string) => Input<M>) {
  return useApi(method, input(picked?.path ?? ''), { enabled: picked !== null, staleTime: 0, gcTime: 0, revision: picked?.pickedAt });
}

/** What stops the import, as one list (each item one bad cell or row). */
export interface ImportProblems {
  title: string;
  items: string[];
  testId: string;
}

interface Props {
  picked: PickedFile | null;
  title: string;
  width: number;
  footer: ReactNode;
  onCancel: () => void;
  /** The line naming the file (and any help under it). */
  fileLine: ReactNode;
  fileLineStyle?: CSSProperties;
  preview: { isPending: boolean; error: ApiError | null };
  /** Test id of the service's refusal. */
  refusedTestId?: string;
  /** Shown between the refusal and the problems (who the file belongs to, why it is locked, …). */
  notices?: ReactNode;
  problems: ImportProblems | null;
  /** What the clean file would store; shown only when there are no problems. */
  children?: ReactNode;
  forceRender?: boolean;
}

export function ImportPreviewModal(props: Props) {
  const { picked, preview, problems } = props;
  return (
    <Modal
      open={picked !== null}
      title={props.title}
      width={props.width}
      onCancel={props.onCancel}
      destroyOnHidden
      forceRender={props.forceRender}
      footer={props.footer}
    >
      <Typography.Paragraph type="secondary" style={props.fileLineStyle}>
        {props.fileLine}
      </Typography.Paragraph>
      {preview.isPending && picked !== null && <Spin />}
      {preview.error && <Alert type="error" showIcon title={preview.error.message} data-testid={props.refusedTestId} />}
      {props.notices}
      {problems && (
        <Alert
          type="error"
          showIcon
          title={problems.title}
          description={
            <ul className="rp-import-errors" data-testid={problems.testId}>
              {problems.items.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          }
        />
      )}
      {!problems && props.children}
    </Modal>
  );
}
