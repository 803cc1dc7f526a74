import { type Line, labelKey, normalizeChar, squash } from './constancia-lines.js';

/**
 * The labels of a CSF — "RFC:", "Denominación/Razón Social:", "Código Postal:"… each with its
 * value to its right — found in its lines, and their values. Labels are matched without accents,
 * case or spaces, and a label that wraps in its cell ("Denominación/Razón" over "Social:") is
 * joined again before its value is looked for beside it.
 */

/** Labels of the CSF: those read, and the rest so that a value ends where the next label starts. */
const LABELS = {
  rfc: ['RFC:'],
  curp: ['CURP:'],
  nombre: ['Nombre (s):', 'Nombres:'],
  primerApellido: ['Primer Apellido:'],
  segundoApellido: ['Segundo Apellido:'],
  denominacion: ['Denominación/Razón Social:', 'Denominación o Razón Social:'],
  regimenCapital: ['Régimen Capital:'],
  nombreComercial: ['Nombre Comercial:'],
  inicioOperaciones: ['Fecha inicio de operaciones:'],
  estatus: ['Estatus en el padrón:'],
  ultimoCambio: ['Fecha de último cambio de estado:'],
  codigoPostal: ['Código Postal:'],
  idCif: ['idCIF:'],
  other: [
    'Tipo de Vialidad:',
    'Nombre de Vialidad:',
    'Número Exterior:',
    'Número Interior:',
    'Nombre de la Colonia:',
    'Nombre de la Localidad:',
    'Nombre del Municipio o Demarcación Territorial:',
    'Nombre de la Entidad Federativa:',
    'Entre Calle:',
    'Y Calle:',
    'Correo Electrónico:',
    'Tel. Fijo Lada:',
    'Tel. Móvil Lada:',
    'Número:',
    'Estado del domicilio:',
    'Estado del contribuyente en el domicilio fiscal:',
  ],
} as const;
export type LabelName = keyof typeof LABELS;

const LABEL_KEYS: { name: LabelName; key: string }[] = Object.entries(LABELS).flatMap(([name, texts]) =>
  texts.map((text) => ({ name: name as LabelName, key: labelKey(text) })),
);

/** A label found: where it is, so its value is looked for to its right. */
interface LabelHit {
  name: LabelName;
  page: number;
  /** Baselines of its first and last line (two when it wraps in its cell). */
  yTop: number;
  yBottom: number;
  /** Right edge of the label. */
  x1: number;
  size: number;
  /** The line where it ends and the glyph after its colon (a value may follow on that line). */
  line: Line;
  after: number;
}

function markLabel(line: Line, start: number, end: number) {
  for (let i = start; i < end; i++) line.isLabel[i] = true;
}

/** Labels written whole on one line: the longest one wins where two overlap. */
export function lineLabels(line: Line): LabelHit[] {
  const found: { name: LabelName; start: number; end: number }[] = [];
  for (const { name, key } of LABEL_KEYS) {
    for (let at = line.key.indexOf(key); at !== -1; at = line.key.indexOf(key, at + 1)) {
      const start = line.keyIndex[at] ?? 0;
      const end = (line.keyIndex[at + key.length - 1] ?? 0) + 1;
      found.push({ name, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: LabelHit[] = [];
  let reached = -1;
  for (const hit of found) {
    if (hit.start < reached) continue;
    reached = hit.end;
    markLabel(line, hit.start, hit.end);
    const last = line.glyphs[hit.end - 1];
    hits.push({
      name: hit.name,
      page: line.page,
      yTop: line.y,
      yBottom: line.y,
      x1: last ? last.x + last.w : 0,
      size: line.size,
      line,
      after: hit.end,
    });
  }
  return hits;
}

const segmentKey = (line: Line, segment: Line['segments'][number]) =>
  line.glyphs
    .slice(segment.start, segment.end)
    .map((g) => normalizeChar(g.c))
    .join('');

/**
 * Labels that wrap in their cell: a run that only begins a label ("Denominación/Razón"), then the
 * runs below it, aligned on its left edge, that go on with it ("Social:").
 */
export function wrappedLabels(lines: Line[]): LabelHit[] {
  const hits: LabelHit[] = [];
  lines.forEach((line, index) => {
    for (const segment of line.segments) {
      if (line.isLabel.slice(segment.start, segment.end).some(Boolean)) continue;
      const first = segmentKey(line, segment);
      if (first.length < 5 || first.includes(':')) continue;
      let candidates = LABEL_KEYS.filter(({ key }) => key.startsWith(first) && key.length > first.length);
      if (candidates.length === 0) continue;
      const pieces: { line: Line; start: number; end: number }[] = [
        { line, start: segment.start, end: segment.end },
      ];
      let text = first;
      let last = line;
      for (let next = index + 1; next < lines.length && pieces.length < 4; next++) {
        const below = lines[next];
        if (!below || below.page !== line.page) break;
        if (below.y - last.y > 2.2 * line.size) break;
        const piece = below.segments.find(
          (s) =>
            Math.abs(s.x0 - segment.x0) <= 0.6 * line.size &&
            !below.isLabel.slice(s.start, s.end).some(Boolean),
        );
        if (!piece) continue;
        const joined = text + segmentKey(below, piece);
        const complete = candidates.find(({ key }) => joined.startsWith(key));
        if (complete) {
          // Where the label ends in this run: a value may follow it on the same line.
          const pieceKeyStart = below.keyIndex.findIndex((glyph) => glyph >= piece.start);
          const endKey = pieceKeyStart + (complete.key.length - text.length) - 1;
          const after = (below.keyIndex[endKey] ?? piece.end - 1) + 1;
          pieces.push({ line: below, start: piece.start, end: after });
          for (const p of pieces) markLabel(p.line, p.start, p.end);
          const x1 = Math.max(
            ...pieces.map((p) => {
              const glyph = p.line.glyphs[p.end - 1];
              return glyph ? glyph.x + glyph.w : 0;
            }),
          );
          hits.push({
            name: complete.name,
            page: line.page,
            yTop: line.y,
            yBottom: below.y,
            x1,
            size: line.size,
            line: below,
            after,
          });
          break;
        }
        candidates = candidates.filter(({ key }) => key.startsWith(joined));
        if (candidates.length === 0) break;
        pieces.push({ line: below, start: piece.start, end: piece.end });
        text = joined;
        last = below;
      }
    }
  });
  return hits;
}

/** The glyphs of a line from `from` (or from x) rightwards, up to the next label or `limit`. */
function textRightOf(line: Line, x: number, limit: number, from = 0): { text: string; x0?: number } {
  let text = '';
  let x0: number | undefined;
  for (let i = from; i < line.glyphs.length; i++) {
    const glyph = line.glyphs[i];
    if (!glyph || glyph.x < x) continue;
    if (line.isLabel[i] || glyph.x >= limit) break;
    if (x0 === undefined && glyph.c.trim() !== '') x0 = glyph.x;
    text += glyph.c;
  }
  return { text: squash(text), x0 };
}

/**
 * A label's value: the text to its right on the lines its cell spans (within 0.7 em of them),
 * up to the next label; then lines just below and above whose only text starts where the value
 * starts (a long value that wraps in its cell, with nothing in the label's column).
 */
export function labelValue(hit: LabelHit, lines: Line[]): string {
  const band = lines.filter(
    (line) =>
      line.page === hit.page && line.y >= hit.yTop - 0.7 * hit.size && line.y <= hit.yBottom + 0.7 * hit.size,
  );
  // Where the next column's label starts (two label/value pairs per line, as in the address).
  let limit = Infinity;
  for (const line of band) {
    line.glyphs.forEach((glyph, i) => {
      if (line.isLabel[i] && glyph.x > hit.x1) limit = Math.min(limit, glyph.x);
    });
  }
  const parts: string[] = [];
  let valueX: number | undefined;
  for (const line of band) {
    const part =
      line === hit.line
        ? textRightOf(line, -Infinity, limit, hit.after)
        : textRightOf(line, hit.x1 - 0.5, limit);
    if (part.text === '') continue;
    parts.push(part.text);
    valueX = Math.min(valueX ?? Infinity, part.x0 ?? Infinity);
  }
  if (valueX === undefined || parts.length === 0) return '';
  const column = valueX;
  // A line of the same value: alone in the value's column, and not beside another row's label.
  const continues = (line: Line, from: number) => {
    if (line.page !== hit.page || Math.abs(line.y - from) > 1.5 * hit.size) return false;
    const first = line.glyphs.find((g) => g.c.trim() !== '');
    if (!first || Math.abs(first.x - column) > hit.size || line.isLabel.some(Boolean)) return false;
    return !lines.some(
      (other) =>
        other.page === line.page &&
        other.isLabel.some(Boolean) &&
        Math.abs(other.y - line.y) <= 0.7 * hit.size,
    );
  };
  const firstInBand = lines.indexOf(band[0] as Line);
  const lastInBand = lines.indexOf(band.at(-1) as Line);
  for (let i = lastInBand + 1, from = band.at(-1)?.y ?? 0; i < lines.length && parts.length < 6; i++) {
    const line = lines[i] as Line;
    if (!continues(line, from)) break;
    parts.push(squash(line.text));
    from = line.y;
  }
  for (let i = firstInBand - 1, from = band[0]?.y ?? 0; i >= 0 && parts.length < 6; i--) {
    const line = lines[i] as Line;
    if (!continues(line, from)) break;
    parts.unshift(squash(line.text));
    from = line.y;
  }
  return squash(parts.join(' '));
}
