import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIRROR_PATHS, SCHEMA_FILES, SIMPLE_TYPES } from './rules.generated.js';
import { SHARED, VALIDATE_SH } from './schema-oracle.test-support.js';
import { DEFAULT_LOCATIONS } from './schema-set.js';
import { translateXsdPattern } from './xsd-regex.js';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const XSD = path.join(PACKAGE, 'resources/sat-xsd');
const STAND_IN = 'sitio_internet/cfd/catalogos/catCFDI.xsd';

function readManifest(file: string): Map<string, string> {
  return new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.split('\t'))
      .map(([hash, local]) => [local ?? '', hash ?? ''] as const),
  );
}

describe('the compiled schema rule table', () => {
  it('is what compile-schema-rules.mjs produces from resources/sat-xsd (not stale, not hand-edited)', () => {
    const output = execFileSync('node', [path.join(PACKAGE, 'scripts/compile-schema-rules.mjs'), '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toContain('up to date');
  });

  it('comes from XSD files identical to SAT’s as listed in the upstream MANIFEST.tsv (stand-in: to shared/sat’s)', () => {
    const copied = readManifest(path.join(XSD, 'MANIFEST.tsv'));
    const upstream = readManifest(path.join(SHARED, 'sat/MANIFEST.tsv'));
    expect(copied).toEqual(upstream);
    const files = readdirSync(path.join(XSD, 'www.sat.gob.mx'), { recursive: true })
      .map((file) => String(file).split(path.sep).join('/'))
      .filter((file) => file.endsWith('.xsd'));
    expect(files.length).toBe(Object.keys(SCHEMA_FILES).length);
    const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    for (const file of files) {
      const hash = sha256(path.join(XSD, 'www.sat.gob.mx', file));
      // MANIFEST.tsv still lists the first, enumeration-free stand-in; the file shared/sat ships is the oracle's.
      const expected =
        file === STAND_IN
          ? sha256(path.join(SHARED, 'sat/www.sat.gob.mx', file))
          : copied.get(`www.sat.gob.mx/${file}`);
      expect(hash, file).toBe(expected);
    }
    const mirrored = [...upstream.keys()].filter((local) => local.startsWith('www.sat.gob.mx/'));
    expect(MIRROR_PATHS).toEqual(mirrored.map((local) => local.slice('www.sat.gob.mx/'.length)));
  });

  it('carries the enumerations of the catCFDI stand-in exactly as it is', () => {
    const standIn = readFileSync(path.join(XSD, 'www.sat.gob.mx', STAND_IN), 'utf8');
    const declared = new Map(
      [...standIn.matchAll(/<xs:simpleType name="(\w+)">(.*?)<\/xs:simpleType>/g)].map(([, name, body]) => [
        `catCFDI:${name}`,
        [...(body ?? '').matchAll(/<xs:enumeration value="([^"]*)"\/>/g)].map(([, value]) => value),
      ]),
    );
    expect([...declared.values()].filter((values) => values.length > 0)).toHaveLength(15);
    const compiled = SIMPLE_TYPES.filter((type) => type.name?.startsWith('catCFDI:'));
    expect(compiled.length).toBeGreaterThanOrEqual(15);
    for (const type of compiled) {
      const values = declared.get(type.name as string) ?? [];
      expect(type.enumerations?.[0] ?? [], type.name).toEqual(values);
    }
  });

  it('resolves namespaces to the same default schemas as validate.sh', () => {
    const script = readFileSync(VALIDATE_SH, 'utf8');
    const defaults = Object.fromEntries(
      [...script.matchAll(/^\s*(http\S+)\) echo (\S+) ;;$/gm)].map(([, namespace, location]) => [
        namespace,
        location,
      ]),
    );
    expect(defaults).toEqual(DEFAULT_LOCATIONS);
  });

  it('has only patterns that translate to JavaScript regular expressions', () => {
    const patterns = new Set(SIMPLE_TYPES.flatMap((type) => type.patterns?.flat() ?? []));
    expect(patterns.size).toBeGreaterThan(50);
    for (const pattern of patterns)
      expect(() => new RegExp(translateXsdPattern(pattern), 'u'), pattern).not.toThrow();
  });
});
