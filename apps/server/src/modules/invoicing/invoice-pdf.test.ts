import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { buildAndSealCfdi40, type CfdiInput, loadCsd } from '@cajachica/cfdi';
import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { SANDBOX_TEXT } from './invoice-pdf-stamp.js';
import { readPrintedInvoice } from './printed-invoice.js';

const FIXTURES = path.join(process.cwd(), '..', 'shared', 'fixtures');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'cfdi', name), 'utf8');
const IVA16 = 'cfdi40-ingreso-iva16-eku-timbrado.xml';
const HONORARIOS = 'cfdi40-ingreso-honorarios-ret-isr-iva-eku-timbrado.xml';
const USD_UNSTAMPED = 'cfdi40-ingreso-usd-tipocambio-descuentos-eku.xml';
const NOTA_UNSTAMPED = 'cfdi40-egreso-nota-credito-eku-generado.xml';
const PDFTOTEXT = '/usr/bin/pdftotext';

/** A text's UTF-16BE hex ("00e9", "d83d de00") as a string. */
const utf16be = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex').swap16().toString('utf16le');

/**
 * The text pdfkit wrote on each page, one line per text operation: the page's content stream
 * inflated and the glyph ids of each TJ read back through the ToUnicode map of the font selected
 * for it (the embedded fonts write glyph ids, not characters). Needs no PDF tool.
 */
function pdfPages(pdf: Buffer): string[] {
  const file = pdf.toString('latin1');
  const streams = new Map<string, string>();
  for (const [, id = '', data = ''] of file.matchAll(
    /(\d+) 0 obj\n<<[^>]*>>\nstream\n([\s\S]*?)\nendstream/g,
  ))
    streams.set(id, data);
  const inflated = (id: string) =>
    inflateSync(Buffer.from(streams.get(id) ?? '', 'latin1')).toString('latin1');
  // pdfkit names fonts once per document (/F1, /F2…): glyph id → text, by that name.
  const fonts = new Map<string, Map<number, string>>();
  for (const [, name = '', id = ''] of file.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (fonts.has(name)) continue;
    const font = new RegExp(`\\n${id} 0 obj\\n<<([^>]*)>>\\nendobj`).exec(file)?.[1] ?? '';
    const cmap = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
    const glyphs = new Map<number, string>();
    // pdfkit's ranges: "<0000> <00ff> [<0000> <0041> …]", one target per glyph id from the first.
    const ranges = cmap ? inflated(cmap).matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g) : [];
    for (const [, first = '', targets = ''] of ranges)
      for (const [index, [, hex = '']] of [...targets.matchAll(/<([0-9a-f ]*)>/g)].entries())
        glyphs.set(Number.parseInt(first, 16) + index, utf16be(hex));
    fonts.set(name, glyphs);
  }
  return [...file.matchAll(/\/Contents (\d+) 0 R/g)].map(([, id = '']) => {
    const lines: string[] = [];
    let glyphs = new Map<number, string>();
    for (const [, font, array] of inflated(id).matchAll(
      /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[^\]])*)\] TJ/g,
    )) {
      if (font) glyphs = fonts.get(font) ?? new Map();
      else {
        const hex = [...(array ?? '').matchAll(/<([0-9a-f]*)>/g)].map((match) => match[1]).join('');
        lines.push(
          (hex.match(/.{4}/g) ?? []).map((gid) => glyphs.get(Number.parseInt(gid, 16)) ?? '').join(''),
        );
      }
    }
    return lines.join('\n');
  });
}

const pdfText = (pdf: Buffer) => pdfPages(pdf).join('\n');

/** The text as one line: what a wrapped value says reads whole again. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const renderedText = async (xml: string) => flat(pdfText(await renderInvoicePdf({ xml, sandbox: false })));
const TABLE_HEADER = 'Clave prod./ serv. Cantidad Clave unidad Descripción Valor unitario Importe Obj. imp.';

/** What a real PDF reader reads in `pdf`, or null (with a warning) when this machine has no pdftotext. */
function readWithPdftotext(pdf: Buffer): string | null {
  if (!existsSync(PDFTOTEXT)) {
    console.warn(`${PDFTOTEXT} is not installed: the check of the PDF with a real reader was skipped.`);
    return null;
  }
  const directory = mkdtempSync(path.join(tmpdir(), 'invoice-pdf-'));
  try {
    const file = path.join(directory, 'invoice.pdf');
    writeFileSync(file, pdf);
    return execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Adds a TimbreFiscalDigital 1.1 like a PAC's (its SelloSAT is not a real signature: nothing here verifies it). */
function fakeStamp(xml: string, uuid: string): string {
  const sello = /\sSello="([^"]+)"/.exec(xml)?.[1] ?? '';
  const selloSat = Buffer.alloc(256, 0x5a).toString('base64');
  const tfd =
    '<cfdi:Complemento><tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital"' +
    ` Version="1.1" UUID="${uuid}" FechaTimbrado="2025-06-30T20:01:00" RfcProvCertif="SPR190613I52"` +
    ` SelloCFD="${sello}" NoCertificadoSAT="30001000000500003456" SelloSAT="${selloSat}"/></cfdi:Complemento>`;
  return xml.replace('</cfdi:Comprobante>', `${tfd}</cfdi:Comprobante>`);
}

/** A factura global of June 2025 with `count` conceptos (some long) replacing a previous CFDI, sealed with SAT's test CSD. */
function facturaGlobal(conceptos: number): string {
  const now = new Date('2025-06-30T20:00:00Z');
  const read = (name: string) => readFileSync(path.join(FIXTURES, 'csd', name));
  const csd = loadCsd({
    cer: read('EKU9003173C9.cer'),
    key: read('EKU9003173C9.key'),
    password: read('EKU9003173C9.password.txt').toString('utf8'),
    now,
  });
  const input: CfdiInput = {
    serie: 'G',
    folio: '2025-06',
    fecha: '2025-06-30T19:00:00',
    tipoDeComprobante: 'I',
    formaPago: '01',
    metodoPago: 'PUE',
    lugarExpedicion: '86000',
    informacionGlobal: { periodicidad: '04', meses: '06', año: '2025' },
    cfdiRelacionados: [{ tipoRelacion: '04', uuids: ['6F35D3B5-3651-5370-BC2C-14CDBE384CD7'] }],
    emisor: { rfc: 'EKU9003173C9', nombre: 'ESCUELA KEMPER URGATE', regimenFiscal: '601' },
    receptor: {
      rfc: 'XAXX010101000',
      nombre: 'PUBLICO EN GENERAL',
      domicilioFiscalReceptor: '86000',
      regimenFiscalReceptor: '616',
      usoCfdi: 'S01',
    },
    conceptos: Array.from({ length: conceptos }, (_, index) => ({
      claveProdServ: '01010101',
      noIdentificacion: `T-${1000 + index}`,
      cantidad: '1',
      claveUnidad: 'ACT',
      descripcion:
        index % 10 === 9
          ? `Venta del ticket ${index + 1}: ${'cuaderno profesional de raya, lápiz, goma y sacapuntas; '.repeat(4)}`
          : `Venta del ticket ${index + 1}`,
      valorUnitario: `${100 + index}.50`,
      objetoImp: '02' as const,
      traslados: [{ impuesto: '002' as const, tipoFactor: 'Tasa' as const, tasaOCuota: '0.16' }],
    })),
  };
  return fakeStamp(buildAndSealCfdi40(input, csd, now), 'A1B2C3D4-0000-4000-8000-00000000C0DE');
}

describe('amountInWords', () => {
  it.each([
    ['0.50', 'CERO PESOS 50/100 M.N.'],
    ['1.00', 'UN PESO 00/100 M.N.'],
    ['21.00', 'VEINTIÚN PESOS 00/100 M.N.'],
    ['578.84', 'QUINIENTOS SETENTA Y OCHO PESOS 84/100 M.N.'],
    ['1000000.00', 'UN MILLÓN DE PESOS 00/100 M.N.'],
    ['2500000.10', 'DOS MILLONES QUINIENTOS MIL PESOS 10/100 M.N.'],
    ['5788.40', 'CINCO MIL SETECIENTOS OCHENTA Y OCHO PESOS 40/100 M.N.'],
    ['0', 'CERO PESOS 00/100 M.N.'],
    ['21000.00', 'VEINTIÚN MIL PESOS 00/100 M.N.'],
    ['31000000', 'TREINTA Y UN MILLONES DE PESOS 00/100 M.N.'],
    ['1000000000.00', 'MIL MILLONES DE PESOS 00/100 M.N.'],
    ['101.999', 'CIENTO DOS PESOS 00/100 M.N.'],
  ])('%s MXN → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('names dollars and euros, and any other currency by its code', () => {
    expect(amountInWords('1.00', 'USD')).toBe('UN DÓLAR 00/100 USD');
    expect(amountInWords('1000000', 'USD')).toBe('UN MILLÓN DE DÓLARES 00/100 USD');
    expect(amountInWords('2.5', 'EUR')).toBe('DOS EUROS 50/100 EUR');
    expect(amountInWords('12.50', 'CAD')).toBe('DOCE 50/100 CAD');
  });

  it('refuses what is not an unsigned decimal string', () => {
    for (const amount of ['', '-1.00', '1,000.00', '1e6', 'abc'])
      expect(() => amountInWords(amount), amount).toThrow(/no es un número decimal/);
  });
});

describe('readPrintedInvoice', () => {
  it('points the QR at SAT’s verification service and rebuilds the TFD’s cadena original', () => {
    const xml = fixture(IVA16);
    const invoice = readPrintedInvoice(xml);
    expect(invoice.verificationUrl).toBe(
      'https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=6F35D3B5-3651-5370-BC2C-14CDBE384CD7' +
        '&re=EKU9003173C9&rr=MCI7306249Y1&tt=3327.01&fe=KklI5Q==',
    );
    const tfd = (name: string) => new RegExp(`<tfd:[^>]* ${name}="([^"]+)"`).exec(xml)?.[1];
    expect(invoice.timbre.cadena).toBe(
      `||1.1|${tfd('UUID')}|${tfd('FechaTimbrado')}|${tfd('RfcProvCertif')}|${tfd('SelloCFD')}|${tfd('NoCertificadoSAT')}||`,
    );
  });

  it('refuses a CFDI without TimbreFiscalDigital, and what is not an ingreso or egreso 4.0', () => {
    for (const name of [USD_UNSTAMPED, NOTA_UNSTAMPED])
      expect(() => readPrintedInvoice(fixture(name)), name).toThrow(/no está timbrado/);
    expect(() => readPrintedInvoice(fixture('cfdi33-ingreso-eku-timbrado.xml'))).toThrow(
      /Solo se imprimen CFDI 4.0/,
    );
    expect(() => readPrintedInvoice(fixture('cfdi40-pagos20-eku.xml'))).toThrow(
      /ingreso \(I\) o egreso \(E\)/,
    );
  });
});

describe('renderInvoicePdf', () => {
  it('prints everything SAT asks of an ingreso with IVA 16 % and a descuento', async () => {
    const xml = fixture(IVA16);
    const pdf = await renderInvoicePdf({ xml, sandbox: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const lines = pdfText(pdf);
    const text = flat(lines);
    for (const expected of [
      'ESCUELA KEMPER URGATE',
      'EKU9003173C9',
      '601 - General de Ley Personas Morales',
      'MUNICIPIO DE CUAUTITLAN IZCALLI',
      'MCI7306249Y1',
      '54700',
      '603 - Personas Morales con Fines no Lucrativos',
      'G03 - Gastos en general.',
      'FACTURA',
      '2025-02-19T08:32:29',
      '86000',
      'I - Ingreso',
      '01 - No aplica',
      'MXN - Peso Mexicano',
      '01 - Efectivo',
      'PUE - Pago en una sola exhibición',
      '52161557',
      'H87 - PIEZA',
      // The power sign (U+23FB) has no glyph in the embedded fonts.
      'Portable tetris gamepad pro++ ?',
      'No. de identificación: GAMEPAD007',
      'Descuento: 956.04',
      'Traslado IVA 16% · base 2,868.11 · importe 458.90',
      '3,824.15',
      '$956.04',
      'IVA trasladado 16%',
      '$458.90',
      '$3,327.01',
      'TRES MIL TRESCIENTOS VEINTISIETE PESOS 01/100 M.N.',
      '02 - Sí objeto de impuesto.',
      '6F35D3B5-3651-5370-BC2C-14CDBE384CD7',
      '2025-02-19T08:37:30',
      'CVD110412TF6',
      '30001000000500003416',
      '30001000000500003456',
      'Este documento es una representación impresa de un CFDI.',
      'Página 1 de 1',
    ])
      expect(text, expected).toContain(expected);
    const unwrapped = lines.replaceAll('\n', '');
    const invoice = readPrintedInvoice(xml);
    for (const seal of [invoice.selloEmisor, invoice.timbre.selloSat, invoice.timbre.cadena])
      expect(unwrapped).toContain(seal);
    expect(text).not.toContain('SIN VALIDEZ FISCAL');
  });

  it('prints retenciones, PPD and the sandbox band', async () => {
    const pdf = await renderInvoicePdf({ xml: fixture(HONORARIOS), sandbox: true });
    const text = flat(pdfText(pdf));
    for (const expected of [
      'T 1000',
      '99 - Por definir',
      'PPD - Pago en parcialidades o diferido',
      'E48 - Unidad de servicio',
      'Retención ISR 10% · base 1,250.30 · importe 125.03',
      'Retención IVA 10.6667% · base 1,250.30 · importe 133.37',
      'ISR retenido',
      '$125.03',
      'IVA retenido',
      '$133.37',
      '$1,191.95',
      'MIL CIENTO NOVENTA Y UN PESOS 95/100 M.N.',
      SANDBOX_TEXT,
    ])
      expect(text, expected).toContain(expected);
  });

  it('refuses a CFDI the PAC has not stamped, with no PDF', async () => {
    await expect(renderInvoicePdf({ xml: fixture(USD_UNSTAMPED), sandbox: false })).rejects.toThrow(
      /no está timbrado/,
    );
  });

  it('prints a foreign currency with its exchange rate, and a nota de crédito with its related CFDI', async () => {
    const usd = await renderedText(fakeStamp(fixture(USD_UNSTAMPED), 'B1B2C3D4-0000-4000-8000-0000000000D5'));
    expect(usd).toContain('USD - Dólar americano');
    expect(usd).toContain('18.9008');
    expect(usd).toContain('Total USD');
    expect(usd).toMatch(/DÓLARES \d{2}\/100 USD/);
    const nota = await renderedText(
      fakeStamp(fixture(NOTA_UNSTAMPED), 'C1B2C3D4-0000-4000-8000-0000000000E6'),
    );
    for (const expected of [
      'NOTA DE CRÉDITO',
      'E - Egreso',
      'G02 - Devoluciones, descuentos o bonificaciones.',
      'CFDI relacionados'.toUpperCase(),
      '01 - Nota de crédito de los documentos relacionados',
      '6F35D3B5-3651-5370-BC2C-14CDBE384CD7',
      'QUINIENTOS OCHENTA PESOS 00/100 M.N.',
    ])
      expect(nota, expected).toContain(expected);
  });

  it('continues a long factura global over pages: header repeated, pages numbered, every page marked', async () => {
    const xml = facturaGlobal(90);
    const pdf = await renderInvoicePdf({ xml, sandbox: true });
    const pages = pdfPages(pdf).map(flat);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`Página ${index + 1} de ${pages.length}`);
      expect(page).toContain(SANDBOX_TEXT);
      if (page.includes('Venta del ticket')) expect(page, `page ${index + 1}`).toContain(TABLE_HEADER);
    });
    // Only the last page may hold no conceptos (when the totals and the timbre spill over).
    expect(pages.filter((page) => page.includes(TABLE_HEADER)).length).toBeGreaterThanOrEqual(
      pages.length - 1,
    );
    const text = pages.join(' ');
    for (const expected of [
      'PUBLICO EN GENERAL',
      'XAXX010101000',
      '616 - Sin obligaciones fiscales',
      'S01 - Sin efectos fiscales.',
      'G 2025-06',
      'Periodicidad: 04 - Mensual',
      'Meses: 06 - Junio',
      'Año: 2025',
      '04 - Sustitución de los CFDI previos',
      'Venta del ticket 1',
      'Venta del ticket 90: cuaderno profesional de raya, lápiz, goma y sacapuntas;',
      'No. de identificación: T-1089',
      'A1B2C3D4-0000-4000-8000-00000000C0DE',
    ])
      expect(text, expected).toContain(expected);
  });

  it('is read the same by a real PDF reader (pdftotext, when this machine has it)', async (context) => {
    const text = readWithPdftotext(await renderInvoicePdf({ xml: facturaGlobal(90), sandbox: true }));
    if (text === null) return context.skip();
    expect(text).toContain('SIN VALIDEZ FISCAL — timbre de pruebas (sandbox)');
    expect(text).toContain('Sustitución de los CFDI previos');
    expect(text).toMatch(/Página 1 de \d/);
  });

  it('prints names beyond Latin-1 as they are (the fonts are embedded Unicode fonts)', async () => {
    const name = 'ŁUKASZ ŻÓŁĆ Ωμέγα ЖУК — ŐRÜLT';
    const xml = fixture(IVA16).replace('Nombre="MUNICIPIO DE CUAUTITLAN IZCALLI"', `Nombre="${name}"`);
    expect(xml).toContain(name);
    const pdf = await renderInvoicePdf({ xml, sandbox: false });
    expect(flat(pdfText(pdf))).toContain(`Nombre ${name}`);
    const text = readWithPdftotext(pdf);
    if (text !== null) expect(text).toContain(name);
  });
});
