import type { expenses } from './expenses.schema.js';

export type ExpenseRow = typeof expenses.$inferSelect;

/** The API's view of an expense (nested supplier, taxes, CFDI and SAT status). */
export function toExpenseView(row: ExpenseRow, names: Map<string, string>) {
  return {
    id: row.id,
    status: row.status,
    paymentMethod: row.paymentMethod,
    fundId: row.fundId,
    spender: { id: row.spenderId, name: names.get(row.spenderId) ?? '' },
    date: row.expenseDate,
    concept: row.concept,
    categoryId: row.categoryId,
    costCenterId: row.costCenterId,
    supplier: { rfc: row.supplierRfc, name: row.supplierName },
    currency: row.currency,
    exchangeRate: row.exchangeRate,
    subtotal: row.subtotal,
    discount: row.discount,
    taxes: {
      ivaTransferred: row.ivaTransferred,
      iepsTransferred: row.iepsTransferred,
      isrWithheld: row.isrWithheld,
      ivaWithheld: row.ivaWithheld,
      localTransferred: row.localTaxesTransferred,
      localWithheld: row.localTaxesWithheld,
    },
    total: row.total,
    totalMxn: row.totalMxn,
    invoicePending: row.invoicePending,
    cfdi: row.cfdiUuid
      ? {
          uuid: row.cfdiUuid,
          version: row.cfdiVersion,
          type: row.cfdiType,
          issuedAt: row.cfdiIssuedAt,
          use: row.cfdiUse,
          paymentForm: row.cfdiPaymentForm,
          paymentMethod: row.cfdiPaymentMethod,
          receiverRfc: row.cfdiReceiverRfc,
        }
      : null,
    sat: { status: row.satStatus, checkedAt: row.satCheckedAt },
    findings: row.findings.map(({ code, severity, message }) => ({ code, severity, message })),
    /** A rejected expense paid with the fund's cash: the amount must come back from the person. */
    toRecover: row.status === 'rejected' && row.paymentMethod === 'fund_cash',
    submittedAt: row.submittedAt,
    /** Approved by an automatic approval rule, not by a person. */
    autoApproved: row.autoApproved,
    advanceId: row.advanceId,
    travelKind: row.travelKind,
    reimbursement:
      row.reimbursementMethod && row.reimbursedAt
        ? {
            method: row.reimbursementMethod,
            fundId: row.reimbursementFundId,
            reference: row.reimbursementReference,
            reimbursedAt: row.reimbursedAt,
          }
        : null,
    decidedAt: row.decidedAt,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type ExpenseView = ReturnType<typeof toExpenseView>;
