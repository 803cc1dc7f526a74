import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attr, readXml, XmlReadError } from './read-xml.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);

function refusal(input: string | Uint8Array, options = {}) {
  try {
    readXml(input, options);
  } catch (error) {
    if (error instanceof XmlReadError) return { code: error.code, category: error.category };
    throw error;
  }
  throw new Error('accepted');
}

describe('readXml', () => {
  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.xml')))(
    'reads %s into a namespaced tree',
    (name) => {
      const root = readXml(readFileSync(new URL(name, FIXTURES)));
      expect(root.localName).toBe('Comprobante');
      expect(root.namespace).toMatch(/^http:\/\/www\.sat\.gob\.mx\/cfd\/[34]$/);
      expect(attr(root, 'Version')).toMatch(/^[34]\.[03]$/);
    },
  );

  it('normalizes literal whitespace in attributes, then decodes entities and character references', () => {
    const root = readXml('<a x="uno\ndos&#10;tres &amp; cuatro &#241; &#xF1;"/>');
    expect(attr(root, 'x')).toBe('uno dos\ntres & cuatro ñ ñ');
  });

  it('resolves namespaces from prefixes and defaults in scope', () => {
    const root = readXml('<p:a xmlns:p="urn:p" xmlns="urn:d"><b/><p:c/></p:a>');
    expect(root.namespace).toBe('urn:p');
    expect(root.children.map((child) => child.namespace)).toEqual(['urn:d', 'urn:p']);
  });

  it.each([
    [
      'a DOCTYPE (XXE)',
      '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      'DOCTYPE_FORBIDDEN',
      'security',
    ],
    [
      'billion laughs',
      '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>',
      'DOCTYPE_FORBIDDEN',
      'security',
    ],
    ['an undefined entity', '<a>&nbsp;</a>', 'ENTITY_FORBIDDEN', 'security'],
    ['a forbidden character reference', '<a x="&#0;"/>', 'NOT_WELL_FORMED', 'schema'],
    [
      'truncated XML',
      '<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4"><cfdi:Emisor',
      'NOT_WELL_FORMED',
      'schema',
    ],
    ['not XML at all', 'Total: $1,160.00', 'NOT_WELL_FORMED', 'schema'],
    ['an empty file', '   ', 'EMPTY_DOCUMENT', 'schema'],
    ['another encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><a/>', 'UNSUPPORTED_ENCODING', 'schema'],
  ])('refuses %s', (_label, xml, code, category) => {
    expect(refusal(xml)).toEqual({ code, category });
  });

  it.each([
    ['an unclosed processing instruction after the root', '<a/><?'],
    ['an unclosed comment after the root', '<a/><!--'],
    ['an unclosed CDATA after the root', '<a/><![CDATA[x'],
    ['text after the root', '<a/>]]>'],
    ['an unbound namespace prefix', '<p:a/>'],
  ])('refuses %s as not well formed, never with another error', (_label, xml) => {
    expect(refusal(xml).code).toBe('NOT_WELL_FORMED');
  });

  it('says in Spanish where a document is not well formed, without the English of the parser', () => {
    expect(() => readXml('<cfdi>\n<a></b></cfdi>')).toThrow(
      expect.objectContaining({
        detail: expect.stringMatching(
          /^El archivo no es XML bien formado \(línea 2, columna \d+\): revisa que sea el XML de la factura y que esté completo\.$/,
        ),
      }),
    );
  });

  it('keeps names like __proto__ and toString as plain names, in document order', () => {
    const root = readXml('<a __proto__="1" toString="2" b="3"><constructor/></a>');
    expect(root.attributes).toEqual([
      ['__proto__', '1'],
      ['toString', '2'],
      ['b', '3'],
    ]);
    expect(root.children.map((child) => child.name)).toEqual(['constructor']);
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8, files over the size limit and absurd nesting', () => {
    expect(refusal(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]))).toEqual({
      code: 'NOT_UTF8',
      category: 'schema',
    });
    expect(refusal('<a/>'.padEnd(2000, ' '), { maxBytes: 1000 })).toEqual({
      code: 'TOO_LARGE',
      category: 'security',
    });
    expect(refusal(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)).toEqual({
      code: 'TOO_DEEP',
      category: 'security',
    });
  });
});
