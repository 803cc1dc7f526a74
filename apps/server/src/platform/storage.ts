import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files' bytes live. Keys are opaque paths chosen by the caller (organization
 * first), never reused: a file is written once, before the row that references it commits, so a
 * committed row never points at a partial file (a crash leaves at most an unreferenced one).
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,300}$/;

/** Refuses keys that could escape the storage's root (or be read as a path by any backend). */
export function checkKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.split('/').includes('..')) throw new Error(`unsafe storage key: ${key}`);
  return key;
}

/** Files under a folder of DATA_DIR (embedded mode and single-server installs). */
export function createLocalFileStorage(root: string): FileStorage {
  const resolve = (key: string) => path.join(root, checkKey(key));
  const knownFolders = new Set<string>();
  return {
    async put(key, bytes) {
      const target = resolve(key);
      const folder = path.dirname(target);
      if (!knownFolders.has(folder)) {
        await mkdir(folder, { recursive: true });
        knownFolders.add(folder);
      }
      // 'wx': a key is written once; an existing file is an error, never silently replaced.
      await writeFile(target, bytes, { flag: 'wx' });
    },
    async get(key) {
      return readFile(resolve(key));
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
