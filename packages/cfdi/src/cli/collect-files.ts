import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../findings.js';
import { readZipXmlEntries, ZipRefusedError } from '../zip/read-zip.js';

/** A document to validate, or a ZIP refused before extraction. */
export type CliDocument =
  | { file: string; read: () => Promise<Uint8Array> }
  | { file: string; refusal: Finding };

async function walk(input: string): Promise<string[]> {
  const info = await stat(input);
  if (!info.isDirectory()) return [input];
  const entries = await readdir(input, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(xml|zip)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Expands files, directories (recursively) and ZIPs (checked before extraction) into documents. */
export async function collectDocuments(inputs: string[]): Promise<CliDocument[]> {
  const files = (await Promise.all(inputs.map(walk))).flat().sort();
  const documents: CliDocument[] = [];
  for (const file of files) {
    if (!file.toLowerCase().endsWith('.zip')) {
      documents.push({ file, read: () => readFile(file) });
      continue;
    }
    try {
      for (const entry of await readZipXmlEntries(await readFile(file))) {
        documents.push({ file: `${file}!${entry.name}`, read: async () => entry.bytes });
      }
    } catch (error) {
      if (!(error instanceof ZipRefusedError)) throw error;
      documents.push({
        file,
        refusal: { code: error.code, severity: 'error', category: 'security', message: error.detail },
      });
    }
  }
  return documents;
}
