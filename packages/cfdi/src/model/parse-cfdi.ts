import { attr, type ReadXmlOptions, readXml, type XmlElement } from '../xml/read-xml.js';
import { CfdiParseError } from './errors.js';
import { parseComplements } from './parse-complements.js';
import {
  parseCfdiRelacionados,
  parseComprobante,
  parseEmisor,
  parseImpuestos,
  parseInformacionGlobal,
  parseReceptor,
} from './parse-comprobante.js';
import { parseConceptos } from './parse-conceptos.js';
import { CFDI33_NAMESPACE, CFDI40_NAMESPACE, findFirstChild } from './read-nodes.js';
import type { Cfdi, CfdiVersion } from './types.js';

/** Size and depth limits of the XML reader (defaults: 5 MiB, 64 levels). */
export type ParseCfdiOptions = ReadXmlOptions;

const VERSION_BY_NAMESPACE: Record<string, CfdiVersion> = {
  [CFDI40_NAMESPACE]: '4.0',
  [CFDI33_NAMESPACE]: '3.3',
};

/** CFD 2.x lived in this namespace; 3.2 and older share cfd/3 with 3.3 but spell the attribute `version`. */
const CFD2_NAMESPACE = 'http://www.sat.gob.mx/cfd/2';
const OLDER_VERSION = /^(?:[12](?:\.\d+)?|3\.[012])$/;

/**
 * Reads a CFDI 4.0 or 3.3 into a typed read model: every amount is the attribute text, nothing is
 * validated (schema, arithmetic, seal and catalog checks are other modules, and get `root`).
 * Throws XmlReadError when the bytes are not a safe, well-formed UTF-8 XML, and CfdiParseError when
 * the XML is not a Comprobante of a version read here.
 */
export function parseCfdi(input: Uint8Array | string, options: ParseCfdiOptions = {}): Cfdi {
  const root = readXml(input, options);
  const version = identifyVersion(root);
  const namespace = root.namespace as string;
  const complements = parseComplements(root, namespace);
  return {
    version,
    comprobante: parseComprobante(root),
    informacionGlobal: parseInformacionGlobal(root, namespace),
    cfdiRelacionados: parseCfdiRelacionados(root, namespace),
    emisor: parseEmisor(root, namespace),
    receptor: parseReceptor(root, namespace),
    conceptos: parseConceptos(root, namespace),
    impuestos: parseImpuestos(root, namespace),
    timbreFiscalDigital: complements.timbreFiscalDigital,
    impuestosLocales: complements.impuestosLocales,
    pagos: complements.pagos,
    otherComplements: complements.otherComplements,
    hasAddenda: findFirstChild(root, namespace, 'Addenda') !== null,
    root,
  };
}

/**
 * The version comes from the namespace; a Version attribute that contradicts it is refused, an absent one
 * is not (the schema check reports it), so a bare <cfdi:Comprobante/> still gives a model to report on.
 */
function identifyVersion(root: XmlElement): CfdiVersion {
  if (root.localName !== 'Comprobante') {
    throw new CfdiParseError(
      'NOT_A_CFDI',
      `El XML no es un CFDI: su elemento raíz es <${root.name}> y un CFDI empieza con <cfdi:Comprobante>.`,
    );
  }
  const namespace = root.namespace;
  const expected = namespace === null ? undefined : VERSION_BY_NAMESPACE[namespace];
  const written = attr(root, 'Version');
  const legacy = attr(root, 'version');
  if (namespace === CFD2_NAMESPACE || (written === undefined && legacy !== undefined)) {
    throw new CfdiParseError(
      'UNSUPPORTED_VERSION',
      `El comprobante es de la versión ${legacy ?? written ?? '2.x'} (CFD/CFDI 3.2 o anterior), que ya no tiene validez; solo se leen CFDI 3.3 y 4.0.`,
    );
  }
  if (expected === undefined) {
    throw new CfdiParseError(
      'UNKNOWN_NAMESPACE',
      namespace === null
        ? 'El Comprobante no declara el espacio de nombres del SAT (http://www.sat.gob.mx/cfd/4 para CFDI 4.0).'
        : `El Comprobante usa el espacio de nombres ${namespace}, que no es de un CFDI; se esperaba http://www.sat.gob.mx/cfd/4 (4.0) o http://www.sat.gob.mx/cfd/3 (3.3).`,
    );
  }
  if (written === undefined || written.trim() === expected) return expected;
  if (OLDER_VERSION.test(written.trim())) {
    throw new CfdiParseError(
      'UNSUPPORTED_VERSION',
      `El comprobante es de la versión ${written}, que ya no tiene validez; solo se leen CFDI 3.3 y 4.0.`,
    );
  }
  throw new CfdiParseError(
    'UNKNOWN_VERSION',
    `El comprobante declara Version="${written}", que no corresponde a su espacio de nombres ${namespace} (versión ${expected}).`,
  );
}
