/**
 * The one table from contract method to handler, merged from per-area
 * slices. Each handler declares who may call it, whether it reads the
 * panel's values (blind while scoring), and what results it makes stale;
 * `dispatch` (electron/services/dispatch.ts) applies the declarations.
 * The type says every contract method has a handler; a test says none has two.
 */
import { appHandlers } from './app';
import { branchHandlers } from './branches';
import { dataHandlers } from './data';
import type { Handlers } from './define';
import { documentHandlers } from './documents';
import { frameworkHandlers } from './frameworks';
import { meetingHandlers } from './meetings';
import { panelHandlers } from './panel';
import { periodHandlers } from './periods';
import { resultHandlers } from './results';
import { safetyHandlers } from './safety';
import { scoringHandlers } from './scoring';

export type { Access, HandlerSpec, Handlers } from './define';

export const HANDLER_SLICES = {
  app: appHandlers,
  branches: branchHandlers,
  frameworks: frameworkHandlers,
  periods: periodHandlers,
  panel: panelHandlers,
  scoring: scoringHandlers,
  data: dataHandlers,
  results: resultHandlers,
  meetings: meetingHandlers,
  documents: documentHandlers,
  safety: safetyHandlers,
} as const;

export const handlers: Handlers = {
  ...appHandlers,
  ...branchHandlers,
  ...frameworkHandlers,
  ...periodHandlers,
  ...panelHandlers,
  ...scoringHandlers,
  ...dataHandlers,
  ...resultHandlers,
  ...meetingHandlers,
  ...documentHandlers,
  ...safetyHandlers,
};
