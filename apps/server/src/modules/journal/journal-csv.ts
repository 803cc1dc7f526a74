import { Readable } from 'node:stream';
import type { JournalEntry } from './journal-entry.js';
import { JOURNAL_COLUMNS, linesOf } from './journal-lines.js';

// RFC 4180 CSV in UTF-8 with a byte order mark (so Excel in Spanish shows the accents), CRLF.

/** Text a spreadsheet would run as a formula (CSV injection) is prefixed with an apostrophe. */
const LOOKS_LIKE_FORMULA = /^[=+\-@\t\r]/;
const MUST_QUOTE = /[",\r\n]/;

function field(value: string, isText: boolean): string {
  const inert = isText && LOOKS_LIKE_FORMULA.test(value) ? `'${value}` : value;
  return MUST_QUOTE.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

const row = (fields: string[]) => `${fields.join(',')}\r\n`;

async function* csvText(batches: AsyncIterable<JournalEntry[]>) {
  yield `\uFEFF${row(JOURNAL_COLUMNS.map((column) => field(column.header, true)))}`;
  for await (const entries of batches) {
    let text = '';
    for (const [entry, line] of linesOf(entries)) {
      text += row(JOURNAL_COLUMNS.map((column) => field(column.value(entry, line), column.kind === 'text')));
    }
    yield text;
  }
}

/** The journal as CSV; the next batch is read only when the client has taken the previous one. */
export function journalCsv(batches: AsyncIterable<JournalEntry[]>): Readable {
  return Readable.from(csvText(batches), { objectMode: false });
}
