import { childrenOf, type XmlElement } from '../xml/read-xml.js';
import type { ElementRef } from './types.js';

export const CFDI40_NAMESPACE = 'http://www.sat.gob.mx/cfd/4';
export const CFDI33_NAMESPACE = 'http://www.sat.gob.mx/cfd/3';
export const TFD_NAMESPACE = 'http://www.sat.gob.mx/TimbreFiscalDigital';
export const IMPLOCAL_NAMESPACE = 'http://www.sat.gob.mx/implocal';
export const PAGOS20_NAMESPACE = 'http://www.sat.gob.mx/Pagos20';

/** The first child with this name: an element that may appear once is read from its first occurrence. */
export function findFirstChild(element: XmlElement, namespace: string, localName: string): XmlElement | null {
  for (const child of element.children) {
    if (child.namespace === namespace && child.localName === localName) return child;
  }
  return null;
}

/** Children named `item` inside the first `container` child, e.g. Traslado inside Traslados. */
export function listGrandchildren(
  element: XmlElement,
  namespace: string,
  container: string,
  item: string,
): XmlElement[] {
  const parent = findFirstChild(element, namespace, container);
  return parent ? childrenOf(parent, namespace, item) : [];
}

/** Names an element without reading it. */
export function referElement(element: XmlElement): ElementRef {
  return { namespace: element.namespace, localName: element.localName };
}
