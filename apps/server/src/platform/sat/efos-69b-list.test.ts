import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvLine } from './csv-line.js';
import { parse69bList, read69bList } from './efos-69b-list.js';

// The shared fixtures live next to the repository, not in it; only tests read them.
const SAMPLE = readFileSync(
  fileURLToPath(
    new URL('../../../../../../shared/fixtures/69b/Listado_Completo_69-B.muestra.csv', import.meta.url),
  ),
);
const SAMPLE_TEXT = new TextDecoder('windows-1252').decode(SAMPLE);
const HEADER = SAMPLE_TEXT.split('\r\n')[2] as string;
const EMPTY_STAGES = ',,,,,,,,,,,,,,,,'; // the 16 notice columns, empty

/** Bytes in chunks of `size`, as a slow network would deliver them. */
function chunked(bytes: Uint8Array, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size)
    chunks.push(Buffer.from(bytes.subarray(start, start + size)));
  return Readable.from(chunks);
}

const fromText = (text: string) => Readable.from([Buffer.from(text, 'utf8')]);
const withHeader = (...rows: string[]) => fromText(['Información', HEADER, ...rows].join('\r\n'));

describe('SAT 69-B list parser', () => {
  it('reads the sample: Windows-1252 accents and Ñ, commas inside quoted names, ISO dates', async () => {
    const list = await read69bList(Readable.from([SAMPLE]));
    expect(list.fileError).toBeUndefined();
    expect(list.invalidRows).toEqual([]);
    expect(list.preamble).toEqual([
      'Información actualizada al 31 de octubre de 2026',
      'Listado completo de contribuyentes (Artículo 69-B del Código Fiscal de la Federación)',
    ]);
    expect(
      list.taxpayers.map(({ rfc, name, situation, publishedAt }) => ({ rfc, name, situation, publishedAt })),
    ).toEqual([
      {
        rfc: 'XIQB891116QE4',
        name: 'COMERCIALIZADORA FICTICIA DEL BAJÍO, S.A. DE C.V.',
        situation: 'definitivo',
        publishedAt: '2025-06-18',
      },
      {
        rfc: 'AAA010101AAA',
        name: 'SERVICIOS INEXISTENTES PEÑA, S.C.',
        situation: 'presunto',
        publishedAt: '2026-03-09',
      },
      {
        rfc: 'GAPA750101AB1',
        name: 'ANTONIO GARCÍA PÉREZ',
        situation: 'desvirtuado',
        publishedAt: '2024-08-06',
      },
      {
        rfc: 'SFA101010AB2',
        name: 'SOLUCIONES FAVORABLES, S.A. DE C.V.',
        situation: 'sentencia_favorable',
        publishedAt: '2025-11-10',
      },
    ]);
    expect(list.taxpayers[0]?.notices).toEqual({
      presunto: {
        satNotice: '500-05-2025-1111 de fecha 10 de enero de 2025',
        satPublishedAt: '2025-01-10',
        dofNotice: '500-05-2025-1111 de fecha 10 de enero de 2025',
        dofPublishedAt: '2025-01-15',
      },
      definitivo: {
        satNotice: '500-05-2025-2222 de fecha 12 de junio de 2025',
        satPublishedAt: '2025-06-12',
        dofNotice: '500-05-2025-2222 de fecha 12 de junio de 2025',
        dofPublishedAt: '2025-06-18',
      },
    });
    expect(list.taxpayers[0]?.raw).toHaveLength(20);
  });

  it('numbers lines as in the file, so a person can find a reported row', async () => {
    const lines: number[] = [];
    for await (const item of parse69bList(Readable.from([SAMPLE]))) {
      if (item.kind === 'taxpayer') lines.push(item.line);
    }
    expect(lines).toEqual([4, 5, 6, 7]);
  });

  it('gives the same result whether the bytes come whole, one by one, or as UTF-8 with a BOM', async () => {
    const whole = await read69bList(Readable.from([SAMPLE]));
    expect(await read69bList(chunked(SAMPLE, 1))).toEqual(whole);
    const utf8WithBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE_TEXT, 'utf8')]);
    expect(await read69bList(chunked(utf8WithBom, 7))).toEqual(whole);
    expect(
      await read69bList(
        (async function* () {
          yield `\uFEFF${SAMPLE_TEXT}`;
        })(),
      ),
    ).toEqual(whole);
  });

  it('reads latin1 bytes, and the Windows-1252 letters latin1 lacks', async () => {
    const row = `1,AAA010101AAA,"PEÑA “LA PAZ” – DISEÑO, S.C.",Presunto${EMPTY_STAGES}`;
    const cp1252 = Buffer.from(
      [...`Información\r\n${HEADER}\r\n${row}\r\n`].map(
        (char) => ({ '“': 0x93, '”': 0x94, '–': 0x96 })[char] ?? char.charCodeAt(0),
      ),
    );
    const list = await read69bList(Readable.from([cp1252]));
    expect(list.taxpayers[0]?.name).toBe('PEÑA “LA PAZ” – DISEÑO, S.C.');
    const latin1 = await read69bList(
      Readable.from([Buffer.from(`Información\n${HEADER}\n${row.replace(/[“”–]/g, '-')}`, 'latin1')]),
    );
    expect(latin1.taxpayers[0]?.name).toBe('PEÑA -LA PAZ- - DISEÑO, S.C.');
  });

  it('copes with a list of SAT’s real size (15,000 rows) streamed in 64 KB chunks', async () => {
    function* rows() {
      yield 'Información actualizada\r\nListado completo\r\n';
      yield `${HEADER}\r\n`;
      for (let n = 1; n <= 15_000; n += 1) {
        const rfc = `ABC${String(100000 + (n % 900000)).padStart(6, '0')}${String(n % 1000).padStart(3, '0')}`;
        yield `${n},${rfc},"EMPRESA NÚMERO ${n}, S.A. DE C.V.",Definitivo,oficio,01/02/2025,oficio,03/02/2025,,,,,oficio,04/05/2025,oficio,06/05/2025,,,,\r\n`;
      }
    }
    const bytes = Buffer.from(new TextEncoder().encode([...rows()].join('')));
    let count = 0;
    for await (const item of parse69bList(chunked(bytes, 64 * 1024))) {
      if (item.kind === 'taxpayer') count += 1;
      else expect(item.kind).toBe('preamble');
    }
    expect(count).toBe(15_000);
  });

  it('reports an unbalanced quote on its row and keeps reading the next rows', async () => {
    const list = await read69bList(
      withHeader(
        `1,AAA010101AAA,"SIN CIERRE, S.A.,Presunto${EMPTY_STAGES}`,
        `2,XIQB891116QE4,"BIEN, S.A.",Definitivo${EMPTY_STAGES}`,
      ),
    );
    expect(list.invalidRows).toEqual([
      expect.objectContaining({ line: 3, reason: 'Comillas sin cerrar en la columna 3.' }),
    ]);
    expect(list.taxpayers.map((taxpayer) => taxpayer.rfc)).toEqual(['XIQB891116QE4']);
  });

  it('reports rows it cannot trust: unquoted comma, bad RFC, unknown situation, repeated header', async () => {
    const list = await read69bList(
      withHeader(
        `1,AAA010101AAA,EMPRESA, S.A.,Presunto${EMPTY_STAGES}`,
        `2,AAA01010,"EMPRESA",Presunto${EMPTY_STAGES}`,
        `3,AAA010101AAA,"EMPRESA",Sospechoso${EMPTY_STAGES}`,
        HEADER,
        `4,aaa010101aaa,"  EMPRESA   BUENA ",presuntos${EMPTY_STAGES}`,
        ',,,,,,,,,,,,,,,,,,,',
      ),
    );
    expect(list.invalidRows.map(({ line, reason }) => [line, reason])).toEqual([
      [3, 'Tiene 21 columnas y se esperaban 20: ¿una coma sin comillas?'],
      [4, 'RFC no válido: "AAA01010".'],
      [5, 'Situación del contribuyente desconocida: "Sospechoso".'],
      [6, 'Encabezado repetido.'],
    ]);
    expect(list.taxpayers).toEqual([
      expect.objectContaining({ rfc: 'AAA010101AAA', name: 'EMPRESA BUENA', situation: 'presunto' }),
    ]);
    expect(list.fileError).toBeUndefined();
  });

  it.each([
    ['an empty file', '', 'El archivo está vacío.'],
    ['only blank lines', '\r\n\r\n', 'El archivo está vacío.'],
    [
      'a header and no rows',
      `Información\r\n${HEADER}\r\n`,
      'El archivo no contiene ningún contribuyente válido.',
    ],
    [
      'another CSV',
      'Fecha,Monto\r\n01/01/2026,100\r\n',
      'No se encontró el encabezado (No, RFC, …): no parece el listado 69-B.',
    ],
  ])('refuses %s as the list', async (_name, text, reason) => {
    expect((await read69bList(fromText(text))).fileError).toBe(reason);
  });

  it('stops at a wrong header instead of reading thousands of rows as preamble', async () => {
    const text = Array.from({ length: 50 }, (_, n) => `${n},dato`).join('\n');
    const items = [];
    for await (const item of parse69bList(fromText(text))) items.push(item);
    expect(items).toHaveLength(10);
    expect(items.at(-1)).toMatchObject({ kind: 'invalid_file', line: 10 });
  });

  it('refuses a file without line breaks (binary, or not this list) without filling memory', async () => {
    const list = await read69bList(chunked(Buffer.alloc(300 * 1024, 0x41), 16 * 1024));
    expect(list.fileError).toBe('La línea 1 es demasiado larga: el archivo no parece de texto.');
  });

  it('accepts LF and old-Mac CR line endings', async () => {
    const rows = [
      `1,AAA010101AAA,"UNO",Presunto${EMPTY_STAGES}`,
      `2,XIQB891116QE4,"DOS",Definitivo${EMPTY_STAGES}`,
    ];
    for (const newline of ['\n', '\r']) {
      const list = await read69bList(fromText(['Info', HEADER, ...rows].join(newline)));
      expect(list.taxpayers.map((taxpayer) => taxpayer.rfc)).toEqual(['AAA010101AAA', 'XIQB891116QE4']);
    }
  });
});

describe('CSV line', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['"a,b",c', ['a,b', 'c']],
    ['"di ""hola""",x', ['di "hola"', 'x']],
    ['a,,', ['a', '', '']],
    ['', ['']],
    ['ab "c" d,e', ['ab "c" d', 'e']],
    ['"",x', ['', 'x']],
  ])('splits %j', (line, fields) => {
    expect(parseCsvLine(line)).toEqual({ ok: true, fields });
  });

  it.each([
    ['"abc', 'Comillas sin cerrar en la columna 1.'],
    ['x,"a""', 'Comillas sin cerrar en la columna 2.'],
    ['"a" b,c', 'Texto después de las comillas de cierre en la columna 1.'],
  ])('rejects %j', (line, reason) => {
    expect(parseCsvLine(line)).toEqual({ ok: false, reason });
  });
});
