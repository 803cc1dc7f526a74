import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalFileStorage } from './storage.js';

describe('local file storage', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'storage-'));
  const storage = createLocalFileStorage(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes a key once, reads it back and removes it', async () => {
    await storage.put('org/cfdi/a.xml', Buffer.from('<x/>'));
    expect((await storage.get('org/cfdi/a.xml')).toString()).toBe('<x/>');
    await expect(storage.put('org/cfdi/a.xml', Buffer.from('otro'))).rejects.toThrow();
    await storage.remove('org/cfdi/a.xml');
    await expect(storage.get('org/cfdi/a.xml')).rejects.toThrow();
  });

  it('refuses keys that would leave its folder', async () => {
    await expect(storage.put('../fuera.xml', Buffer.from('x'))).rejects.toThrow(/unsafe/);
    await expect(storage.put('org/../../fuera.xml', Buffer.from('x'))).rejects.toThrow(/unsafe/);
  });
});
