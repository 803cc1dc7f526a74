import { describe, expect, it } from 'vitest';
import {
  type ConstanciaReplica,
  constanciaPdf,
  FISICA_CSF,
  imageOnlyPdf,
  MORAL_CSF,
  MORAL_PREFILL,
  textPdf,
  WRAPPING_CSF,
} from '../../../test/helpers/constancia-pdf.js';
import { type Constancia, constanciaPrefill, readConstancia } from './constancia.js';
import { matchRegimenFiscal } from './constancia-regimes.js';

const MORAL_READ: Omit<Constancia, 'regimes'> = {
  rfc: 'EKU9003173C9',
  legalName: 'ESCUELA KEMPER URGATE',
  personType: 'moral',
  postalCode: '42501',
  idCif: '18010245587',
  status: 'ACTIVO',
  taxRegimes: [{ key: '601', name: 'General de Ley Personas Morales' }],
  missing: [],
};
const FISICA_READ = {
  rfc: 'NUOM850101QJ5',
  legalName: 'MARÍA JOSÉ NÚÑEZ OROZCO',
  personType: 'fisica',
  postalCode: '06600',
  idCif: '21040123456',
  status: 'ACTIVO',
  taxRegimes: [{ key: '626', name: 'Régimen Simplificado de Confianza' }],
  missing: [],
};

/** The error code readConstancia refuses these bytes with. */
async function refusal(pdf: Buffer): Promise<{ code: string; status: number; detail: string }> {
  return readConstancia(pdf).then(
    () => {
      throw new Error('the PDF was read');
    },
    (error: { code: string; status: number; detail: string }) => error,
  );
}

describe('readConstancia', () => {
  it('reads a persona moral: RFC, razón social as printed, postal code, idCIF and the active régimen', async () => {
    const constancia = await readConstancia(await constanciaPdf(MORAL_CSF));
    expect(constancia).toMatchObject(MORAL_READ);
    // The ended régimen is kept in the table's rows, not among the active ones.
    expect(constancia.regimes).toEqual([
      {
        printedName: 'Régimen de las Personas Morales con Fines no Lucrativos',
        startDate: '1990-03-17',
        endDate: '2004-12-31',
        key: '603',
        name: 'Personas Morales con Fines no Lucrativos',
      },
      {
        printedName: 'Régimen General de Ley Personas Morales',
        startDate: '2005-01-01',
        key: '601',
        name: 'General de Ley Personas Morales',
      },
    ]);
  });

  it('reads a persona física: name and surnames as the legal name, two ended régimenes and RESICO', async () => {
    const constancia = await readConstancia(await constanciaPdf(FISICA_CSF));
    expect(constancia).toMatchObject(FISICA_READ);
    expect(constancia.regimes.map((r) => [r.key, r.endDate ?? null])).toEqual([
      ['605', '2021-12-31'],
      ['612', '2021-12-31'],
      ['626', null],
    ]);
  });

  it.each([
    ['Helvetica (not embedded)', { font: 'standard' }],
    ['words split into pieces', { runs: 'pieces' }],
    ['label and value in one run', { runs: 'joined' }],
    ['pieces in Helvetica', { runs: 'pieces', font: 'standard' }],
  ] as const)('reads the same whatever the text runs look like: %s', async (_, options) => {
    expect(await readConstancia(await constanciaPdf(MORAL_CSF, options))).toMatchObject(MORAL_READ);
    expect(await readConstancia(await constanciaPdf(FISICA_CSF, options))).toMatchObject(FISICA_READ);
  });

  it.each([
    ['embedded', 'whole'],
    ['standard', 'whole'],
    ['embedded', 'pieces'],
  ] as const)(
    'joins labels, values and régimenes that wrap in their cells (%s fonts, %s runs)',
    async (font, runs) => {
      const constancia = await readConstancia(await constanciaPdf(WRAPPING_CSF, { wrap: true, font, runs }));
      expect(constancia).toMatchObject({
        rfc: 'APA1203157U2',
        legalName:
          'ASOCIACIÓN DE PRODUCTORES AGRÍCOLAS Y GANADEROS DEL VALLE DE MEXICALI Y SAN LUIS RÍO COLORADO',
        personType: 'moral',
        postalCode: '21100',
        taxRegimes: [{ key: '622', name: 'Actividades Agrícolas, Ganaderas, Silvícolas y Pesqueras' }],
        missing: [],
      });
      expect(constancia.regimes.map((r) => r.printedName)).toEqual([
        'Régimen General de Ley Personas Morales',
        'Régimen de Actividades Agrícolas, Ganaderas, Silvícolas y Pesqueras PM',
      ]);
    },
  );

  it('lists every active régimen when there are several', async () => {
    const replica: ConstanciaReplica = {
      ...FISICA_CSF,
      regimes: [
        { name: 'Régimen de Sueldos y Salarios e Ingresos Asimilados a Salarios', start: '01/03/2015' },
        { name: 'Régimen de Arrendamiento', start: '01/03/2015', end: '30/06/2019' },
        { name: 'Régimen Simplificado de Confianza', start: '01/01/2022' },
      ],
    };
    const constancia = await readConstancia(await constanciaPdf(replica));
    expect(constancia.taxRegimes.map((r) => r.key)).toEqual(['605', '626']);
    const prefill = constanciaPrefill(constancia);
    expect(prefill.taxRegime).toBeNull();
    expect(prefill.warnings).toEqual([
      {
        path: 'taxRegime',
        message: expect.stringContaining('2 regímenes vigentes (605 Sueldos y Salarios'),
      },
    ]);
  });

  it('says what it could not find, and a régimen the catalog does not have', async () => {
    const replica: ConstanciaReplica = {
      ...MORAL_CSF,
      address: MORAL_CSF.address.filter(([label]) => label !== 'Código Postal:'),
      regimes: [{ name: 'Régimen de Pequeños Contribuyentes', start: '01/01/2005' }],
    };
    const constancia = await readConstancia(await constanciaPdf(replica));
    expect(constancia).toMatchObject({ rfc: 'EKU9003173C9', taxRegimes: [] });
    expect(constancia.missing).toEqual(['taxRegime', 'postalCode']);
    const prefill = constanciaPrefill(constancia);
    expect(prefill.missing.map((m) => m.path)).toEqual(['taxRegime', 'postalCode']);
    expect(prefill.warnings).toEqual([
      { path: 'taxRegime', message: expect.stringContaining('"Régimen de Pequeños Contribuyentes"') },
    ]);
  });

  it('refuses what is not a PDF', async () => {
    expect(await refusal(Buffer.from('RFC: EKU9003173C9\nCódigo Postal: 42501\n'))).toMatchObject({
      code: 'NOT_A_PDF',
      status: 400,
    });
  });

  it('refuses a PDF without text (a scan), and says so', async () => {
    expect(await refusal(await imageOnlyPdf())).toMatchObject({ code: 'CONSTANCIA_NO_TEXT', status: 422 });
  });

  it('refuses a PDF that is not a constancia, even with an RFC and a postal code in it', async () => {
    const invoice = await textPdf([
      'FACTURA A-123',
      'RFC: EKU9003173C9',
      'Código Postal: 42501',
      'Total: 116.00',
    ]);
    expect(await refusal(invoice)).toEqual(
      expect.objectContaining({
        code: 'NOT_A_CONSTANCIA',
        status: 422,
        detail:
          'No encontramos los datos de una Constancia de Situación Fiscal en este PDF; si es un escaneo, captura los datos a mano.',
      }),
    );
  });

  it('refuses a constancia title without any of its data', async () => {
    expect(
      await refusal(await textPdf(['CONSTANCIA DE SITUACIÓN FISCAL', 'Lugar y Fecha de Emisión'])),
    ).toMatchObject({
      code: 'NOT_A_CONSTANCIA',
    });
  });

  it('refuses a damaged PDF and one locked with a password, each with its reason', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'))).toMatchObject({
      code: 'CONSTANCIA_UNREADABLE',
      status: 422,
    });
    const locked = await textPdf(['CONSTANCIA DE SITUACIÓN FISCAL'], {
      userPassword: 'secreto',
      pdfVersion: '1.7',
    });
    expect(await refusal(locked)).toMatchObject({ code: 'CONSTANCIA_ENCRYPTED', status: 422 });
  });
});

describe('matchRegimenFiscal', () => {
  it.each([
    ['Régimen General de Ley Personas Morales', '601'],
    ['Régimen de las Personas Morales con Fines no Lucrativos', '603'],
    ['Personas Morales con Fines No Lucrativos', '603'],
    ['Régimen de Sueldos y Salarios e Ingresos Asimilados a Salarios', '605'],
    ['Régimen de Arrendamiento', '606'],
    ['Régimen de Enajenación o Adquisición de Bienes', '607'],
    ['Régimen de los demás ingresos', '608'],
    ['Residentes en el Extranjero sin Establecimiento Permanente en México', '610'],
    ['Régimen de Ingresos por Dividendos (socios y accionistas)', '611'],
    ['Régimen de las Personas Físicas con Actividades Empresariales y Profesionales', '612'],
    ['Régimen de Actividades Empresariales y Profesionales', '612'],
    ['REGIMEN DE LAS PERSONAS FISICAS CON ACTIVIDAD EMPRESARIAL Y PROFESIONAL', '612'],
    ['Régimen de los ingresos por intereses', '614'],
    ['Régimen de los ingresos por obtención de premios', '615'],
    ['Sin obligaciones fiscales', '616'],
    ['Régimen de Sociedades Cooperativas de Producción que optan por diferir sus ingresos', '620'],
    ['Régimen de Incorporación Fiscal', '621'],
    ['Régimen de Actividades Agrícolas, Ganaderas, Silvícolas y Pesqueras PM', '622'],
    ['Régimen Opcional para Grupos de Sociedades', '623'],
    ['Régimen de los Coordinados', '624'],
    ['Régimen de las Actividades Empresariales con ingresos a través de Plataformas Tecnológicas', '625'],
    ['Régimen Simplificado de Confianza', '626'],
    ['régimen  simplificado de confianza', '626'],
  ])('"%s" is %s', (printed, key) => {
    expect(matchRegimenFiscal(printed)?.key).toBe(key);
  });

  it.each([
    'Régimen de Pequeños Contribuyentes',
    'Régimen Intermedio de las Personas Físicas con Actividades Empresariales',
    'Régimen de Consolidación',
    '',
  ])('does not take "%s" for a current régimen', (printed) => {
    expect(matchRegimenFiscal(printed)).toBeUndefined();
  });
});

describe('constanciaPrefill', () => {
  const read: Constancia = {
    ...MORAL_READ,
    regimes: [
      {
        printedName: 'Régimen General de Ley Personas Morales',
        startDate: '2005-01-01',
        key: '601',
        name: 'General de Ley Personas Morales',
      },
    ],
  };

  it('fills the form with one active régimen, without warnings', () => {
    expect(constanciaPrefill(read)).toEqual(MORAL_PREFILL);
  });

  it('warns about a taxpayer who is not active in the padrón', () => {
    expect(constanciaPrefill({ ...read, status: 'SUSPENDIDO' }).warnings).toEqual([
      { path: 'rfc', message: expect.stringContaining('"SUSPENDIDO"') },
    ]);
  });

  it('tells apart no régimenes at all and only ended ones', () => {
    const none = constanciaPrefill({ ...read, taxRegimes: [], regimes: [], missing: ['taxRegime'] });
    expect(none.missing[0]?.message).toContain('No encontramos los regímenes');
    const ended = constanciaPrefill({
      ...read,
      taxRegimes: [],
      regimes: [{ ...read.regimes[0], printedName: 'Régimen General', endDate: '2020-01-01' }],
      missing: ['taxRegime'],
    });
    expect(ended.missing[0]?.message).toContain('no tiene regímenes vigentes');
  });
});
