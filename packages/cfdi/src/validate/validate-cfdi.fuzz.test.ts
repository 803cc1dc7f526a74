import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCfdi } from './validate-cfdi.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.xml'))
  .map((name) => readFileSync(new URL(name, FIXTURES), 'utf8'));

/** One textual edit of a fixture: delete, duplicate or replace a slice, or change an attribute value. */
const mutation = fc
  .record({
    fixture: fc.nat(fixtures.length - 1),
    at: fc.nat(),
    length: fc.nat(200),
    kind: fc.constantFrom('delete', 'duplicate', 'replace', 'attribute'),
    text: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('-1', '1e9', '0.0000001', 'NaN', '&amp;', '<x/>', '"', ''),
    ),
  })
  .map(({ fixture, at, length, kind, text }) => {
    const source = fixtures[fixture] ?? '';
    const start = at % source.length;
    const end = Math.min(source.length, start + length);
    switch (kind) {
      case 'delete':
        return source.slice(0, start) + source.slice(end);
      case 'duplicate':
        return source.slice(0, end) + source.slice(start, end) + source.slice(end);
      case 'replace':
        return source.slice(0, start) + text + source.slice(end);
      default: {
        // Replace the value of the attribute that starts after `start`, keeping the XML well formed.
        const quote = source.indexOf('="', start);
        const close = quote < 0 ? -1 : source.indexOf('"', quote + 2);
        if (close < 0) return source;
        return `${source.slice(0, quote + 2)}${text.replace(/[<&"]/g, '')}${source.slice(close)}`;
      }
    }
  });

describe('validateCfdi fuzzing', () => {
  it('never throws and never hangs on mutated fixtures, whatever they become', () => {
    fc.assert(
      fc.property(mutation, (xml) => {
        const started = performance.now();
        const result = validateCfdi(xml);
        expect(performance.now() - started).toBeLessThan(2000);
        expect(typeof result.valid).toBe('boolean');
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(validateCfdi(bytes).valid).toBe(false);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
