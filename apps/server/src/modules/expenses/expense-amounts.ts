/** An expense's amounts as its CFDI (or ticket) states them: exact decimal strings, in its currency. */
export interface ExpenseAmounts {
  currency: string;
  /** MXN per unit of the CFDI's currency (TipoCambio); null for MXN. */
  exchangeRate: string | null;
  subtotal: string;
  discount: string;
  ivaTransferred: string;
  iepsTransferred: string;
  isrWithheld: string;
  ivaWithheld: string;
  localTaxesTransferred: string;
  localTaxesWithheld: string;
  total: string;
}
