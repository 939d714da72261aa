// Exports the emulated spreadsheet as .xlsx so a newcomer can open the generated plan in any spreadsheet app.
import ExcelJS from 'exceljs';
import type { Workspace } from '../../emulator/workspace';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Values, formulas' results, header notes, frozen rows, column widths and tab colours. */
export async function workbookXlsx(ws: Workspace): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Shared Work Plan (local preview)';
  const spreadsheet = ws.sheets.spreadsheet;
  for (const sheet of spreadsheet.getSheets()) {
    const frozen = sheet.getFrozenRows();
    const out = book.addWorksheet(sheet.getName().slice(0, 31), {
      views: frozen ? [{ state: 'frozen', ySplit: frozen }] : [],
    });
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    if (lastRow === 0 || lastCol === 0) continue;
    const range = sheet.getRange(1, 1, lastRow, lastCol);
    const values = range.getValues();
    const formats = range.getNumberFormats();
    const notes = range.getNotes();
    values.forEach((row, r) => {
      const xlRow = out.getRow(r + 1);
      row.forEach((value, c) => {
        const cell = xlRow.getCell(c + 1);
        cell.value = isDate(value) ? value : (value as string | number | boolean);
        const format = formats[r]?.[c];
        if (format && format !== 'General' && format !== '@') cell.numFmt = format;
        if (notes[r]?.[c]) cell.note = notes[r][c];
        if (r < frozen) cell.font = { bold: true };
      });
    });
    for (let c = 1; c <= lastCol; c++) {
      const px = sheet.getColumnWidth(c);
      out.getColumn(c).width = Math.max(8, Math.round(px / 7));
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
