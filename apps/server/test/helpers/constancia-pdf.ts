import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

// Replicas of the Constancia de Situación Fiscal as the SAT prints it (no real one can be kept
// here: it carries a taxpayer's data). Letter size, the same blocks in the same order: the Cédula de
// Identificación Fiscal (RFC, name, idCIF, QR), the title with place and date of issue, "Datos de
// Identificación del Contribuyente:" as label/value rows (the label bold in its column, the value
// a separate text run to its right on the same baseline), "Datos del domicilio registrado" as two
// label/value pairs per line, then "Actividades Económicas:", "Regímenes:" (Régimen, Fecha Inicio,
// Fecha Fin) and "Obligaciones:" tables, the cadena original, the digital seal and a QR.

type Doc = InstanceType<typeof PDFDocument>;

const EMBEDDED = { regular: 'CsfRegular', bold: 'CsfBold' };
const require = createRequire(import.meta.url);
const dejaVu = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`));
let embeddedFonts: { regular: Buffer; bold: Buffer } | undefined;

/** A document whose text is in embedded TrueType subsets (DejaVu) with their ToUnicode maps. */
function embeddedFontDocument(options: PDFKit.PDFDocumentOptions): Doc {
  embeddedFonts ??= { regular: dejaVu('DejaVuSansCondensed'), bold: dejaVu('DejaVuSansCondensed-Bold') };
  const doc = new PDFDocument(options);
  doc.registerFont(EMBEDDED.regular, embeddedFonts.regular);
  doc.registerFont(EMBEDDED.bold, embeddedFonts.bold);
  return doc.font(EMBEDDED.regular);
}

export interface ConstanciaReplica {
  rfc: string;
  idCif: string;
  /** The name under the RFC in the cédula. */
  headerName: string;
  /** "Datos de Identificación del Contribuyente:" rows, in order; an empty value prints nothing. */
  identity: [label: string, value: string][];
  /** "Datos del domicilio registrado": two pairs per line. */
  address: [label: string, value: string][];
  regimes: { name: string; start: string; end?: string }[];
}

export const MORAL_CSF: ConstanciaReplica = {
  rfc: 'EKU9003173C9',
  idCif: '18010245587',
  headerName: 'ESCUELA KEMPER URGATE',
  identity: [
    ['RFC:', 'EKU9003173C9'],
    ['Denominación/Razón Social:', 'ESCUELA KEMPER URGATE'],
    ['Régimen Capital:', 'SOCIEDAD ANONIMA DE CAPITAL VARIABLE'],
    ['Nombre Comercial:', ''],
    ['Fecha inicio de operaciones:', '17 DE MARZO DE 1990'],
    ['Estatus en el padrón:', 'ACTIVO'],
    ['Fecha de último cambio de estado:', '17 DE MARZO DE 1990'],
  ],
  address: [
    ['Código Postal:', '42501'],
    ['Tipo de Vialidad:', 'AVENIDA (AV.)'],
    ['Nombre de Vialidad:', 'JUÁREZ'],
    ['Número Exterior:', '301'],
    ['Número Interior:', ''],
    ['Nombre de la Colonia:', 'CENTRO'],
    ['Nombre de la Localidad:', 'PACHUCA DE SOTO'],
    ['Nombre del Municipio o Demarcación Territorial:', 'PACHUCA DE SOTO'],
    ['Nombre de la Entidad Federativa:', 'HIDALGO'],
    ['Entre Calle:', 'GUERRERO'],
    ['Y Calle:', 'MATAMOROS'],
    ['Correo Electrónico:', 'CONTABILIDAD@KEMPER.MX'],
  ],
  regimes: [
    {
      name: 'Régimen de las Personas Morales con Fines no Lucrativos',
      start: '17/03/1990',
      end: '31/12/2004',
    },
    { name: 'Régimen General de Ley Personas Morales', start: '01/01/2005' },
  ],
};

/** What the fiscal-data form is prefilled with from MORAL_CSF: constanciaPrefill, the upload's answer. */
export const MORAL_PREFILL = {
  rfc: 'EKU9003173C9',
  legalName: 'ESCUELA KEMPER URGATE',
  taxRegime: '601',
  taxRegimes: [{ key: '601', name: 'General de Ley Personas Morales' }],
  postalCode: '42501',
  personType: 'moral',
  idCif: '18010245587',
  warnings: [],
  missing: [],
};

export const FISICA_CSF: ConstanciaReplica = {
  rfc: 'NUOM850101QJ5',
  idCif: '21040123456',
  headerName: 'MARÍA JOSÉ NÚÑEZ OROZCO',
  identity: [
    ['RFC:', 'NUOM850101QJ5'],
    ['CURP:', 'NUOM850101MDFXRR09'],
    ['Nombre (s):', 'MARÍA JOSÉ'],
    ['Primer Apellido:', 'NÚÑEZ'],
    ['Segundo Apellido:', 'OROZCO'],
    ['Fecha inicio de operaciones:', '01 DE MARZO DE 2015'],
    ['Estatus en el padrón:', 'ACTIVO'],
    ['Fecha de último cambio de estado:', '01 DE MARZO DE 2015'],
    ['Nombre Comercial:', ''],
  ],
  address: [
    ['Código Postal:', '06600'],
    ['Tipo de Vialidad:', 'CALLE'],
    ['Nombre de Vialidad:', 'HAMBURGO'],
    ['Número Exterior:', '213'],
    ['Número Interior:', 'PISO 4'],
    ['Nombre de la Colonia:', 'JUÁREZ'],
    ['Nombre de la Localidad:', 'CIUDAD DE MÉXICO'],
    ['Nombre del Municipio o Demarcación Territorial:', 'CUAUHTÉMOC'],
    ['Nombre de la Entidad Federativa:', 'CIUDAD DE MÉXICO'],
    ['Entre Calle:', 'NIZA'],
    ['Y Calle:', 'GÉNOVA'],
    ['Correo Electrónico:', ''],
  ],
  regimes: [
    {
      name: 'Régimen de Sueldos y Salarios e Ingresos Asimilados a Salarios',
      start: '01/03/2015',
      end: '31/12/2021',
    },
    {
      name: 'Régimen de las Personas Físicas con Actividades Empresariales y Profesionales',
      start: '01/03/2015',
      end: '31/12/2021',
    },
    { name: 'Régimen Simplificado de Confianza', start: '01/01/2022' },
  ],
};

/** A persona moral whose long razón social, labels and régimen wrap in their cells. */
export const WRAPPING_CSF: ConstanciaReplica = {
  ...MORAL_CSF,
  rfc: 'APA1203157U2',
  idCif: '19050312345',
  headerName: 'ASOCIACIÓN DE PRODUCTORES AGRÍCOLAS Y GANADEROS DEL VALLE DE MEXICALI Y SAN LUIS RÍO COLORADO',
  identity: [
    ['RFC:', 'APA1203157U2'],
    [
      'Denominación/Razón Social:',
      'ASOCIACIÓN DE PRODUCTORES AGRÍCOLAS Y GANADEROS DEL VALLE DE MEXICALI Y SAN LUIS RÍO COLORADO',
    ],
    ['Régimen Capital:', 'SOCIEDAD DE PRODUCCION RURAL DE RESPONSABILIDAD LIMITADA'],
    ['Nombre Comercial:', 'APAGAVAM'],
    ['Fecha inicio de operaciones:', '15 DE MARZO DE 2012'],
    ['Estatus en el padrón:', 'ACTIVO'],
    ['Fecha de último cambio de estado:', '15 DE MARZO DE 2012'],
  ],
  address: MORAL_CSF.address.map(([label, value]) =>
    label === 'Código Postal:' ? [label, '21100'] : [label, value],
  ),
  regimes: [
    { name: 'Régimen General de Ley Personas Morales', start: '15/03/2012', end: '31/12/2013' },
    { name: 'Régimen de Actividades Agrícolas, Ganaderas, Silvícolas y Pesqueras PM', start: '01/01/2014' },
  ],
};

const GRAY = '#d9d9d9';

/** The document's bytes once pdfkit is done writing it. */
function bytesOf(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

async function qr(doc: Doc, text: string, x: number, y: number, size: number) {
  const png = await QRCode.toBuffer(text, { margin: 0, width: 120 });
  doc.image(png, x, y, { width: size, height: size });
}

interface Fonts {
  regular: string;
  bold: string;
}

function sectionBar(doc: Doc, fonts: Fonts, title: string, y: number): number {
  doc.rect(30, y, 552, 14).fill(GRAY).fillColor('black');
  doc
    .font(fonts.bold)
    .fontSize(9)
    .text(title, 34, y + 3, { lineBreak: false });
  return y + 20;
}

/**
 * A label and its value in a row of their table. Flat: each on one line, same baseline. Wrapped:
 * in narrow cells, where long labels and values wrap and both are centered in the row's height.
 */
function labelValueRow(
  doc: Doc,
  fonts: Fonts,
  [label, value]: [string, string],
  at: {
    x: number;
    y: number;
    labelWidth: number;
    valueX: number;
    valueWidth: number;
    wrap: boolean;
    runs: Runs;
  },
): number {
  doc.fontSize(8.5);
  if (at.runs === 'joined') {
    doc.font(fonts.regular).text(`${label} ${value}`.trim(), at.x, at.y, { lineBreak: false });
    return at.y + 14;
  }
  if (!at.wrap) {
    doc.font(fonts.bold);
    put(doc, label, at.x, at.y, at.runs);
    doc.font(fonts.regular);
    if (value !== '') put(doc, value, at.valueX, at.y, at.runs);
    return at.y + 14;
  }
  const labelHeight = doc.font(fonts.bold).heightOfString(label, { width: at.labelWidth });
  const valueHeight =
    value === '' ? 0 : doc.font(fonts.regular).heightOfString(value, { width: at.valueWidth });
  const height = Math.max(labelHeight, valueHeight);
  doc.font(fonts.bold).text(label, at.x, at.y + (height - labelHeight) / 2, { width: at.labelWidth });
  if (value !== '') {
    doc
      .font(fonts.regular)
      .text(value, at.valueX, at.y + (height - valueHeight) / 2, { width: at.valueWidth });
  }
  return at.y + height + 6;
}

/**
 * How text is written: 'whole' (one run per label and per value), 'pieces' (runs of a few
 * characters that split words, each placed where the last ended, as pdf.js often returns them),
 * 'joined' (label and value in one run).
 */
export type Runs = 'whole' | 'pieces' | 'joined';

function put(doc: Doc, text: string, x: number, y: number, runs: Runs) {
  if (runs !== 'pieces') {
    doc.text(text, x, y, { lineBreak: false });
    return;
  }
  let at = x;
  for (const piece of text.match(/.{1,4}/gsu) ?? []) {
    doc.text(piece, at, y, { lineBreak: false });
    at += doc.widthOfString(piece);
  }
}

function footer(doc: Doc, fonts: Fonts, page: number, pages: number) {
  doc.font(fonts.regular).fontSize(7);
  doc.text(`Página [${page}] de [${pages}]`, 30, 745, { lineBreak: false });
  doc.text(
    'Contacto: Av. Hidalgo 77, col. Guerrero, C.P. 06300, Ciudad de México. Atención telefónica desde cualquier parte del país MarcaSAT 55 627 22 728.',
    30,
    756,
    { width: 552 },
  );
}

/**
 * The PDF of a replica. `wrap`: narrow label and value columns (labels such as "Denominación/Razón
 * Social:" take two lines with the value centered beside them, a long razón social wraps, and so
 * does a long régimen). `font`: 'embedded' (DejaVu subsets with their Unicode text, as a generated
 * PDF usually carries) or 'standard' (Helvetica, not embedded, WinAnsi). `runs`: see Runs.
 */
export async function constanciaPdf(
  replica: ConstanciaReplica,
  options: { wrap?: boolean; font?: 'embedded' | 'standard'; runs?: Runs } = {},
): Promise<Buffer> {
  const wrap = options.wrap ?? false;
  const runs = options.runs ?? 'whole';
  const embedded = (options.font ?? 'embedded') === 'embedded';
  const doc = embedded
    ? embeddedFontDocument({ size: 'LETTER', margin: 30 })
    : new PDFDocument({ size: 'LETTER', margin: 30 });
  const fonts: Fonts = embedded ? EMBEDDED : { regular: 'Helvetica', bold: 'Helvetica-Bold' };

  // Cédula de Identificación Fiscal (left) and the title (right).
  doc.lineWidth(0.8).rect(30, 30, 290, 160).stroke();
  doc.font(fonts.bold).fontSize(9).text('CÉDULA DE IDENTIFICACIÓN FISCAL', 40, 38, { lineBreak: false });
  await qr(
    doc,
    `https://siat.sat.gob.mx/app/qr/faces/pages/mobile/validadorqr.jsf?D1=10&D2=1&D3=${replica.idCif}_${replica.rfc}`,
    40,
    56,
    70,
  );
  doc.font(fonts.bold).fontSize(10).text(replica.rfc, 120, 60, { lineBreak: false });
  doc
    .font(fonts.regular)
    .fontSize(7)
    .text('Registro Federal de Contribuyentes', 120, 74, { lineBreak: false });
  doc.font(fonts.bold).fontSize(8).text(replica.headerName, 120, 90, { width: 190 });
  doc
    .font(fonts.regular)
    .fontSize(7)
    .text('Nombre, denominación o razón social', 120, doc.y + 2, { lineBreak: false });
  doc.font(fonts.bold).fontSize(8).text('idCIF:', 40, 150, { lineBreak: false });
  doc.font(fonts.regular).text(replica.idCif, 68, 150, { lineBreak: false });
  doc.font(fonts.bold).fontSize(7).text('VALIDA TU INFORMACIÓN FISCAL', 40, 170, { lineBreak: false });

  doc.font(fonts.bold).fontSize(12).text('CONSTANCIA DE SITUACIÓN FISCAL', 340, 60, { lineBreak: false });
  doc.font(fonts.regular).fontSize(8).text('Lugar y Fecha de Emisión', 340, 110, { lineBreak: false });
  doc.text('CUAUHTÉMOC , CIUDAD DE MÉXICO A 15 DE ENERO DE 2025', 340, 122, { lineBreak: false });

  let y = sectionBar(doc, fonts, 'Datos de Identificación del Contribuyente:', 205);
  for (const row of replica.identity) {
    y = labelValueRow(doc, fonts, row, {
      x: 40,
      y,
      labelWidth: 80,
      valueX: wrap ? 130 : 220,
      valueWidth: wrap ? 170 : 340,
      wrap,
      runs,
    });
  }

  y = sectionBar(doc, fonts, 'Datos del domicilio registrado', y + 6);
  for (let i = 0; i < replica.address.length; i += 2) {
    const pair = replica.address.slice(i, i + 2) as [string, string][];
    let bottom = y;
    pair.forEach(([label, value], column) => {
      const x = column === 0 ? 40 : 310;
      const valueX = wrap ? x + 95 : x + doc.font(fonts.bold).fontSize(8.5).widthOfString(label) + 3;
      bottom = Math.max(
        bottom,
        labelValueRow(doc, fonts, [label, value], {
          x,
          y,
          labelWidth: 90,
          valueX,
          valueWidth: 160,
          wrap,
          runs,
        }),
      );
    });
    y = bottom;
  }

  y = sectionBar(doc, fonts, 'Actividades Económicas:', y + 6);
  doc.font(fonts.bold).fontSize(8);
  for (const [text, x] of [
    ['Orden', 40],
    ['Actividad Económica', 80],
    ['Porcentaje', 330],
    ['Fecha Inicio', 400],
    ['Fecha Fin', 490],
  ] as const) {
    doc.text(text, x, y, { lineBreak: false });
  }
  doc.font(fonts.regular);
  doc.text('1', 40, y + 14, { lineBreak: false });
  doc.text('Otros servicios de apoyo a los negocios', 80, y + 14, { lineBreak: false });
  doc.text('100', 330, y + 14, { lineBreak: false });
  doc.text(replica.regimes[0]?.start ?? '01/01/2020', 400, y + 14, { lineBreak: false });
  footer(doc, fonts, 1, 2);

  // Page 2: Regímenes, Obligaciones, the seal.
  doc.addPage({ size: 'LETTER', margin: 30 });
  y = sectionBar(doc, fonts, 'Regímenes:', 40);
  doc.font(fonts.bold).fontSize(8);
  doc.text('Régimen', 40, y, { lineBreak: false });
  doc.text('Fecha Inicio', 400, y, { lineBreak: false });
  doc.text('Fecha Fin', 490, y, { lineBreak: false });
  y += 14;
  doc.font(fonts.regular).fontSize(8);
  const nameWidth = wrap ? 150 : 340;
  for (const regime of replica.regimes) {
    const height = doc.heightOfString(regime.name, { width: nameWidth });
    if (runs === 'pieces' && !wrap) put(doc, regime.name, 40, y, runs);
    else doc.text(regime.name, 40, y, { width: nameWidth });
    doc.text(regime.start, 400, y, { lineBreak: false });
    if (regime.end) doc.text(regime.end, 490, y, { lineBreak: false });
    y += height + 5;
  }

  y = sectionBar(doc, fonts, 'Obligaciones:', y + 6);
  doc.font(fonts.bold).fontSize(8);
  doc.text('Descripción de la Obligación', 40, y, { lineBreak: false });
  doc.text('Descripción Vencimiento', 230, y, { lineBreak: false });
  doc.text('Fecha Inicio', 430, y, { lineBreak: false });
  doc.text('Fecha Fin', 510, y, { lineBreak: false });
  y += 14;
  doc.font(fonts.regular).fontSize(7.5);
  for (const [obligation, due] of [
    [
      'Declaración anual de ISR del ejercicio Personas morales.',
      'A más tardar el 31 de marzo del ejercicio siguiente.',
    ],
    [
      'Pago definitivo mensual de IVA.',
      'A más tardar el día 17 del mes inmediato posterior al periodo que corresponda.',
    ],
  ] as const) {
    doc.text(obligation, 40, y, { width: 180 });
    doc.text(due, 230, y, { width: 190 });
    doc.text(replica.regimes.at(-1)?.start ?? '01/01/2020', 430, y, { lineBreak: false });
    y += 26;
  }

  doc
    .font(fonts.regular)
    .fontSize(7)
    .text(
      'Sus datos personales son incluidos en el padrón de contribuyentes y serán protegidos en los términos de la Ley Federal de Transparencia y Acceso a la Información Pública.',
      40,
      y + 6,
      { width: 530 },
    );
  y = doc.y + 10;
  doc.font(fonts.bold).text('Cadena Original Sello:', 40, y, { lineBreak: false });
  doc
    .font(fonts.regular)
    .text(`||2025/01/15|${replica.rfc}|CONSTANCIA DE SITUACIÓN FISCAL|200001088888800000031||`, 140, y, {
      width: 430,
    });
  y = doc.y + 6;
  doc.font(fonts.bold).text('Sello Digital:', 40, y, { lineBreak: false });
  doc
    .font(fonts.regular)
    .text(
      'h7Y3T4xwGcS0Qq9vZ8m1N2b5L6k7J8h9G0f1D2s3A4p5O6i7U8y9T0r1E2w3Q4a5S6d7F8g9H0j1K2l3Z4x5C6v7B8n9M0=',
      140,
      y,
      { width: 430 },
    );
  await qr(doc, `${replica.rfc}|${replica.idCif}`, 40, doc.y + 10, 60);
  footer(doc, fonts, 2, 2);
  return bytesOf(doc);
}

/** A PDF with no text layer: a drawn frame and an image, as a scanned page is. */
export async function imageOnlyPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 30 });
  doc.rect(30, 30, 552, 732).lineWidth(2).stroke();
  doc.rect(60, 60, 300, 40).fill(GRAY);
  await qr(doc, 'CONSTANCIA DE SITUACIÓN FISCAL escaneada', 60, 120, 200);
  return bytesOf(doc);
}

/** A PDF with ordinary text (an invoice, a letter): not a constancia. */
export function textPdf(lines: string[], options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = embeddedFontDocument({ size: 'LETTER', margin: 40, ...options });
  doc.fontSize(10);
  for (const line of lines) doc.text(line);
  return bytesOf(doc);
}
