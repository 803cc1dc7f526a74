// Test support (not shipped): fast-check arbitraries that break a valid CFDI the ways real ones
// break — missing/unknown attributes, bad amounts, RFCs, catalog keys and dates, elements out of
// order, repeated or missing, stray text, unknown complements, odd schema locations.
import fc from 'fast-check';
import type { XmlElement } from '../xml/read-xml.js';
import { cloneTree, listElements, writeXml } from './xml-tree.test-support.js';

export interface Mutation {
  description: string;
  xml: string;
}

export interface Base {
  name: string;
  root: XmlElement;
}

type Edit = (root: XmlElement) => string | null;

const AMOUNTS = [
  '1,160.00',
  '-5',
  '1.1234567',
  '1.1234560',
  '',
  ' 12.50 ',
  '1e3',
  '+1',
  '.5',
  '1.',
  '0',
  '007.10',
  '0.000001',
  '0.0000001',
  '123456789012345678901234',
  '1234567890123456789.5',
  '12.5.1',
  'NaN',
  '١٢٣',
];
const RFCS = [
  'ABC123',
  'eku9003173c9',
  'EKU900317 3C9',
  'EKU9003173C',
  'EKU9013173C9',
  'ÑÑÑ9003173C9',
  '&&&900317AB1',
  'XAXX010101000',
  ' EKU9003173C9 ',
  'EKU9003173C9A',
  'EKU-900317-3C9',
  'EKU9003323C9',
  '',
];
const CATALOG_ATTRIBUTES = new Set([
  'FormaPago',
  'MetodoPago',
  'Moneda',
  'UsoCFDI',
  'RegimenFiscal',
  'RegimenFiscalReceptor',
  'TipoDeComprobante',
  'Exportacion',
  'ObjetoImp',
  'Impuesto',
  'TipoFactor',
  'ClaveUnidad',
  'TipoRelacion',
  'FormaDePagoP',
  'MonedaP',
  'MonedaDR',
  'ObjetoImpDR',
  'ImpuestoDR',
  'ImpuestoP',
  'TipoFactorDR',
  'TipoFactorP',
  'ResidenciaFiscal',
]);
const CATALOG_VALUES = [
  '77',
  '',
  ' 01 ',
  'G03',
  'P01',
  'XXX',
  'pue',
  '99',
  '1',
  '001',
  'tasa',
  'Cuota',
  'H87',
  'USD',
];
const DATES = [
  '2023-02-29T10:00:00',
  '2024-02-29T10:00:00',
  '2025-13-01T00:00:00',
  '2025-04-31T10:00:00',
  '2025-03-03',
  '2025-03-03T10:15:00Z',
  '2025-03-03 10:15:00',
  '2009-01-01T00:00:00',
  '2025-03-03T24:00:00',
  '2025-03-03T10:15:00.123',
  ' 2025-03-03T10:15:00 ',
  '1999-12-31T23:59:59',
  '2025-3-3T10:15:00',
];
const UNKNOWN_ATTRIBUTES = [
  'Foo',
  'total',
  'version',
  'Version',
  'xml:lang',
  'xsi:type',
  'xsi:nil',
  'cfdi:Total',
];
const TEXTS = [' ', 'x', '\n  ', '0'];
const SCHEMA_LOCATIONS = [
  'http://www.sat.gob.mx/TimbreFiscalDigital http://www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/TimbreFiscalDigital.xsd',
  'http://www.sat.gob.mx/TimbreFiscalDigital http://example.com/tfd.xsd',
  'http://www.sat.gob.mx/CartaPorte31 http://www.sat.gob.mx/sitio_internet/cfd/CartaPorte/CartaPorte31.xsd',
  'urn:x http://www.sat.gob.mx/sitio_internet/cfd/implocal/implocal.xslt',
  'http://www.sat.gob.mx/implocal',
];
// Characters that exercise SAT's patterns: pipes, whitespace, Ñ/&, accents, digits, markup.
const VALUE_CHARACTERS = [...'aZ09 |&<>"\'ñÑáÉ\t\n-._:/#%,', '\u00a0', '😀'];

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** The attributes of the document (xsi ones excluded), optionally only those whose name/value fit. */
function findAttributes(root: XmlElement, fits: (name: string, value: string) => boolean) {
  return listElements(root).flatMap(({ element }) =>
    element.attributes
      .map((attribute, index) => ({ element, index, name: attribute[0], value: attribute[1] }))
      .filter(({ name, value }) => !name.startsWith('xsi:') && fits(name, value)),
  );
}

function setAttribute(fits: (name: string, value: string) => boolean, choice: number, value: string): Edit {
  return (root) => {
    const target = pick(findAttributes(root, fits), choice);
    if (!target) return null;
    target.element.attributes[target.index] = [target.name, value];
    return `${target.element.name}/@${target.name} = ${JSON.stringify(value)}`;
  };
}

function findElementsWithChildren(root: XmlElement, minimum: number) {
  return listElements(root).filter(({ element }) => element.children.length >= minimum);
}

const edits: fc.Arbitrary<Edit>[] = [
  fc.tuple(fc.nat(), fc.nat()).map(
    ([e, a]): Edit =>
      (root) => {
        const element = pick(listElements(root), e)?.element;
        const removed = element?.attributes.splice(a % Math.max(1, element.attributes.length), 1)[0];
        return removed ? `remove ${element?.name}/@${removed[0]}` : null;
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...UNKNOWN_ATTRIBUTES)).map(
    ([e, name]): Edit =>
      (root) => {
        const element = pick(listElements(root), e)?.element;
        if (!element || element.attributes.some(([existing]) => existing === name)) return null;
        element.attributes.push([
          name,
          name === 'xsi:nil' ? 'false' : name === 'xsi:type' ? 'xs:string' : '1',
        ]);
        return `add ${element.name}/@${name}`;
      },
  ),
  fc
    .tuple(fc.nat(), fc.constantFrom(...AMOUNTS))
    .map(([choice, value]) => setAttribute((_, old) => /^\d+(\.\d+)?$/.test(old), choice, value)),
  fc
    .tuple(fc.nat(), fc.constantFrom(...RFCS))
    .map(([choice, value]) => setAttribute((name) => /rfc/i.test(name), choice, value)),
  fc
    .tuple(fc.nat(), fc.constantFrom(...CATALOG_VALUES))
    .map(([choice, value]) => setAttribute((name) => CATALOG_ATTRIBUTES.has(name), choice, value)),
  fc
    .tuple(fc.nat(), fc.constantFrom(...DATES))
    .map(([choice, value]) => setAttribute((name) => /^Fecha/.test(name), choice, value)),
  fc
    .tuple(fc.nat(), fc.string({ unit: fc.constantFrom(...VALUE_CHARACTERS), maxLength: 30 }))
    .map(([choice, value]) => setAttribute(() => true, choice, value)),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([e, c]): Edit =>
      (root) => {
        const element = pick(findElementsWithChildren(root, 2), e)?.element;
        if (!element) return null;
        const i = c % (element.children.length - 1);
        const [first, second] = element.children.splice(i, 2) as [XmlElement, XmlElement];
        element.children.splice(i, 0, second, first);
        return `swap ${first.name} and ${second.name} in ${element.name}`;
      },
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([e, c]): Edit =>
      (root) => {
        const element = pick(findElementsWithChildren(root, 1), e)?.element;
        const i = c % Math.max(1, element?.children.length ?? 1);
        const child = element?.children[i];
        if (!element || !child) return null;
        element.children.splice(i + 1, 0, cloneTree(child));
        return `duplicate ${child.name} in ${element.name}`;
      },
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([e, c]): Edit =>
      (root) => {
        const element = pick(findElementsWithChildren(root, 1), e)?.element;
        const removed = element?.children.splice(c % Math.max(1, element.children.length), 1)[0];
        return removed ? `delete ${removed.name} from ${element?.name}` : null;
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...TEXTS)).map(
    ([e, text]): Edit =>
      (root) => {
        const element = pick(listElements(root), e)?.element;
        if (!element) return null;
        element.text = text;
        return `text ${JSON.stringify(text)} in ${element.name}`;
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom('lower', 'namespace')).map(
    ([e, how]): Edit =>
      (root) => {
        const element = pick(listElements(root), e)?.element;
        if (!element) return null;
        if (how === 'lower') {
          element.localName = element.localName.toLowerCase();
          element.name = element.name.replace(/[^:]+$/, element.localName);
        } else {
          element.namespace = 'urn:otro';
          element.name = `otro:${element.localName}`;
        }
        return `rename ${element.name}`;
      },
  ),
  fc.constantFrom('urn:foo', 'http://www.sat.gob.mx/nomina12', 'http://www.sat.gob.mx/implocal').map(
    (namespace): Edit =>
      (root) => {
        let complemento = root.children.find((child) => child.localName === 'Complemento');
        if (!complemento) {
          const prefix = root.name.split(':')[0];
          complemento = {
            name: `${prefix}:Complemento`,
            localName: 'Complemento',
            namespace: root.namespace,
            attributes: [],
            children: [],
            text: '',
          };
          root.children.push(complemento);
        }
        complemento.children.push({
          name: 'x:Foo',
          localName: 'Foo',
          namespace,
          attributes: [],
          children: [],
          text: '',
        });
        return `complement x:Foo in ${namespace}`;
      },
  ),
  fc.constantFrom(...SCHEMA_LOCATIONS).map(
    (pairs): Edit =>
      (root) => {
        const index = root.attributes.findIndex(([name]) => name === 'xsi:schemaLocation');
        const value = `${pairs} ${root.attributes[index]?.[1] ?? ''}`.trim();
        if (index < 0) root.attributes.push(['xsi:schemaLocation', value]);
        else root.attributes[index] = ['xsi:schemaLocation', value];
        return `schemaLocation ${value}`;
      },
  ),
];

/** One or two edits applied to a copy of one of the base documents. */
export function createMutationArbitrary(bases: readonly Base[]): fc.Arbitrary<Mutation | null> {
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 2 }))
    .map(([base, chosen]) => {
      const root = cloneTree(base.root);
      const steps = chosen.map((edit) => edit(root)).filter((step): step is string => step !== null);
      return steps.length === 0
        ? null
        : { description: `${base.name}: ${steps.join('; ')}`, xml: writeXml(root) };
    });
}
