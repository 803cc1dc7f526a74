import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAT } from './sat-oracle.test-support.js';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const XSLT = path.join(PACKAGE, 'resources/sat-xslt');

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
  );
}

describe('the compiled rule table', () => {
  it('is what compile-cadena-rules.mjs produces from resources/sat-xslt (not stale, not hand-edited)', () => {
    const output = execFileSync('node', [path.join(PACKAGE, 'scripts/compile-cadena-rules.mjs'), '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toContain('up to date');
  });

  it('comes from XSLT files identical to SAT’s as listed in shared/sat/MANIFEST.tsv', () => {
    const manifest = new Map(
      readFileSync(path.join(SAT, 'MANIFEST.tsv'), 'utf8')
        .split('\n')
        .map((line) => line.split('\t'))
        .map(([hash, local]) => [local, hash] as const),
    );
    const files = filesUnder(path.join(XSLT, 'www.sat.gob.mx'));
    expect(files).toHaveLength(41);
    for (const file of files) {
      const local = path.relative(XSLT, file).split(path.sep).join('/');
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      expect(hash, local).toBe(manifest.get(local));
    }
  });
});
