/** 党支部: the list, the form, the workbook. */
import { takeBackup } from '../backup';
import { createBranch, listBranches, setBranchArchived, updateBranch } from '../branches';
import { importBranches, previewBranchImport, writeBranchTemplate } from '../branches-xlsx';
import type { HandlerSlice } from './define';

export const branchHandlers = {
  'branches.list': { access: 'admin', run: (input, ctx) => listBranches(ctx.db, input) },
  'branches.create': { access: 'admin', run: (input, ctx) => createBranch(ctx.db, input, ctx.now()) },
  // A branch's name and code appear in every period's results.
  'branches.update': { access: 'admin', invalidates: 'all', run: (input, ctx) => updateBranch(ctx.db, input.id, input.fields, ctx.now()) },
  'branches.setArchived': { access: 'admin', run: (input, ctx) => setBranchArchived(ctx.db, input.id, input.archived, ctx.now()) },
  'branches.previewImport': { access: 'admin', run: (input, ctx) => previewBranchImport(ctx.db, input.path) },
  'branches.import': {
    access: 'admin',
    invalidates: 'all',
    run: async (input, ctx) => {
      await takeBackup(ctx, 'import');
      return importBranches(ctx.db, input.path, ctx.now());
    },
  },
  'branches.writeTemplate': { access: 'admin', run: (input) => writeBranchTemplate(input.path) },
} satisfies HandlerSlice;
