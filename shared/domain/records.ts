/**
 * Result records: each thing the app makes from a period's results (a reveal in
 * the meeting, marking the 公示 published, a Word document written) keeps the
 * fingerprint of the results it was made from, so that when the results change
 * afterwards (a back-filled score, a reopen) the app can say which records and
 * documents no longer match and offer to write the documents again.
 */

export const RESULT_RECORD_KINDS = ['reveal', 'publication', 'bulletin', 'feedback', 'publicationDoc', 'meetingPack', 'minutesDoc'] as const;
export type ResultRecordKind = (typeof RESULT_RECORD_KINDS)[number];

/** Documents are files the app can write again; the other kinds are events (a reveal, marking published). */
export const DOCUMENT_RECORD_KINDS = ['bulletin', 'feedback', 'publicationDoc', 'meetingPack', 'minutesDoc'] as const satisfies readonly ResultRecordKind[];
export const isDocumentRecordKind = (kind: ResultRecordKind): boolean => (DOCUMENT_RECORD_KINDS as readonly string[]).includes(kind);

/** One branch's figures as announced or printed. rank/grade are null when they weren't shown (results not yet visible). */
export interface RecordFigures {
  total: number;
  rank: number | null;
  grade: string | null;
}

export interface ResultRecord {
  id: number;
  periodId: number;
  kind: ResultRecordKind;
  /** ISO timestamp. */
  madeAt: string;
  /** resultsFingerprint of the period's results when it was made (64 hex). */
  fingerprint: string;
  /** The file written (documents); null for reveals and publication. */
  path: string | null;
  /** The branch concerned (a reveal, one branch's 反馈单); null when about the whole period. */
  branch: { id: number; code: string; name: string } | null;
  meetingId: number | null;
  /** The agenda item revealed. */
  itemId: number | null;
  /** What was announced/printed for one branch (reveals, a single 反馈单); null otherwise. */
  figures: RecordFigures | null;
}

/** A record made from results that have changed since. */
export interface OutdatedRecord extends ResultRecord {
  /** The branch's figures now (same shape as `figures`); null when the record has no figures or the branch has no result now. */
  current: RecordFigures | null;
}

export interface OutdatedRecords {
  /** The period's current results fingerprint. */
  fingerprint: string;
  /** Records whose fingerprint differs from the current one, newest first; for documents only the latest record per path. */
  records: OutdatedRecord[];
}
