import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommonXml } from './read-common-xml.js';
import { parseTree, type XmlElement } from './read-xml.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.xml'))
  .map((name) => readFileSync(new URL(name, FIXTURES), 'utf8').replace(/^\uFEFF/, ''));

/** saxes' tree, or null when it refuses the document (TOO_DEEP included). */
function saxesTree(text: string, maxDepth = 64): XmlElement | null {
  try {
    return parseTree(text, maxDepth);
  } catch {
    return null;
  }
}

/** The fast reader may decline anything; what it accepts, saxes must accept with the same tree. */
function expectAgreement(text: string, maxDepth = 64): XmlElement | null {
  const fast = readCommonXml(text, maxDepth);
  if (fast !== null) expect(fast).toEqual(saxesTree(text, maxDepth));
  return fast;
}

describe('readCommonXml', () => {
  it.each(fixtures.map((text, index) => [index, text] as const))(
    'reads fixture %i as saxes does',
    (_, text) => {
      expect(expectAgreement(text)).not.toBeNull();
    },
  );

  it.each([
    [
      'references and whitespace in attributes',
      '<a x="uno\r\ndos\r\ttres&#10;&#x9;&amp;&lt;&gt;&quot;&apos;"/>',
    ],
    ['line ends and references in text', '<a>uno\r\ndos\rtres &amp; &#241;&#x1F600; ]] &gt;</a>'],
    [
      'namespaces declared, redeclared and undeclared',
      '<p:a xmlns:p="urn:p" xmlns="urn:d"><b xmlns=""><p:c xmlns:p=" urn:q "/></b><c/></p:a>',
    ],
    [
      'single quotes, spaces around = and in end tags',
      "<?xml version='1.0' standalone='yes'?>\n<a  x = 'v' >t</a  >\n",
    ],
    ['prefixed attributes', '<a xmlns:p="urn:p" xmlns:q="urn:q" p:x="1" q:x="2" x="3"/>'],
    ['an xml: name', '<xml:a xml:lang="es"/>'],
    [
      'surrogate pairs in text and attributes',
      '<a x="\uD83D\uDE00 y\ty">\uD83D\uDE00\r\n&amp;\uD83D\uDE00</a>',
    ],
    ['comments around and inside', '<!-- a -->\n<a>x<!---->y<!--->z--></a><!-- b -->'],
  ])('reads %s as saxes does', (_label, text) => {
    expect(expectAgreement(text)).not.toBeNull();
  });

  it.each([
    ['a comment with --', '<a><!-- x -- y --></a>'],
    ['a comment ending in -', '<a><!-- x ---></a>'],
    ['an unclosed comment', '<a/><!--'],
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['a processing instruction', '<?pi x?><a/>'],
    ['XML 1.1', '<?xml version="1.1"?><a/>'],
    ['a non-ASCII name', '<ñ/>'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a forbidden character reference', '<a x="&#0;"/>'],
    ['a forbidden character', '<a>\u0001</a>'],
    ['a lone surrogate', '<a>\uD800</a>'],
    ['a lone surrogate after a reference', '<a>&amp;\uDC00</a>'],
    ['a lone surrogate in an attribute', '<a x="\uD800"/>'],
    ['a lone surrogate after a tab in an attribute', '<a x="\t\uD800"/>'],
    ['a forbidden character in an attribute', '<a x="\u0001"/>'],
    ['U+FFFE in text', '<a>\uFFFE</a>'],
    ['a forbidden character in a comment', '<a><!--\u0001--></a>'],
    ['an unclosed attribute value', '<a x="1/>'],
    [']]> in text', '<a>]]></a>'],
    ['< in an attribute', '<a x="<"/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['a duplicate expanded name', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:x="1" q:x="2"/>'],
    ['an unbound prefix', '<p:a/>'],
    ['an unbound attribute prefix', '<a p:x="1"/>'],
    ['an undeclared prefix', '<a xmlns:p=""/>'],
    ['the xmlns prefix on an element', '<xmlns:a/>'],
    ['attributes without whitespace', '<a x="1"y="2"/>'],
    ['a mismatched end tag', '<a></b>'],
    ['a longer end tag', '<a></ab>'],
    ['an unclosed element', '<a><b/>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', 'x<a/>'],
    ['a declaration not at the start', ' <?xml version="1.0"?><a/>'],
    ['a slash not ending the tag', '<a/ >'],
  ])('declines %s', (_label, text) => {
    expect(readCommonXml(text, 64)).toBeNull();
  });

  it('declines nesting deeper than the limit, where saxes reports TOO_DEEP', () => {
    expect(readCommonXml('<a><b><c/></b></a>', 2)).toBeNull();
    expect(expectAgreement('<a><b><c/></b></a>', 3)).not.toBeNull();
  });

  it('never accepts what saxes refuses nor builds another tree, on mutated fixtures', () => {
    const pieces = ['<', '>', '/', '&', ';', '"', "'", '=', ' ', '\r', ':', 'xmlns:', '&#13;', ']]>', 'ñ'];
    const mutation = fc
      .record({
        fixture: fc.nat(fixtures.length - 1),
        at: fc.nat(),
        length: fc.nat(12),
        text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })),
      })
      .map(({ fixture, at, length, text }) => {
        const source = fixtures[fixture] ?? '';
        const start = at % source.length;
        return source.slice(0, start) + text + source.slice(Math.min(source.length, start + length));
      });
    fc.assert(
      fc.property(mutation, (text) => {
        expectAgreement(text);
      }),
      { numRuns: 1500, seed: 20261129 },
    );
  });

  it('never accepts what saxes refuses nor builds another tree, on documents made of XML pieces', () => {
    const piece = fc.constantFrom(
      '<a',
      '<p:a',
      '<b',
      '</a>',
      '</p:a>',
      '</b>',
      '>',
      '/>',
      ' ',
      '\r\n',
      '\t',
      'x',
      ']]>',
      ']]',
      '&amp;',
      '&#13;',
      '&#xD800;',
      '&bad;',
      ' x="1"',
      " y='2'",
      ' p:x="3"',
      ' x="a\tb"',
      ' xmlns:p="urn:p"',
      ' xmlns:q="urn:p"',
      ' q:x="4"',
      ' xmlns="urn:d"',
      ' xmlns=""',
      ' xmlns:p=""',
      '<!--',
      '-->',
      '--',
      '<?xml version="1.0"?>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        expectAgreement(pieces.join(''), 3);
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });
});
