import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../electron/services/xlsx';
import { wholeCharacters } from '../../electron/services/xlsx-sheet';
import { tempDir } from '../helpers/tmp';

async function collect(chunks: Buffer[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  async function* from() {
    yield* chunks;
  }
  for await (const c of wholeCharacters(from())) out.push(c);
  return out;
}

describe('imports read Chinese text whole, however the reader chunks it (exceljs #2063)', () => {
  it('re-cuts chunks at character boundaries: each chunk decodes on its own to the same text', async () => {
    const text = '党建𠀀业务融合考评，a';
    const bytes = Buffer.from(text, 'utf8');
    for (let size = 1; size <= 7; size++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const out = await collect(chunks);
      expect(out.map((c) => c.toString('utf8')).join('')).toBe(text);
      expect(Buffer.concat(out).equals(bytes)).toBe(true);
    }
  });

  it('a workbook with far more than 16 KB of Chinese shared strings reads back exactly', async () => {
    const file = path.join(tempDir(), '长文本.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('细则');
    const texts = Array.from({ length: 2000 }, (_v, i) => `第${i}条评分细则：支部书记每月带队开展隐患排查`);
    for (const text of texts) sheet.addRow([text]);
    await wb.xlsx.writeFile(file);
    const read = await readWorkbook(file);
    const values: unknown[] = [];
    read.worksheets[0]!.eachRow((row) => values.push(row.getCell(1).value));
    expect(values).toEqual(texts);
  });
});
