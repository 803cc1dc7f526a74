import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { validateCfdi } from '../validate/validate-cfdi.js';
import { runCli } from './main.js';

const SHARED = new URL('../../../../../shared/', import.meta.url).pathname;
const FIXTURES = path.join(SHARED, 'fixtures/cfdi');
const CSD = path.join(SHARED, 'fixtures/csd');

async function run(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), isErrTty: false, env });
  return { code, out, err };
}

describe('cfdi CLI', () => {
  it('validate: exit 0 when every document has no error, with --json results', async () => {
    const result = await run([
      'validate',
      '--json',
      path.join(FIXTURES, 'cfdi40-ingreso-iva16-real-timbrado.xml'),
    ]);
    expect(result.code).toBe(0);
    const [entry] = JSON.parse(result.out);
    expect(entry).toMatchObject({ valid: true, file: expect.stringContaining('real-timbrado') });
    expect(
      Object.keys(entry.findings[0] ?? { code: 1, severity: 1, category: 1, message: 1 }).sort(),
    ).toEqual(['category', 'code', 'message', 'severity']);
  });

  it('validate: exit 1 when a document has errors, walking directories', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfdi-cli-'));
    const xml = readFileSync(path.join(FIXTURES, 'cfdi40-ingreso-iva16-eku-timbrado.xml'), 'utf8');
    writeFileSync(path.join(dir, 'alterado.xml'), xml.replace(/ Total="[^"]+"/, ' Total="1.00"'));
    writeFileSync(path.join(dir, 'notas.txt'), 'no es XML');
    const result = await run(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/✖ .*alterado\.xml/);
    expect(result.out).toContain('0 válidos, 1 con errores');
  });

  it('validate: reads the XML inside ZIPs, and refuses a ZIP bomb before extracting it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfdi-zip-'));
    const good = new yazl.ZipFile();
    good.addFile(path.join(FIXTURES, 'cfdi40-ingreso-iva16-real-timbrado.xml'), 'facturas/real.xml');
    good.end();
    await pipeline(good.outputStream, createWriteStream(path.join(dir, 'facturas.zip')));
    const bomb = new yazl.ZipFile();
    bomb.addBuffer(Buffer.alloc(10 * 1024 * 1024, 0x20), 'bomba.xml');
    bomb.end();
    await pipeline(bomb.outputStream, createWriteStream(path.join(dir, 'bomba.zip')));
    const result = await run(['validate', '--json', dir]);
    const entries = JSON.parse(result.out) as {
      file: string;
      valid: boolean;
      findings: { code: string }[];
    }[];
    expect(entries.map((entry) => [entry.file.slice(dir.length + 1), entry.valid])).toEqual([
      ['bomba.zip', false],
      ['facturas.zip!facturas/real.xml', true],
    ]);
    expect(entries[0]?.findings[0]?.code).toBe('ZIP_BOMB');
    expect(result.code).toBe(1);
  });

  it('answers usage errors with exit 2 and the usage text', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['validate'])).code).toBe(2);
    expect((await run(['cadena', 'a.xml', 'b.xml'])).code).toBe(2);
    expect((await run(['seal', 'x.xml'])).err).toContain('Uso:');
  });

  it('seal: signs with the test CSD, and the result verifies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfdi-seal-'));
    const unsigned = readFileSync(path.join(FIXTURES, 'cfdi40-egreso-nota-credito-eku-generado.xml'), 'utf8')
      .replace(/ Sello="[^"]*"/, '')
      .replace(/ Certificado="[^"]*"/, '')
      .replace(/ NoCertificado="[^"]*"/, '');
    const file = path.join(dir, 'sin-sello.xml');
    writeFileSync(file, unsigned);
    const password = readFileSync(path.join(CSD, 'EKU9003173C9.password.txt'), 'utf8').trim();
    const args = [
      'seal',
      '--cer',
      path.join(CSD, 'EKU9003173C9.cer'),
      '--key',
      path.join(CSD, 'EKU9003173C9.key'),
      file,
    ];
    const sealed = await run(args, { CFDI_KEY_PASSWORD: password });
    expect(sealed.code).toBe(0);
    expect(validateCfdi(sealed.out).findings.filter((f) => f.category === 'seal')).toEqual([]);
    const wrong = await run([...args.slice(0, -1), '--password', 'incorrecta', file]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/contraseña/i);
  });

  it('qr: prints the verification URL of a stamped CFDI', async () => {
    const result = await run(['qr', path.join(FIXTURES, 'cfdi40-ingreso-iva16-real-timbrado.xml')]);
    expect(result.out).toMatch(
      /^https:\/\/verificacfdi\.facturaelectronica\.sat\.gob\.mx\/default\.aspx\?id=[0-9A-F-]{36}&re=/,
    );
  });
});
