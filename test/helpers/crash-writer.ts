/**
 * A process killed at a random moment while it scores and imports: saves one
 * entry at a time for one rater (as autosave does) and, every tenth step,
 * imports one of two rater workbooks. Prints "ready", then "ack N" after each
 * acknowledged step. Used by test/unit/crash.test.ts.
 *
 *   node --import tsx test/helpers/crash-writer.ts DATA_DIR PLAN_JSON
 */
import { createServices } from '../../electron/services';
import { crashStep, type CrashPlan } from './crash-plan';

const [dataDir, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson!) as CrashPlan;
const services = createServices({ dataDir: dataDir! });
process.stdout.write('ready\n');
for (let i = plan.from; ; i++) {
  const step = crashStep(plan, i);
  const result =
    step.kind === 'save'
      ? await services.invoke('entries.save', { periodId: plan.periodId, entries: [{ raterId: plan.raterId, ...step.cell, value: step.value }] })
      : await services.invoke('scores.import', { periodId: plan.periodId, path: step.file });
  if (!result.ok) {
    process.stderr.write(`step ${i} failed: ${result.error.message}\n`);
    process.exit(2);
  }
  process.stdout.write(`ack ${i}\n`);
}
