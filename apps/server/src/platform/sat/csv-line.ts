/** One CSV record on one line, RFC 4180 quoting (no csv library is installed in the server). */

export type CsvLineResult = { ok: true; fields: string[] } | { ok: false; reason: string };

/**
 * Splits one line into fields: commas separate, a field that starts with a quote runs to the
 * matching quote ("" is a literal quote). Deliberately line-based: SAT's files never break a
 * field across lines, and parsing line by line confines a broken quote to its own row instead
 * of letting it swallow the rest of the file. A quote inside an unquoted field is kept as text.
 */
export function parseCsvLine(line: string): CsvLineResult {
  const fields: string[] = [];
  let index = 0;
  for (;;) {
    if (line[index] === '"') {
      let value = '';
      let cursor = index + 1;
      for (;;) {
        const close = line.indexOf('"', cursor);
        if (close === -1)
          return { ok: false, reason: `Comillas sin cerrar en la columna ${fields.length + 1}.` };
        value += line.slice(cursor, close);
        if (line[close + 1] === '"') {
          value += '"';
          cursor = close + 2;
          continue;
        }
        index = close + 1;
        break;
      }
      fields.push(value);
      if (index === line.length) return { ok: true, fields };
      if (line[index] !== ',') {
        return {
          ok: false,
          reason: `Texto después de las comillas de cierre en la columna ${fields.length}.`,
        };
      }
      index += 1;
    } else {
      const comma = line.indexOf(',', index);
      if (comma === -1) {
        fields.push(line.slice(index));
        return { ok: true, fields };
      }
      fields.push(line.slice(index, comma));
      index = comma + 1;
    }
  }
}
