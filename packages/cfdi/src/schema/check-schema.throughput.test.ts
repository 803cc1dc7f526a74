import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXml } from '../xml/read-xml.js';
import { checkSchema } from './check-schema.js';
import { FIXTURES, listFixtureNames } from './schema-oracle.test-support.js';

const MEASURE_MS = 1_000;

// A measurement, not a timed assertion (machines differ): it prints MB/s so regressions show in CI logs.
describe('checkSchema throughput', () => {
  it('is measured over the fixtures repeated (parsing excluded)', () => {
    const texts = listFixtureNames().map((name) => readFileSync(path.join(FIXTURES, name), 'utf8'));
    const roots = texts.map((text) => readXml(text));
    const bytesPerRound = texts.reduce((total, text) => total + Buffer.byteLength(text), 0);
    for (const root of roots) checkSchema(root);
    let rounds = 0;
    const start = performance.now();
    while (performance.now() - start < MEASURE_MS) {
      for (const root of roots) checkSchema(root);
      rounds += 1;
    }
    const seconds = (performance.now() - start) / 1000;
    const megabytesPerSecond = (rounds * bytesPerRound) / seconds / 1e6;
    const documentsPerSecond = (rounds * roots.length) / seconds;
    console.log(
      `[schema] checkSchema: ${megabytesPerSecond.toFixed(1)} MB/s, ${documentsPerSecond.toFixed(0)} documents/s (${roots.length} fixtures, ${rounds} rounds)`,
    );
    expect(rounds).toBeGreaterThan(0);
  });
});
