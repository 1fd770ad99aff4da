/**
 * The one table from contract method to service. `dispatch` is the main
 * process's edge: Electron IPC, the test harness and the tests all call it.
 */
import type { MethodName, Output, ParsedInput } from '../../shared/api';
import { getAppInfo } from './app-info';
import { createBranch, listBranches, setBranchArchived, updateBranch } from './branches';
import { importBranches, previewBranchImport, writeBranchTemplate } from './branches-xlsx';
import type { ServiceContext } from './context';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: ServiceContext,
) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export const handlers: Handlers = {
  'app.info': (_input, ctx) => getAppInfo(ctx),

  'branches.list': (input, ctx) => listBranches(ctx.db, input),
  'branches.create': (input, ctx) => createBranch(ctx.db, input, ctx.now()),
  'branches.update': (input, ctx) => updateBranch(ctx.db, input.id, input.fields, ctx.now()),
  'branches.setArchived': (input, ctx) => setBranchArchived(ctx.db, input.id, input.archived, ctx.now()),
  'branches.previewImport': (input, ctx) => previewBranchImport(ctx.db, input.path),
  'branches.import': (input, ctx) => importBranches(ctx.db, input.path, ctx.now()),
  'branches.writeTemplate': (input) => writeBranchTemplate(input.path),

  'dialog.openFile': (input, ctx) => ctx.desktop.openFile(input),
  'dialog.saveFile': (input, ctx) => ctx.desktop.saveFile(input),
  'shell.showInFolder': async (input, ctx) => {
    await ctx.desktop.showInFolder(input.path);
    return null;
  },
};
