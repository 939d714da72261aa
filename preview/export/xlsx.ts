// Exports the emulated spreadsheet as .xlsx so a newcomer can open the generated plan in any spreadsheet app.
import ExcelJS from 'exceljs';
import { wallAt } from '../../emulator/time/zoneModel';
import type { Workspace } from '../../emulator/workspace';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * An .xlsx date is a serial number with no zone: the wall clock it stands for. Sheets shows a date
 * cell's instant in the spreadsheet's zone, so the serial is that wall clock (16:00 in a New York
 * sheet stays 16:00 in Excel and LibreOffice, not 21:00). ExcelJS turns a Date into a serial from
 * its UTC fields, hence a Date whose UTC fields are the wall clock. Time-only cells (30 Dec 1899,
 * serial day 0) become a fraction of a day, as Sheets and Excel store them.
 */
export function wallClockDate(value: Date, zone: string): Date {
  const ms = value.getTime();
  const whole = Math.floor(ms / 1000) * 1000;
  return new Date(wallAt(whole, zone) + (ms - whole));
}

/**
 * Values (dates as the sheet's wall clock), formulas' results, header notes, frozen rows, column
 * widths, merged and wrapped cells and tab colours; `only` keeps the tabs whose name it accepts (the print
 * test exports the briefs alone).
 */
export async function workbookXlsx(
  ws: Workspace,
  only: (sheetName: string) => boolean = () => true,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Shared Work Plan (local preview)';
  const spreadsheet = ws.sheets.spreadsheet;
  const zone = spreadsheet.getSpreadsheetTimeZone();
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
        cell.value = isDate(value)
          ? wallClockDate(value, zone)
          : (value as string | number | boolean);
        const format = formats[r]?.[c];
        if (format && format !== 'General' && format !== '@') cell.numFmt = format;
        if (notes[r]?.[c]) cell.note = notes[r][c];
        if (wraps[r]?.[c]) cell.alignment = { wrapText: true, vertical: 'top' };
        if (r < frozen) cell.font = { bold: true };
      });
    });
    // Merged blocks, as Sheets' own PDF download keeps them: a line merged across the tab wraps at
    // the merge's width, not at its first column's.
    const merged = range.getMergedRanges().map((m) => ({
      row: m.getRow(),
      column: m.getColumn(),
      rows: m.getNumRows(),
      columns: m.getNumColumns(),
    }));
    // After the values: a merge keeps its first cell's value, and writing a covered cell would
    // overwrite it (ExcelJS writes through to the merge's first cell).
    for (const m of merged)
      out.mergeCells(m.row, m.column, m.row + m.rows - 1, m.column + m.columns - 1);
    const widthAt = (r: number, c: number) => {
      const m = merged.find((x) => x.row === r + 1 && x.column === c + 1);
      let px = 0;
      for (let i = 0; i < (m?.columns ?? 1); i++) px += sheet.getColumnWidth(c + 1 + i);
      return px;
    };
    // Sheets grows a row to fit its wrapped text, and so does its PDF download; LibreOffice keeps an
    // imported row's height, so each row gets the lines its longest wrapped cell needs (an estimate:
    // about 6 px a character at the default 10 pt font, 14 pt a line).
    values.forEach((row, r) => {
      const lines = Math.max(
        1,
        ...row.map((value, c) => {
          if (!wraps[r]?.[c]) return 1;
          const perLine = Math.max(1, Math.floor((widthAt(r, c) - 8) / 6));
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
