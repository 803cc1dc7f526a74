/** Streaming bytes → numbered text lines, for files SAT publishes in Windows-1252 or UTF-8. */

export type TextEncodingChoice = 'auto' | 'utf-8' | 'windows-1252';

export interface TextLine {
  /** 1-based physical line number in the file. */
  number: number;
  text: string;
}

export class LineTooLongError extends Error {
  constructor(readonly lineNumber: number) {
    super(`La línea ${lineNumber} es demasiado larga: el archivo no parece de texto.`);
    this.name = 'LineTooLongError';
  }
}

const BYTES_TO_DECIDE_AFTER_FIRST_NON_ASCII = 4;

/**
 * UTF-8 if the bytes seen so far are valid UTF-8 (a BOM settles it at once), otherwise
 * Windows-1252. Decided at the first non-ASCII byte: in cp1252 text an accented letter is one
 * byte followed by ASCII, which is never valid UTF-8, so a few bytes are enough to tell.
 */
function detectEncoding(bytes: Uint8Array, isEnd: boolean): 'utf-8' | 'windows-1252' | undefined {
  const firstNonAscii = bytes.findIndex((byte) => byte >= 0x80);
  if (firstNonAscii === -1) return isEnd ? 'utf-8' : undefined;
  if (!isEnd && bytes.length - firstNonAscii < BYTES_TO_DECIDE_AFTER_FIRST_NON_ASCII) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !isEnd });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function toBytes(chunk: Uint8Array | string): Uint8Array | string {
  return typeof chunk === 'string' ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Decodes chunks to text; strings pass through (they were decoded already). A BOM is dropped. */
async function* decodeChunks(
  input: AsyncIterable<Uint8Array | string>,
  encoding: TextEncodingChoice,
): AsyncGenerator<string> {
  let decoder = encoding === 'auto' ? undefined : new TextDecoder(encoding);
  let pending = new Uint8Array(0);
  let isFirstText = true;
  const ascii = new TextDecoder('utf-8');
  const emit = (text: string) => {
    const clean = isFirstText ? text.replace(/^\uFEFF/, '') : text;
    if (text !== '') isFirstText = false;
    return clean;
  };
  for await (const rawChunk of input) {
    const chunk = toBytes(rawChunk);
    if (typeof chunk === 'string') {
      yield emit(chunk);
      continue;
    }
    if (decoder) {
      yield emit(decoder.decode(chunk, { stream: true }));
      continue;
    }
    // Undecided: ASCII reads the same either way, so pass it on and keep from the first non-ASCII byte.
    let joined = new Uint8Array(pending.length + chunk.length);
    joined.set(pending);
    joined.set(chunk, pending.length);
    const firstNonAscii = joined.findIndex((byte) => byte >= 0x80);
    const asciiEnd = firstNonAscii === -1 ? joined.length : firstNonAscii;
    if (asciiEnd > 0) {
      yield emit(ascii.decode(joined.subarray(0, asciiEnd)));
      joined = joined.subarray(asciiEnd);
    }
    const detected = detectEncoding(joined, false);
    if (detected) {
      decoder = new TextDecoder(detected);
      pending = new Uint8Array(0);
      yield emit(decoder.decode(joined, { stream: true }));
    } else {
      pending = joined;
    }
  }
  if (!decoder) decoder = new TextDecoder(detectEncoding(pending, true) ?? 'utf-8');
  yield emit(decoder.decode(pending));
}

/**
 * Splits decoded text into lines on CRLF, LF or CR, numbering them. A line longer than
 * `maxLineLength` throws LineTooLongError, so a binary or newline-less file cannot fill memory.
 */
export async function* readTextLines(
  input: AsyncIterable<Uint8Array | string>,
  options: { encoding?: TextEncodingChoice; maxLineLength?: number } = {},
): AsyncGenerator<TextLine> {
  const maxLineLength = options.maxLineLength ?? 64 * 1024;
  let buffer = '';
  let lineNumber = 0;
  for await (const text of decodeChunks(input, options.encoding ?? 'auto')) {
    buffer += text;
    let start = 0;
    const breaks = /\r\n|\r|\n/g;
    for (let match = breaks.exec(buffer); match; match = breaks.exec(buffer)) {
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (match[0] === '\r' && match.index === buffer.length - 1) break;
      lineNumber += 1;
      yield { number: lineNumber, text: buffer.slice(start, match.index) };
      start = match.index + match[0].length;
    }
    buffer = buffer.slice(start);
    if (buffer.length > maxLineLength) throw new LineTooLongError(lineNumber + 1);
  }
  // A held final CR only terminates the last line.
  if (buffer !== '') yield { number: lineNumber + 1, text: buffer.replace(/\r$/, '') };
}
