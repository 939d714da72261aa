// Exports the emulated spreadsheet as .xlsx so a newcomer can open the generated plan in any spreadsheet app.
import ExcelJS from 'exceljs';
import type { Workspace } from '../../emulator/workspace';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Values, formulas' results, header notes, frozen rows, column widths, wrapped cells and tab
 * colours; `only` keeps the tabs whose name it accepts (the print test exports the briefs alone).
 */
export async function workbookXlsx(
  ws: Workspace,
  only: (sheetName: string) => boolean = () => true,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Shared Work Plan (local preview)';
  const spreadsheet = ws.sheets.spreadsheet;
  for (const sheet of spreadsheet.getSheets()) {
    if (!only(sheet.getName())) continue;
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
    const wraps = range.getWraps();
    values.forEach((row, r) => {
      const xlRow = out.getRow(r + 1);
      row.forEach((value, c) => {
        const cell = xlRow.getCell(c + 1);
        cell.value = isDate(value) ? value : (value as string | number | boolean);
        const format = formats[r]?.[c];
        if (format && format !== 'General' && format !== '@') cell.numFmt = format;
        if (notes[r]?.[c]) cell.note = notes[r][c];
        if (wraps[r]?.[c]) cell.alignment = { wrapText: true, vertical: 'top' };
        if (r < frozen) cell.font = { bold: true };
      });
    });
    // Sheets grows a row to fit its wrapped text, and so does its PDF download; LibreOffice keeps an
    // imported row's height, so each row gets the lines its longest wrapped cell needs (an estimate:
    // about 6 px a character at the default 10 pt font, 14 pt a line).
    values.forEach((row, r) => {
      const lines = Math.max(
        1,
        ...row.map((value, c) => {
          if (!wraps[r]?.[c]) return 1;
          const perLine = Math.max(1, Math.floor((sheet.getColumnWidth(c + 1) - 8) / 6));
          return String(value ?? '')
            .split('\n')
            .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
        }),
      );
      if (lines > 1) out.getRow(r + 1).height = lines * 14;
    });
    for (let c = 1; c <= lastCol; c++) {
      const px = sheet.getColumnWidth(c);
      out.getColumn(c).width = Math.max(8, Math.round(px / 7));
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
