/**
 * The second line of "text every file format can carry" for workbooks: the
 * contract refuses characters XML cannot hold (shared/domain/text.ts), and
 * this strips them from text that reached the database some other way (an
 * older version, a hand edit), so the file is never one Excel and WPS refuse
 * to open. writeWorkbook (xlsx.ts) calls it on every workbook it writes.
 */
import type ExcelJS from 'exceljs';
import { firstXmlInvalid, stripXmlInvalid } from '../../shared/domain/text';

/** Strips, in place, sheet names, cell text, rich text, hyperlink text, notes and list validations. */
export function stripWorkbookText(wb: ExcelJS.Workbook): void {
  const clean = <T>(v: T): T => (typeof v === 'string' ? (stripXmlInvalid(v) as T) : v);
  wb.eachSheet((ws) => {
    if (firstXmlInvalid(ws.name)) ws.name = stripXmlInvalid(ws.name) || `Sheet${ws.id}`;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          if (firstXmlInvalid(v)) cell.value = stripXmlInvalid(v);
        } else if (v && typeof v === 'object' && 'richText' in v) {
          v.richText.forEach((r) => (r.text = stripXmlInvalid(r.text)));
        } else if (v && typeof v === 'object' && 'hyperlink' in v) {
          v.text = stripXmlInvalid(v.text);
        }
        if (typeof cell.note === 'string') cell.note = stripXmlInvalid(cell.note);
        if (cell.dataValidation?.formulae) cell.dataValidation.formulae = cell.dataValidation.formulae.map(clean);
      }),
    );
  });
}
