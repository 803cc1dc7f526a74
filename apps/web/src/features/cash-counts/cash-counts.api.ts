import { api, query } from '../../api/client';
import type { Amount, Page } from '../../api/types';

export type PieceKind = 'bill' | 'coin';

export interface CountLine {
  kind: PieceKind;
  denomination: Amount;
  quantity: number;
}

export type CashCountResult = 'exact' | 'shortage' | 'overage';

/** An arqueo as the server records it: counted against the ledger's cash, signed by custodian and witness. */
export interface CashCount {
  id: string;
  fundId: string;
  counts: CountLine[];
  countedCash: Amount;
  expectedCash: Amount;
  /** Counted − expected: negative is a shortage (faltante), positive an overage (sobrante). */
  difference: Amount;
  result: CashCountResult;
  custodian: { id: string; name: string };
  witness: { id: string; name: string } | null;
  recordedBy: { id: string; name: string };
  notes: string | null;
  movementId: string | null;
  countedAt: string;
}

export interface CashCountInput {
  counts: CountLine[];
  witnessId?: string;
  notes?: string;
}

const countsPath = (fundId: string) => `/funds/${encodeURIComponent(fundId)}/cash-counts`;

export const countCash = (fundId: string, input: CashCountInput) =>
  api.post<CashCount>(countsPath(fundId), input);

export const listCashCounts = (fundId: string, cursor?: string) =>
  api.get<Page<CashCount>>(`${countsPath(fundId)}${query({ limit: 20, cursor })}`);

/** Under `funds`, so the invalidation that refreshes a fund after any movement refreshes its counts too. */
export const cashCountsKeys = {
  ofFund: (organizationId: string, fundId: string) =>
    ['funds', organizationId, 'cash-counts', fundId] as const,
};
