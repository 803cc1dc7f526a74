import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeS3Server, startFakeS3Server } from '../../test/fakes/fake-s3-server.js';
import { createS3FileStorage } from './s3-storage.js';
import { createLocalFileStorage, type FileStorage } from './storage.js';

interface Driver {
  name: string;
  open(): Promise<{ storage: FileStorage; close(): Promise<void> }>;
}

const drivers: Driver[] = [
  {
    name: 'local',
    async open() {
      const root = mkdtempSync(path.join(tmpdir(), 'storage-'));
      return {
        storage: createLocalFileStorage(root),
        close: async () => rmSync(root, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 's3',
    async open() {
      const server = await startFakeS3Server();
      const storage = createS3FileStorage({
        endpoint: server.url,
        region: 'us-east-1',
        bucket: server.bucket,
        accessKeyId: server.accessKeyId,
        secretAccessKey: server.secretAccessKey,
        forcePathStyle: true,
      });
      return { storage, close: () => server.close() };
    },
  },
];

// The same contract for every driver: the rest of the server must not tell them apart.
describe.each(drivers)('$name file storage', (driver) => {
  let storage: FileStorage;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, close } = await driver.open());
  });
  afterAll(() => close());

  it('writes a key once, reads it back and removes it', async () => {
    await storage.put('org/cfdi/a.xml', Buffer.from('<x/>'));
    expect((await storage.get('org/cfdi/a.xml')).toString()).toBe('<x/>');
    await expect(storage.put('org/cfdi/a.xml', Buffer.from('otro'))).rejects.toThrow(/already exists/);
    expect((await storage.get('org/cfdi/a.xml')).toString()).toBe('<x/>');
    await storage.remove('org/cfdi/a.xml');
    await expect(storage.get('org/cfdi/a.xml')).rejects.toThrow('org/cfdi/a.xml');
  });

  it('keeps binary bytes exactly and returns a Buffer', async () => {
    const bytes = new Uint8Array(256).map((_, index) => index);
    await storage.put('org/tickets/foto.jpg', bytes);
    const read = await storage.get('org/tickets/foto.jpg');
    expect(Buffer.isBuffer(read)).toBe(true);
    expect(read.equals(Buffer.from(bytes))).toBe(true);
  });

  it('fails clearly on a missing key and accepts removing one', async () => {
    await expect(storage.get('org/cfdi/nunca.xml')).rejects.toThrow('org/cfdi/nunca.xml');
    await expect(storage.remove('org/cfdi/nunca.xml')).resolves.toBeUndefined();
  });

  it('refuses keys that would leave its folder', async () => {
    await expect(storage.put('../fuera.xml', Buffer.from('x'))).rejects.toThrow(/unsafe/);
    await expect(storage.put('org/../../fuera.xml', Buffer.from('x'))).rejects.toThrow(/unsafe/);
    await expect(storage.put('/etc/passwd', Buffer.from('x'))).rejects.toThrow(/unsafe/);
    await expect(storage.get('org/../x.xml')).rejects.toThrow(/unsafe/);
    await expect(storage.remove('org/../x.xml')).rejects.toThrow(/unsafe/);
  });
});

describe('S3 file storage on the wire', () => {
  let server: FakeS3Server;
  beforeAll(async () => {
    server = await startFakeS3Server();
  });
  afterAll(() => server.close());

  const options = () => ({
    endpoint: server.url,
    region: 'us-east-1',
    bucket: server.bucket,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
  });

  it('writes under the prefix, conditionally, with signed requests', async () => {
    const storage = createS3FileStorage({ ...options(), prefix: '/instalacion-1/' });
    await storage.put('org/cfdi/b.xml', Buffer.from('<b/>'));
    expect(server.objects.get('instalacion-1/org/cfdi/b.xml')?.toString()).toBe('<b/>');
    const put = server.requests.at(-1);
    expect(put).toMatchObject({ method: 'PUT', key: 'instalacion-1/org/cfdi/b.xml' });
    expect(put?.headers['if-none-match']).toBe('*');
    expect(put?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=FAKEACCESSKEYID\//);
  });

  it('never sends an unsafe key', async () => {
    const before = server.requests.length;
    await expect(createS3FileStorage(options()).get('../x.xml')).rejects.toThrow(/unsafe/);
    expect(server.requests.length).toBe(before);
  });

  it('passes on errors that are not about the key: wrong credentials, missing bucket', async () => {
    const wrongKey = createS3FileStorage({ ...options(), accessKeyId: 'OTRA' });
    await expect(wrongKey.put('org/c.xml', Buffer.from('x'))).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
    });
    const wrongBucket = createS3FileStorage({ ...options(), bucket: 'otro' });
    await expect(wrongBucket.get('org/c.xml')).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });
});
