import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type CellValue, streamedSheet } from './streamed-workbook.js';

async function readBack(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

const columns = [
  { width: 12, numFmt: 'yyyy-mm-dd' },
  { width: 38 },
  { width: 14, numFmt: '#,##0.00' },
  {},
  { numFmt: 'dd/mm/yyyy' },
];

describe('streamedSheet (rows written as exceljs writes them)', () => {
  it('is read back by exceljs: dates as dates, numbers as numbers, formats, bold frozen header, widths', async () => {
    const sheet = await readBack(
      streamedSheet('Gastos', { columns, frozenHeader: true }, async (rows) => {
        rows.add(['Fecha', 'Concepto', 'Total', 'Nota', 'Otra fecha'], { bold: true });
        await rows.batch([
          [
            new Date('2026-06-20T00:00:00Z'),
            'Tijeras & <papel> "x" \'y\'\u0001\u007f',
            116.5,
            'ñandú · café',
            new Date('2026-01-02T00:00:00Z'),
          ],
          [null, '', null, null, null],
          [
            'AD',
            'texto',
            -3.25,
            new Date('2025-12-31T00:00:00Z'),
            'texto en una columna de fechas',
            'más allá',
          ],
        ]);
      }),
    );
    expect(sheet.name).toBe('Gastos');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.columns.slice(0, 3).map((column) => column.width)).toEqual([12, 38, 14]);
    const header = sheet.getRow(1);
    expect(header.getCell(2).value).toBe('Concepto');
    expect(header.getCell(3).font?.bold).toBe(true);
    expect(header.getCell(3).numFmt).toBe('#,##0.00');
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toEqual(new Date('2026-06-20T00:00:00Z'));
    expect(first.getCell(1).numFmt).toBe('yyyy-mm-dd');
    // Entities escaped; characters XML cannot carry left out.
    expect(first.getCell(2).value).toBe('Tijeras & <papel> "x" \'y\'');
    expect(first.getCell(3).value).toBe(116.5);
    expect(first.getCell(3).numFmt).toBe('#,##0.00');
    expect(first.getCell(3).font?.bold).toBeUndefined();
    expect(first.getCell(4).value).toBe('ñandú · café');
    expect(first.getCell(5).value).toEqual(new Date('2026-01-02T00:00:00Z'));
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    const third = sheet.getRow(4);
    expect(third.getCell(3).value).toBe(-3.25);
    // A date in a column without a format gets exceljs' default date format.
    expect(third.getCell(4).value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(third.getCell(4).numFmt).toBe('mm-dd-yy');
    expect(third.getCell(6).value).toBe('más allá');
  });

  it('writes many batches, every row in order, and a sheet without rows', async () => {
    const many = await readBack(
      streamedSheet('Muchas', { columns }, async (rows) => {
        for (let batch = 0; batch < 5; batch++) {
          const values: CellValue[][] = [];
          for (let i = 0; i < 2000; i++) values.push([null, `fila ${batch * 2000 + i + 1}`, i]);
          await rows.batch(values);
        }
      }),
    );
    expect(many.rowCount).toBe(10_000);
    expect(many.getRow(10_000).getCell(2).value).toBe('fila 10000');
    const empty = await readBack(streamedSheet('Vacía', { columns }, async () => {}));
    expect(empty.rowCount).toBe(0);
  });

  it('fails the download when the rows fail', async () => {
    const stream = streamedSheet('Rota', { columns }, async () => {
      throw new Error('database gone');
    });
    await expect(readBack(stream)).rejects.toThrow('database gone');
  });
});
