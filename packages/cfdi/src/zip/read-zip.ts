import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  /** Most entries a ZIP may list (default 20,000). */
  maxEntries: number;
  /** Most bytes all entries may expand to (default 512 MiB). */
  maxTotalBytes: number;
  /** Largest expansion of one entry over its compressed size (default 200: bombs go far beyond). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
};

export type ZipProblem = 'ZIP_INVALID' | 'ZIP_TOO_MANY_ENTRIES' | 'ZIP_TOO_LARGE' | 'ZIP_BOMB';

/** A ZIP refused before anything was extracted; `detail` is Spanish. */
export class ZipRefusedError extends Error {
  readonly category = 'security' as const;
  constructor(
    readonly code: ZipProblem,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ZipRefusedError';
  }
}

export interface ZipXmlEntry {
  name: string;
  bytes: Buffer;
}

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

/** Every entry of the central directory, read without extracting anything. */
function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function readStream(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}

const isXmlEntry = (entry: Entry) =>
  !entry.fileName.endsWith('/') &&
  entry.fileName.toLowerCase().endsWith('.xml') &&
  !entry.fileName.startsWith('__MACOSX/');

/**
 * The XML files inside a ZIP. Before extracting anything it checks, from the central directory,
 * the entry count, the total uncompressed size and each entry's compression ratio (ZIP bombs);
 * while extracting, yauzl checks that each entry really has the size it declared. Entries are
 * yielded as they are extracted; nothing is yielded from a refused ZIP.
 */
export async function* iterateZipXmlEntries(
  buffer: Buffer,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): AsyncGenerator<ZipXmlEntry> {
  let zip: ZipFile;
  try {
    zip = await open(buffer);
  } catch (error) {
    throw new ZipRefusedError('ZIP_INVALID', `El archivo no es un ZIP válido (${(error as Error).message}).`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ZipRefusedError(
        'ZIP_TOO_MANY_ENTRIES',
        `El ZIP tiene ${zip.entryCount.toLocaleString('es-MX')} archivos; el máximo es ${limits.maxEntries.toLocaleString('es-MX')}. Divídelo en varios.`,
      );
    }
    const entries = await listEntries(zip);
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      const ratio =
        entry.compressedSize > 0
          ? entry.uncompressedSize / entry.compressedSize
          : entry.uncompressedSize > 0
            ? Infinity
            : 1;
      if (ratio > limits.maxRatio) {
        throw new ZipRefusedError(
          'ZIP_BOMB',
          `"${entry.fileName}" se expande ${Number.isFinite(ratio) ? Math.round(ratio) : 'infinitas'} veces su tamaño comprimido (máximo ${limits.maxRatio}): parece una bomba ZIP y no se abrió.`,
        );
      }
    }
    if (total > limits.maxTotalBytes) {
      throw new ZipRefusedError(
        'ZIP_TOO_LARGE',
        `El ZIP descomprimido mediría ${(total / 1024 / 1024).toFixed(0)} MB; el máximo es ${(limits.maxTotalBytes / 1024 / 1024).toFixed(0)} MB.`,
      );
    }
    // One entry at a time: a big ZIP is never held extracted in memory all at once.
    for (const entry of entries.filter(isXmlEntry)) {
      yield { name: entry.fileName, bytes: await readStream(zip, entry) };
    }
  } catch (error) {
    if (error instanceof ZipRefusedError) throw error;
    throw new ZipRefusedError('ZIP_INVALID', `No se pudo leer el ZIP (${(error as Error).message}).`);
  } finally {
    zip.close();
  }
}

/** Every XML entry of a ZIP, extracted (see iterateZipXmlEntries for the checks). */
export async function readZipXmlEntries(
  buffer: Buffer,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipXmlEntry[]> {
  const entries: ZipXmlEntry[] = [];
  for await (const entry of iterateZipXmlEntries(buffer, limits)) entries.push(entry);
  return entries;
}
