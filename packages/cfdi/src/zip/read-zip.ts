import { readSync } from 'node:fs';
import { type FileHandle, open as fsOpen } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
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

/** A ZIP in memory, or in a file (an upload spooled to disk is never held in memory whole). */
export type ZipSource = Buffer | { path: string };

/** The ZIP's bytes at a position, from memory or from its file. */
interface ZipReader {
  zip: ZipFile;
  size: number;
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

const YAUZL_OPTIONS = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false };

async function open(source: ZipSource): Promise<ZipReader> {
  if (Buffer.isBuffer(source)) {
    const zip = await new Promise<ZipFile>((resolve, reject) => {
      yauzl.fromBuffer(source, YAUZL_OPTIONS, (error, opened) => (error ? reject(error) : resolve(opened)));
    });
    return {
      zip,
      size: source.length,
      read: async (position, length) => source.subarray(position, position + length),
      close: async () => zip.close(),
    };
  }
  // yauzl reads the central directory through a descriptor of its own (it closes it with the ZIP);
  // entries are read through this one.
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(source.path, { ...YAUZL_OPTIONS, autoClose: false }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    );
  });
  let file: FileHandle;
  try {
    file = await fsOpen(source.path, 'r');
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    zip,
    size: zip.fileSize,
    async read(position, length) {
      // Synchronous: a few KB of a file just written (so in the page cache) per entry, where a
      // thread-pool round trip would cost more than reading; inflating the entry blocks longer.
      const bytes = Buffer.allocUnsafe(length);
      const bytesRead = readSync(file.fd, bytes, 0, length, position);
      return bytes.subarray(0, bytesRead);
    },
    async close() {
      zip.close();
      await file.close();
    },
  };
}

/** What extraction needs of an entry (a ZIP of thousands keeps this, not yauzl's Entry, while it is read). */
interface EntryLocation {
  fileName: string;
  compressedSize: number;
  uncompressedSize: number;
  compressionMethod: number;
  encrypted: boolean;
  localHeaderOffset: number;
  /** The name and extra field lengths the central directory gives (the local header's, as a rule). */
  headerFieldsLength: number;
}

/** Every entry of the central directory, read without extracting anything. */
function listEntries(zip: ZipFile): Promise<EntryLocation[]> {
  return new Promise((resolve, reject) => {
    const entries: EntryLocation[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push({
        fileName: entry.fileName,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        compressionMethod: entry.compressionMethod,
        encrypted: entry.isEncrypted(),
        localHeaderOffset: entry.relativeOffsetOfLocalHeader,
        headerFieldsLength: entry.fileNameLength + entry.extraFieldLength,
      });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;

/**
 * One entry's bytes: its local header located and checked, its data read and inflated in one
 * synchronous call into a buffer of exactly the size it declared (more or fewer bytes is an error,
 * as yauzl's validateEntrySizes). No stream per entry: a zlib stream and its 16 KB output buffer
 * outlive young-generation GCs, and thousands of them pile up in memory until a full GC.
 */
async function extract(reader: ZipReader, entry: EntryLocation): Promise<Buffer> {
  if (entry.encrypted) throw new Error('entry is encrypted');
  // Header and data in one read when the local header is as long as the central directory says.
  const headerOffset = entry.localHeaderOffset;
  const chunk = await reader.read(
    headerOffset,
    LOCAL_HEADER_BYTES + entry.headerFieldsLength + entry.compressedSize,
  );
  if (chunk.length < LOCAL_HEADER_BYTES || chunk.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
    throw new Error(`invalid local file header for ${entry.fileName}`);
  }
  const start = LOCAL_HEADER_BYTES + chunk.readUInt16LE(26) + chunk.readUInt16LE(28);
  const end = headerOffset + start + entry.compressedSize;
  if (end > reader.size) throw new Error(`file data overflows file bounds: ${end} > ${reader.size}`);
  const data =
    start + entry.compressedSize <= chunk.length
      ? chunk.subarray(start, start + entry.compressedSize)
      : await reader.read(headerOffset + start, entry.compressedSize);
  let bytes: Buffer;
  if (entry.compressionMethod === 0) {
    bytes = Buffer.from(data); // a copy: an entry never keeps the whole upload alive
  } else if (entry.compressionMethod === 8) {
    bytes = inflateRawSync(data, {
      // One output buffer that fits (plus the byte zlib needs to see the end), and never more than
      // declared: an entry that claims 0 bytes and inflates to gigabytes stops at the first byte.
      chunkSize: Math.max(64, entry.uncompressedSize + 1),
      maxOutputLength: Math.max(1, entry.uncompressedSize),
    });
  } else {
    throw new Error(`unsupported compression method: ${entry.compressionMethod}`);
  }
  if (bytes.length !== entry.uncompressedSize) {
    throw new Error(`expected ${entry.uncompressedSize} bytes, got ${bytes.length}`);
  }
  return bytes;
}

const isXmlEntry = (entry: EntryLocation) =>
  !entry.fileName.endsWith('/') &&
  entry.fileName.toLowerCase().endsWith('.xml') &&
  !entry.fileName.startsWith('__MACOSX/');

/**
 * The XML files inside a ZIP (in memory or in a file). Before extracting anything it checks, from
 * the central directory, the entry count, the total uncompressed size and each entry's compression
 * ratio (ZIP bombs); while extracting, each entry must inflate to exactly the size it declared.
 * Entries are yielded as they are extracted; nothing is yielded from a refused ZIP.
 */
export async function* iterateZipXmlEntries(
  source: ZipSource,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): AsyncGenerator<ZipXmlEntry> {
  let reader: ZipReader;
  try {
    reader = await open(source);
  } catch (error) {
    throw new ZipRefusedError('ZIP_INVALID', `El archivo no es un ZIP válido (${(error as Error).message}).`);
  }
  const { zip } = reader;
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
      yield { name: entry.fileName, bytes: await extract(reader, entry) };
    }
  } catch (error) {
    if (error instanceof ZipRefusedError) throw error;
    throw new ZipRefusedError('ZIP_INVALID', `No se pudo leer el ZIP (${(error as Error).message}).`);
  } finally {
    await reader.close();
  }
}

/** Every XML entry of a ZIP, extracted (see iterateZipXmlEntries for the checks). */
export async function readZipXmlEntries(
  source: ZipSource,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipXmlEntry[]> {
  const entries: ZipXmlEntry[] = [];
  for await (const entry of iterateZipXmlEntries(source, limits)) entries.push(entry);
  return entries;
}
