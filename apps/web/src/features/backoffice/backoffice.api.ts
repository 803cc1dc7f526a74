import { ApiError, api, query } from '../../api/client';
import type {
  PaymentMethod,
  PaymentProvider,
  PaymentStatus,
  PlanId,
  SubscriptionStatus,
} from '../subscription/subscription.api';

// The back office's routes are hidden from the public OpenAPI document (and so from the SDK):
// their answers are typed here by hand, as apps/server/src/modules/backoffice/backoffice.wire.ts sends them.

export interface Operator {
  id: string;
  email: string;
  name: string;
}

export interface Page<Row> {
  data: Row[];
  nextCursor: string | null;
}

export interface BackofficeOrganization {
  id: string;
  name: string;
  createdAt: string;
  status: SubscriptionStatus | null;
  readOnly: boolean;
  plan: PlanId | null;
  nextPlan: PlanId | null;
  trialEndsAt: string | null;
  currentPeriodEnd: string | null;
  ownerEmail: string | null;
}

export interface BackofficePayment {
  id: string;
  organizationId: string;
  organizationName: string;
  plan: PlanId;
  method: PaymentMethod;
  provider: PaymentProvider;
  status: PaymentStatus;
  total: string;
  amountReceived: string;
  /** What is still to arrive: the transfer form starts with it. */
  remaining: string;
  reference: string;
  createdAt: string;
  confirmedAt: string | null;
  expiresAt: string | null;
}

export type RefundStatus = 'pending' | 'issued';

export interface BackofficeRefund {
  id: string;
  organizationId: string;
  organizationName: string;
  paymentId: string;
  paymentReference: string;
  paymentMethod: PaymentMethod;
  total: string;
  channel: 'provider' | 'spei';
  clabe: string | null;
  status: RefundStatus;
  /** The SPEI tracking key or the provider's refund id, once sent. */
  reference: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  issuedAt: string | null;
}

export interface ReconciliationAlert {
  kind: string;
  subjectId: string;
  organizationId: string | null;
  organizationName: string | null;
  /** What is wrong and what to do, in Spanish, from the server. */
  message: string;
  since: string;
}

export interface PaymentEvent {
  id: string;
  provider: PaymentProvider;
  eventId: string;
  type: string;
  receivedAt: string;
  processedAt: string | null;
  outcome: string | null;
}

export interface TransferInput {
  amount: string;
  trackingKey: string;
  receivedOn: string;
}

const BASE = '/backoffice';
const pathOf = (kind: 'payments' | 'refunds', id: string) => `${BASE}/${kind}/${encodeURIComponent(id)}`;

/** The signed-in operator, or null when there is none (401). */
export async function getOperatorSession(): Promise<Operator | null> {
  try {
    return (await api.get<{ operator: Operator }>(`${BASE}/session`)).operator;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const logInOperator = (email: string, password: string) =>
  api.post<{ operator: Operator }>(`${BASE}/session`, { email, password });

export const logOutOperator = () => api.delete(`${BASE}/session`);

export const listOrganizations = (search: string, cursor?: string) =>
  api.get<Page<BackofficeOrganization>>(`${BASE}/organizations${query({ search, cursor })}`);

export const listPayments = (status: PaymentStatus | null, cursor?: string) =>
  api.get<Page<BackofficePayment>>(`${BASE}/payments${query({ status, cursor })}`);

export const recordTransfer = (paymentId: string, input: TransferInput) =>
  api.post<{ confirmed: boolean; payment: BackofficePayment }>(
    `${pathOf('payments', paymentId)}/transfers`,
    input,
  );

export const listRefunds = (status: RefundStatus | null, cursor?: string) =>
  api.get<Page<BackofficeRefund>>(`${BASE}/refunds${query({ status, cursor })}`);

export const markRefundIssued = (refundId: string, trackingKey: string) =>
  api.post<BackofficeRefund>(`${pathOf('refunds', refundId)}/issued`, { trackingKey });

export const retryRefund = (refundId: string) => api.post<void>(`${pathOf('refunds', refundId)}/retry`);

export const listAlerts = () => api.get<{ data: ReconciliationAlert[] }>(`${BASE}/alerts`);

export const listEvents = () => api.get<{ data: PaymentEvent[] }>(`${BASE}/events`);

export type InvoiceStatus = 'pending' | 'stamped' | 'rejected' | 'global' | 'cancel_pending' | 'canceled';

/** A CFDI the platform issued to a customer (GET /backoffice/invoices). */
export interface PlatformInvoice {
  id: string;
  organizationId: string;
  organizationName: string;
  kind: 'ingreso' | 'egreso';
  status: InvoiceStatus;
  serie: string;
  folio: number;
  uuid: string | null;
  total: string;
  receptorRfc: string;
  receptorName: string;
  pac: string;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  createdAt: string;
  stampedAt: string | null;
}

/** A month's factura global to the general public. */
export interface GlobalInvoice {
  id: string;
  period: string;
  status: 'pending' | 'stamped' | 'rejected';
  serie: string;
  folio: number;
  uuid: string | null;
  payments: number;
  total: string;
  errorMessage: string | null;
  stampedAt: string | null;
}

export type CancelMotive = '01' | '02' | '03' | '04';

export const cancelInvoice = (id: string, motive: CancelMotive) =>
  api.post<{ id: string; status: InvoiceStatus; replacedBy: string | null }>(
    `${BASE}/invoices/${encodeURIComponent(id)}/cancel`,
    { motive },
  );

export const listInvoices = () =>
  api.get<{ data: PlatformInvoice[]; globals: GlobalInvoice[] }>(`${BASE}/invoices`);

/** Everything starts with `backoffice`: signing out drops it all. */
export const backofficeKeys = {
  all: ['backoffice'] as const,
  session: ['backoffice', 'session'] as const,
  organizations: (search: string) => ['backoffice', 'organizations', search] as const,
  payments: (status: PaymentStatus | null) => ['backoffice', 'payments', status] as const,
  refunds: (status: RefundStatus | null) => ['backoffice', 'refunds', status] as const,
  alerts: ['backoffice', 'alerts'] as const,
  events: ['backoffice', 'events'] as const,
  invoices: ['backoffice', 'invoices'] as const,
};
