/**
 * Runs the harness by hand: `npm run harness` (after `npm run build`), then
 * open the printed address in a browser. Ctrl+C stops it.
 */
import path from 'node:path';
import { startHarness } from './server';

const rendererDir = path.resolve('dist', 'renderer');
const harness = await startHarness({ rendererDir, dataDir: process.env.RONGPING_DATA_DIR });
console.log(`融评 harness: ${harness.url}\ndata: ${harness.dataDir}`);
process.on('SIGINT', () => void harness.close().then(() => process.exit(0)));
