/** 指标体系: versions, the indicator tree, the workbook. Edits change every period computed on the version. */
import { takeBackup } from '../backup';
import { exportFramework, importFramework, previewFrameworkImport, writeFrameworkTemplate } from '../framework-xlsx';
import {
  addIndicator,
  createFramework,
  deleteFramework,
  deleteIndicator,
  getFramework,
  listFrameworks,
  moveIndicator,
  newFrameworkVersion,
  renumberCodes,
  updateFrameworkMeta,
  updateIndicator,
} from '../frameworks';
import type { HandlerSlice } from './define';

export const frameworkHandlers = {
  'frameworks.list': { access: 'admin', run: (_input, ctx) => listFrameworks(ctx.db) },
  'frameworks.get': { access: 'admin', run: (input, ctx) => getFramework(ctx.db, input.id) },
  'frameworks.create': { access: 'admin', run: (input, ctx) => ({ id: createFramework(ctx.db, input, ctx.now()) }) },
  'frameworks.updateMeta': {
    access: 'admin',
    run: (input, ctx) => {
      updateFrameworkMeta(ctx.db, input.id, input, ctx.now());
      return null;
    },
  },
  'frameworks.delete': {
    access: 'admin',
    run: (input, ctx) => {
      deleteFramework(ctx.db, input.id);
      return null;
    },
  },
  'frameworks.newVersion': { access: 'admin', run: (input, ctx) => ({ id: newFrameworkVersion(ctx.db, input.id, ctx.now()) }) },
  'frameworks.renumber': {
    access: 'admin',
    invalidates: 'all',
    run: (input, ctx) => {
      renumberCodes(ctx.db, input.id, ctx.now());
      return null;
    },
  },
  'frameworks.writeTemplate': { access: 'admin', run: (input) => writeFrameworkTemplate(input.path) },
  'frameworks.export': { access: 'admin', run: (input, ctx) => exportFramework(ctx.db, input.id, input.path) },
  'frameworks.previewImport': { access: 'admin', run: (input) => previewFrameworkImport(input.path) },
  'frameworks.import': {
    access: 'admin',
    run: async (input, ctx) => {
      await takeBackup(ctx, 'import');
      return importFramework(ctx.db, input.path, { name: input.name }, ctx.now());
    },
  },

  'indicators.add': { access: 'admin', invalidates: 'all', run: (input, ctx) => addIndicator(ctx.db, input.frameworkId, input.parentId, input.fields, ctx.now()) },
  'indicators.update': { access: 'admin', invalidates: 'all', run: (input, ctx) => updateIndicator(ctx.db, input.id, input.fields, ctx.now()) },
  'indicators.delete': { access: 'admin', invalidates: 'all', run: (input, ctx) => ({ removed: deleteIndicator(ctx.db, input.id, ctx.now()) }) },
  'indicators.move': {
    access: 'admin',
    invalidates: 'all',
    run: (input, ctx) => {
      moveIndicator(ctx.db, input.id, input.parentId, input.position, ctx.now());
      return null;
    },
  },
} satisfies HandlerSlice;
