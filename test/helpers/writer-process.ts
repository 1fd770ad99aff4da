/**
 * A second process writing the same database: opens the services on a data
 * folder and saves `count` entries for one rater as fast as it can, one call
 * each (as autosave does). Prints one JSON line: how many calls were
 * acknowledged and every failure. Used by test/unit/concurrency.test.ts.
 *
 *   tsx test/helpers/writer-process.ts DATA_DIR PERIOD_ID RATER_ID CELLS_JSON COUNT
 */
import { createServices } from '../../electron/services';

const [dataDir, periodId, raterId, cellsJson, count] = process.argv.slice(2);
const cells = JSON.parse(cellsJson!) as { branchId: number; indicatorId: number }[];
const services = createServices({ dataDir: dataDir! });
const failures: string[] = [];
let acknowledged = 0;
for (let i = 0; i < Number(count); i++) {
  const cell = cells[i % cells.length]!;
  const result = await services.invoke('entries.save', {
    periodId: Number(periodId),
    entries: [{ raterId: Number(raterId), ...cell, value: (i % 20) * 0.5 }],
  });
  if (result.ok) acknowledged++;
  else failures.push(`${i}: ${result.error.code} ${result.error.message}`);
}
services.close();
process.stdout.write(`${JSON.stringify({ acknowledged, failures })}\n`);
