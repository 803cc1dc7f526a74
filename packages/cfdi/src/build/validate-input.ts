import {
  findExportacion,
  findFormaPago,
  findMoneda,
  findRegimenFiscal,
  findTipoRelacion,
  findUsoCfdi,
  regimenAppliesTo,
} from '../catalogs/index.js';
import { checkRfc } from '../rfc.js';
import { refuse } from './errors.js';
import { readAmount, readFecha, readKey, readOptionalText, readPattern, readText } from './read-fields.js';
import type { CfdiInput, CfdiRelacionadosInput, ConceptoInput, InformacionGlobalInput } from './types.js';
import { readConceptos } from './validate-conceptos.js';

/** The input once checked: defaults applied, text collapsed, currency decimals known. */
export interface CheckedCfdi extends Omit<CfdiInput, 'moneda' | 'exportacion' | 'conceptos'> {
  moneda: string;
  exportacion: string;
  /** c_Moneda's decimals: every computed amount is rounded to them. */
  decimals: number;
  conceptos: ConceptoInput[];
}

const POSTAL_CODE = /^\d{5}$/;
const UUID = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;
const PUBLICO_EN_GENERAL = 'XAXX010101000';
const PERIODICIDADES = new Set(['01', '02', '03', '04', '05']);

/** Checks the whole input and returns it normalized; throws CfdiBuildError on the first problem. */
export function checkCfdiInput(input: CfdiInput): CheckedCfdi {
  if (typeof input !== 'object' || input === null) refuse('input', 'Faltan los datos del comprobante.');
  const fecha = readFecha(input.fecha, 'fecha');
  if (input.tipoDeComprobante !== 'I' && input.tipoDeComprobante !== 'E')
    refuse(
      'tipoDeComprobante',
      'El tipo de comprobante (tipoDeComprobante) debe ser "I" (ingreso) o "E" (egreso).',
    );
  const { moneda, decimals, tipoCambio } = readMoneda(input);
  const checked: CheckedCfdi = {
    serie: readOptionalText(input.serie, 'serie', 'La serie', 25),
    folio: readOptionalText(input.folio, 'folio', 'El folio', 40),
    fecha,
    tipoDeComprobante: input.tipoDeComprobante,
    ...readPago(input),
    moneda,
    tipoCambio,
    exportacion: readKey(
      input.exportacion ?? '01',
      'exportacion',
      'La clave de exportación',
      'c_Exportacion',
      findExportacion,
    ),
    lugarExpedicion: readPattern(
      input.lugarExpedicion,
      'lugarExpedicion',
      'El lugar de expedición',
      POSTAL_CODE,
      'un código postal de 5 dígitos',
    ),
    cfdiRelacionados: readRelacionados(input.cfdiRelacionados),
    emisor: readEmisor(input),
    receptor: readReceptor(input),
    decimals,
    conceptos: readConceptos(input.conceptos, decimals),
  };
  checked.informacionGlobal = readInformacionGlobal(input.informacionGlobal, checked);
  return checked;
}

function readPago(input: CfdiInput): Pick<CfdiInput, 'formaPago' | 'metodoPago'> {
  const formaPago = readKey(input.formaPago, 'formaPago', 'La forma de pago', 'c_FormaPago', findFormaPago);
  const metodoPago = input.metodoPago;
  if (metodoPago !== 'PUE' && metodoPago !== 'PPD')
    refuse(
      'metodoPago',
      'El método de pago (metodoPago) debe ser "PUE" (una sola exhibición) o "PPD" (parcialidades o diferido).',
    );
  // Anexo 20: a deferred payment's form is not known yet (99), and a paid one's always is.
  if (metodoPago === 'PPD' && formaPago !== '99')
    refuse('formaPago', 'Con método de pago PPD la forma de pago (formaPago) debe ser "99" (por definir).');
  if (metodoPago === 'PUE' && formaPago === '99')
    refuse(
      'formaPago',
      'Con método de pago PUE la forma de pago (formaPago) no puede ser "99": indica cómo se pagó.',
    );
  return { formaPago, metodoPago };
}

function readMoneda(input: CfdiInput): { moneda: string; decimals: number; tipoCambio: string | undefined } {
  const moneda = readKey(input.moneda ?? 'MXN', 'moneda', 'La moneda', 'c_Moneda', findMoneda);
  // XXX ("sin moneda") is only for Pagos and Traslado; an ingreso or egreso always has an amount.
  if (moneda === 'XXX') refuse('moneda', 'La moneda (moneda) "XXX" no se usa en ingresos ni egresos.');
  const decimals = findMoneda(moneda)?.decimales ?? 2;
  if (moneda === 'MXN') {
    if (
      input.tipoCambio !== undefined &&
      (typeof input.tipoCambio !== 'string' || !/^1(\.0{1,6})?$/.test(input.tipoCambio))
    )
      refuse('tipoCambio', 'El tipo de cambio (tipoCambio) en pesos mexicanos debe omitirse o ser "1".');
    return { moneda, decimals, tipoCambio: input.tipoCambio };
  }
  if (input.tipoCambio === undefined)
    refuse(
      'tipoCambio',
      `El tipo de cambio (tipoCambio) es obligatorio para la moneda ${moneda}: pesos por unidad, p. ej. "17.250000".`,
    );
  const tipoCambio = readAmount(input.tipoCambio, 'tipoCambio', 'El tipo de cambio', 6, true);
  return { moneda, decimals, tipoCambio };
}

function readRelacionados(list: CfdiRelacionadosInput[] | undefined): CfdiRelacionadosInput[] | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list))
    refuse('cfdiRelacionados', 'Los CFDI relacionados (cfdiRelacionados) deben ser una lista.');
  return list.map((group, index) => {
    const field = `cfdiRelacionados[${index}]`;
    const tipoRelacion = readKey(
      group?.tipoRelacion,
      `${field}.tipoRelacion`,
      'El tipo de relación',
      'c_TipoRelacion',
      findTipoRelacion,
    );
    if (!Array.isArray(group.uuids) || group.uuids.length === 0)
      refuse(
        `${field}.uuids`,
        `Los folios fiscales relacionados (${field}.uuids) deben incluir al menos un UUID.`,
      );
    const uuids = group.uuids.map((uuid, uuidIndex) =>
      readPattern(
        uuid,
        `${field}.uuids[${uuidIndex}]`,
        'El folio fiscal (UUID) relacionado',
        UUID,
        'un UUID como 6F35D3B5-3651-5370-BC2C-14CDBE384CD7',
      ),
    );
    return { tipoRelacion, uuids };
  });
}

function readEmisor(input: CfdiInput): CheckedCfdi['emisor'] {
  const emisor = input.emisor ?? refuse('emisor', 'Faltan los datos del emisor (emisor).');
  const rfc = readRfc(emisor.rfc, 'emisor.rfc', 'del emisor');
  if (rfc.generic)
    refuse('emisor.rfc', `El RFC del emisor (emisor.rfc) no puede ser el genérico ${rfc.rfc}.`);
  const regimenFiscal = readKey(
    emisor.regimenFiscal,
    'emisor.regimenFiscal',
    'El régimen fiscal del emisor',
    'c_RegimenFiscal',
    findRegimenFiscal,
  );
  checkRegimenKind(regimenFiscal, rfc.kind, 'emisor.regimenFiscal', 'del emisor');
  return {
    rfc: rfc.rfc,
    nombre: readText(emisor.nombre, 'emisor.nombre', 'El nombre del emisor', 300),
    regimenFiscal,
  };
}

function readReceptor(input: CfdiInput): CheckedCfdi['receptor'] {
  const receptor = input.receptor ?? refuse('receptor', 'Faltan los datos del receptor (receptor).');
  const rfc = readRfc(receptor.rfc, 'receptor.rfc', 'del receptor');
  const regimen = readKey(
    receptor.regimenFiscalReceptor,
    'receptor.regimenFiscalReceptor',
    'El régimen fiscal del receptor',
    'c_RegimenFiscal',
    findRegimenFiscal,
  );
  // A foreign receptor (XEXX010101000) also needs ResidenciaFiscal and NumRegIdTrib, not modelled yet.
  if (rfc.generic && rfc.rfc !== PUBLICO_EN_GENERAL)
    refuse(
      'receptor.rfc',
      `El RFC del receptor (receptor.rfc) ${rfc.rfc} es de residentes en el extranjero, que este generador aún no admite.`,
    );
  if (rfc.generic && regimen !== '616')
    refuse(
      'receptor.regimenFiscalReceptor',
      `Con el RFC genérico ${rfc.rfc} el régimen fiscal del receptor (receptor.regimenFiscalReceptor) debe ser 616 (sin obligaciones fiscales).`,
    );
  if (!rfc.generic) checkRegimenKind(regimen, rfc.kind, 'receptor.regimenFiscalReceptor', 'del receptor');
  const usoCfdi = readKey(receptor.usoCfdi, 'receptor.usoCfdi', 'El uso del CFDI', 'c_UsoCFDI', findUsoCfdi);
  const uso = findUsoCfdi(usoCfdi);
  const kindAllowed = rfc.generic || (rfc.kind === 'moral' ? uso?.personaMoral : uso?.personaFisica);
  if (!uso?.regimenesReceptor.includes(regimen) || !kindAllowed)
    refuse(
      'receptor.usoCfdi',
      `El uso del CFDI (receptor.usoCfdi) ${usoCfdi} no es compatible con el régimen fiscal del receptor ${regimen} (c_UsoCFDI).`,
    );
  return {
    rfc: rfc.rfc,
    nombre: readText(receptor.nombre, 'receptor.nombre', 'El nombre del receptor', 300),
    domicilioFiscalReceptor: readPattern(
      receptor.domicilioFiscalReceptor,
      'receptor.domicilioFiscalReceptor',
      'El domicilio fiscal del receptor',
      POSTAL_CODE,
      'un código postal de 5 dígitos',
    ),
    regimenFiscalReceptor: regimen,
    usoCfdi,
  };
}

function readRfc(value: unknown, field: string, whose: string) {
  if (typeof value !== 'string' || value === '') refuse(field, `El RFC ${whose} (${field}) es obligatorio.`);
  const result = checkRfc(value);
  if (!result.ok) refuse(field, `El RFC ${whose} (${field}) "${value}" no es válido. ${result.message}`);
  return result;
}

function checkRegimenKind(key: string, kind: 'moral' | 'fisica', field: string, whose: string): void {
  const regimen = findRegimenFiscal(key);
  if (regimen && !regimenAppliesTo(regimen, kind))
    refuse(
      field,
      `El régimen fiscal ${whose} (${field}) ${key} no aplica a una persona ${kind === 'moral' ? 'moral' : 'física'}.`,
    );
}

/**
 * Factura global (Anexo 20): InformacionGlobal goes with receptor XAXX010101000 "PUBLICO EN GENERAL",
 * régimen 616, uso S01 and the place of issue as domicilio, and only then.
 */
function readInformacionGlobal(
  global: InformacionGlobalInput | undefined,
  cfdi: CheckedCfdi,
): InformacionGlobalInput | undefined {
  const { receptor } = cfdi;
  const publico = receptor.rfc === PUBLICO_EN_GENERAL && receptor.nombre === 'PUBLICO EN GENERAL';
  // A receptor without an RFC has no fiscal address of its own: SAT wants the place of issue there.
  if (receptor.rfc === PUBLICO_EN_GENERAL && receptor.domicilioFiscalReceptor !== cfdi.lugarExpedicion)
    refuse(
      'receptor.domicilioFiscalReceptor',
      `Con el RFC genérico ${PUBLICO_EN_GENERAL} el domicilio fiscal del receptor (receptor.domicilioFiscalReceptor) debe ser el lugar de expedición (${cfdi.lugarExpedicion}).`,
    );
  if (global === undefined) {
    if (publico)
      refuse(
        'informacionGlobal',
        'Una factura a "PUBLICO EN GENERAL" es una factura global: falta la información global (informacionGlobal: periodicidad, meses y año).',
      );
    return undefined;
  }
  if (!publico)
    refuse(
      'receptor.rfc',
      'La factura global (informacionGlobal) debe emitirse al RFC del receptor (receptor.rfc) XAXX010101000 con nombre "PUBLICO EN GENERAL".',
    );
  if (receptor.usoCfdi !== 'S01')
    refuse('receptor.usoCfdi', 'En la factura global el uso del CFDI (receptor.usoCfdi) debe ser S01.');
  if (!PERIODICIDADES.has(global.periodicidad))
    refuse(
      'informacionGlobal.periodicidad',
      `La periodicidad (informacionGlobal.periodicidad) "${global.periodicidad}" no existe en c_Periodicidad (01 a 05).`,
    );
  const mes = /^\d\d$/.test(global.meses) ? Number(global.meses) : 0;
  const bimestral = global.periodicidad === '05';
  if (mes < (bimestral ? 13 : 1) || mes > (bimestral ? 18 : 12))
    refuse(
      'informacionGlobal.meses',
      `Los meses (informacionGlobal.meses) "${global.meses}" deben ser ${bimestral ? '13 a 18 (bimestres)' : '01 a 12'} para la periodicidad ${global.periodicidad}.`,
    );
  const year = Number(cfdi.fecha.slice(0, 4));
  if (global.año !== String(year) && global.año !== String(year - 1))
    refuse(
      'informacionGlobal.año',
      `El año (informacionGlobal.año) "${global.año}" debe ser el de la fecha de emisión (${year}) o el anterior.`,
    );
  return { periodicidad: global.periodicidad, meses: global.meses, año: global.año };
}
