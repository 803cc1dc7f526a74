import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { readZipXmlEntries, ZipRefusedError } from './read-zip.js';

function zipOf(files: [string, Buffer | string][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of files) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZipRefusedError) return error.code;
    throw error;
  }
  throw new Error('accepted');
}

describe('readZipXmlEntries', () => {
  it('returns the XML files, skipping folders, other files and macOS metadata', async () => {
    const zip = await zipOf([
      ['facturas/a.xml', '<a/>'],
      ['facturas/B.XML', '<b/>'],
      ['leeme.txt', 'hola'],
      ['__MACOSX/facturas/._a.xml', 'x'],
    ]);
    const entries = await readZipXmlEntries(zip);
    expect(entries.map((entry) => [entry.name, entry.bytes.toString()])).toEqual([
      ['facturas/a.xml', '<a/>'],
      ['facturas/B.XML', '<b/>'],
    ]);
  });

  it('refuses a ZIP bomb before extracting it', async () => {
    const zip = await zipOf([['bomba.xml', Buffer.alloc(20 * 1024 * 1024, 0x20)]]);
    expect(zip.length).toBeLessThan(100_000);
    expect(await refusal(readZipXmlEntries(zip))).toBe('ZIP_BOMB');
  });

  it('refuses too many entries and too large a total, with configurable limits', async () => {
    const many = await zipOf(Array.from({ length: 30 }, (_, i) => [`f${i}.xml`, '<a/>'] as [string, string]));
    expect(
      await refusal(readZipXmlEntries(many, { maxEntries: 20, maxTotalBytes: 1e9, maxRatio: 200 })),
    ).toBe('ZIP_TOO_MANY_ENTRIES');
    expect(
      await refusal(readZipXmlEntries(many, { maxEntries: 100, maxTotalBytes: 50, maxRatio: 200 })),
    ).toBe('ZIP_TOO_LARGE');
  });

  it('refuses bytes that are not a ZIP', async () => {
    expect(await refusal(readZipXmlEntries(Buffer.from('no soy un zip')))).toBe('ZIP_INVALID');
  });

  it('reads a ZIP from a file as from memory, with the same checks', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'read-zip-'));
    try {
      const zip = await zipOf([
        ['facturas/a.xml', '<a/>'],
        ['leeme.txt', 'hola'],
        [
          'facturas/b.xml',
          Buffer.from(Array.from({ length: 500 }, (_, i) => `<c n="${i * 7919}"/>`).join('')),
        ],
      ]);
      const file = path.join(folder, 'facturas.zip');
      writeFileSync(file, zip);
      const fromFile = await readZipXmlEntries({ path: file });
      expect(fromFile).toEqual(await readZipXmlEntries(zip));
      expect(fromFile.map((entry) => entry.name)).toEqual(['facturas/a.xml', 'facturas/b.xml']);
      const bomb = path.join(folder, 'bomba.zip');
      writeFileSync(bomb, await zipOf([['bomba.xml', Buffer.alloc(20 * 1024 * 1024, 0x20)]]));
      expect(await refusal(readZipXmlEntries({ path: bomb }))).toBe('ZIP_BOMB');
      const notZip = path.join(folder, 'no.zip');
      writeFileSync(notZip, 'no soy un zip');
      expect(await refusal(readZipXmlEntries({ path: notZip }))).toBe('ZIP_INVALID');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses an entry whose data does not inflate to the size it declares', async () => {
    const zip = await zipOf([['a.xml', '<comprobante>'.repeat(10)]]);
    // Central directory: the entry's uncompressed size (offset 24) claims a byte less.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(zip.readUInt32LE(central + 24) - 1, central + 24);
    expect(await refusal(readZipXmlEntries(zip))).toBe('ZIP_INVALID');
  });
});
