import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { StorageConfig } from '../config.js';
import { checkKey, createLocalFileStorage, type FileStorage } from './storage.js';

export interface S3FileStorageOptions {
  /** Only for S3-compatible services (MinIO, R2, …); AWS itself is found from the region. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `bucket` in the path instead of the host name: most self-hosted services need it. */
  forcePathStyle: boolean;
  /** Folder inside the bucket, so one bucket can hold several installs. */
  prefix?: string;
}

/** Files as objects of an S3 bucket: for installs with several servers or no persistent disk. */
export function createS3FileStorage(options: S3FileStorageOptions): FileStorage {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Since 3.729 the SDK adds CRC checksums to every upload by default, which several
    // S3-compatible services reject; against them, send checksums only where S3 requires one.
    ...(options.endpoint
      ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
  });
  const folder = options.prefix?.replace(/^\/+|\/+$/g, '');
  // The key is checked before the prefix is added: the same keys are valid on every driver.
  const objectKey = (key: string) => (folder ? `${folder}/${checkKey(key)}` : checkKey(key));
  const Bucket = options.bucket;
  return {
    async put(key, bytes) {
      const Key = objectKey(key);
      try {
        // Conditional write: S3 itself refuses an existing key (412), so the write-once rule
        // holds across servers without a read-then-write race.
        await client.send(new PutObjectCommand({ Bucket, Key, Body: bytes, IfNoneMatch: '*' }));
      } catch (error) {
        if (httpStatus(error) === 412) throw new Error(`storage key already exists: ${key}`);
        throw error;
      }
    },
    async get(key) {
      const Key = objectKey(key);
      try {
        const response = await client.send(new GetObjectCommand({ Bucket, Key }));
        if (!response.Body) throw new Error(`storage object has no body: ${key}`);
        const bytes = await response.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        // Only NoSuchKey: a 404 for a missing bucket is a configuration error, not a missing file.
        if ((error as Error).name === 'NoSuchKey') throw new Error(`storage key not found: ${key}`);
        throw error;
      }
    },
    async remove(key) {
      // S3 answers 204 whether or not the object existed, like rm({ force: true }).
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/** The storage the configuration asks for; local files live under DATA_DIR/files. */
export function createFileStorage(config: StorageConfig, dataDir: string): FileStorage {
  if (config.driver === 's3') return createS3FileStorage(config);
  return createLocalFileStorage(path.join(dataDir, 'files'));
}
