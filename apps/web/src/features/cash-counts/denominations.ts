import { fromCentavos, toCentavos } from '../../app/money';
import type { CountLine, PieceKind } from './cash-counts.api';

export interface Piece {
  kind: PieceKind;
  denomination: string;
  /** Form field name, without dots (a dot would nest the form path): e.g. "bill_500_00". */
  key: string;
}

const piecesOf = (kind: PieceKind, denominations: string[]): Piece[] =>
  denominations.map((denomination) => ({
    kind,
    denomination,
    key: `${kind}_${denomination.replace('.', '_')}`,
  }));

/** MXN bills and coins a box holds, largest first; the server accepts exactly these. */
export const BILLS = piecesOf('bill', ['1000.00', '500.00', '200.00', '100.00', '50.00', '20.00']);
export const COINS = piecesOf('coin', ['20.00', '10.00', '5.00', '2.00', '1.00', '0.50']);
export const PIECES = [...BILLS, ...COINS];

export type Quantities = Record<string, string>;

export const emptyQuantities = (): Quantities => Object.fromEntries(PIECES.map((piece) => [piece.key, '']));

/** A typed quantity: empty is zero; anything but whole digits is not a quantity (null). */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The value of `quantity` pieces, exactly (centavos as BigInt), as a decimal string. */
export function pieceTotal(piece: Piece, quantity: number): string {
  return fromCentavos((toCentavos(piece.denomination) ?? 0n) * BigInt(quantity));
}

/** Σ denomination × quantity in centavos, or null while any field is not a whole number. */
export function countedCentavos(quantities: Quantities): bigint | null {
  let total = 0n;
  for (const piece of PIECES) {
    const quantity = parseQuantity(quantities[piece.key] ?? '');
    if (quantity === null) return null;
    total += (toCentavos(piece.denomination) ?? 0n) * BigInt(quantity);
  }
  return total;
}

/** The lines sent to the server: every denomination, zeros included (the record shows what was counted). */
export function countLines(quantities: Quantities): CountLine[] {
  return PIECES.map((piece) => ({
    kind: piece.kind,
    denomination: piece.denomination,
    quantity: parseQuantity(quantities[piece.key] ?? '') ?? 0,
  }));
}

/** "$500" and "$0.50": how a piece is named on its label. */
export const pieceLabel = (piece: Pick<Piece, 'denomination'>) =>
  `$${piece.denomination.endsWith('.00') ? piece.denomination.slice(0, -3) : piece.denomination}`;
