import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { CardFunding } from '../../src/modules/subscriptions/subscriptions.schema.js';

/**
 * A stand-in for the Stripe API that speaks its wire format, so the real SDK talks to it: bearer
 * auth, form-encoded bodies in bracket notation (`metadata[cajachica_payment_id]=…`,
 * `expand[0]=latest_charge`, also in GET queries), Stripe's error JSON, and Idempotency-Key
 * replay. It keeps customers, PaymentIntents (OXXO vouchers, Mexico bank transfers), Checkout
 * Sessions, charges and refunds in memory, and lets a test move a payment on as the customer
 * would (pay at OXXO, send a SPEI, pay on the Checkout page) to build webhook events from it.
 */

/** A form-encoded body or query, parsed: nested objects, and arrays for numeric indexes. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export interface RecordedStripeRequest {
  method: string;
  /** The path without the query ("/v1/payment_intents/pi_…"). */
  path: string;
  query: FormObject;
  body: FormObject;
  rawBody: string;
  idempotencyKey: string | undefined;
  headers: IncomingHttpHeaders;
}

/** The `error` object of Stripe's error responses. */
export interface StripeErrorBody {
  type: string;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
}

type Metadata = Record<string, string>;

export interface FakeCustomer {
  id: string;
  object: 'customer';
  created: number;
  email: string | null;
  name: string | null;
  metadata: Metadata;
  preferred_locales: string[];
  balance: number;
  currency: string | null;
  livemode: false;
}

export interface FakeCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  balance_transaction: string;
  captured: true;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  livemode: false;
  metadata: Metadata;
  paid: true;
  payment_intent: string;
  payment_method: string | null;
  payment_method_details: { type: string; [type: string]: unknown };
  refunded: boolean;
  status: 'succeeded';
}

export interface SpeiInstructions {
  amount_remaining: number;
  currency: string;
  financial_addresses: {
    type: 'spei';
    supported_networks: ['spei'];
    spei: { account_holder_name: string; bank_code: string; bank_name: string; clabe: string };
  }[];
  hosted_instructions_url: string;
  reference: string;
  type: 'mx_bank_transfer';
}

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  allowed_payment_method_types: string[] | null;
  capture_method: 'automatic';
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: null;
  latest_charge: string | FakeCharge | null;
  livemode: false;
  metadata: Metadata;
  next_action: {
    type: string;
    oxxo_display_details?: { expires_after: number; hosted_voucher_url: string; number: string };
    display_bank_transfer_instructions?: SpeiInstructions;
  } | null;
  payment_method: string | null;
  payment_method_options: FormObject;
  payment_method_types: string[];
  status: string;
}

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  allowed_payment_method_types: string[] | null;
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Metadata;
  mode: string;
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: 'unpaid' | 'paid';
  status: 'open' | 'complete' | 'expired';
  success_url: string | null;
  ui_mode: 'hosted';
  url: string | null;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: string | null;
  status: 'succeeded';
}

export interface FakeStripe {
  /** The API address to give `createStripeClient` as apiUrl. */
  url: string;
  secretKey: string;
  requests: RecordedStripeRequest[];
  customers: ReadonlyMap<string, FakeCustomer>;
  paymentIntents: ReadonlyMap<string, FakePaymentIntent>;
  checkoutSessions: ReadonlyMap<string, FakeCheckoutSession>;
  charges: ReadonlyMap<string, FakeCharge>;
  refunds: ReadonlyMap<string, FakeRefund>;
  /**
   * The next request fails with this status and error, and is not kept for idempotent replay. Stripe
   * sends `Stripe-Should-Retry: false` on most failures, so the SDK gives up at once; `shouldRetry`
   * makes it a transient failure the SDK retries with the same Idempotency-Key.
   */
  failNext(status: number, error: StripeErrorBody, options?: { shouldRetry?: boolean }): void;
  /** How the cards of the next completed Checkout payments are funded (default credit). */
  setCardFunding(funding: CardFunding): void;
  /** The customer paid in full (OXXO cash, the whole SPEI transfer): the PaymentIntent succeeds. */
  succeed(paymentIntentId: string): FakePaymentIntent;
  /** A SPEI transfer for less than owed: the rest stays pending (all of it paid → succeeded). */
  partiallyFund(paymentIntentId: string, amountCentavos: number): FakePaymentIntent;
  /**
   * The customer paid on the Checkout page: the session's PaymentIntent is made (with the
   * `payment_intent_data` it was opened with) and succeeds. Both come back, for webhook events.
   */
  completeCheckout(
    sessionId: string,
    funding?: CardFunding,
  ): { session: FakeCheckoutSession; paymentIntent: FakePaymentIntent };
  close(): Promise<void>;
}

class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: StripeErrorBody,
  ) {
    super(error.message);
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomId = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
const randomDigits = (length: number) => Array.from({ length }, () => randomInt(10)).join('');
const nowSeconds = () => Math.floor(Date.now() / 1000);
const clone = <T>(value: T): T => structuredClone(value);

// ─── form encoding ───────────────────────────────────────────────────────────────────────────

type Tree = { [key: string]: Tree | string };

const decodeComponent = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));

/** "a[b][0]" → ["a", "b", "0"] (brackets may arrive encoded or not; both are decoded first). */
function keyPath(key: string): string[] {
  const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(key);
  if (!match) return [key];
  return [
    match[1] as string,
    ...Array.from((match[2] ?? '').matchAll(/\[([^\]]*)\]/g), (part) => part[1] ?? ''),
  ];
}

/** Objects whose keys are all indexes become arrays, as Stripe reads `list[0]=…&list[1]=…`. */
function withArrays(node: Tree | string): FormValue {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => withArrays(node[key] as Tree | string));
  }
  return Object.fromEntries(keys.map((key) => [key, withArrays(node[key] as Tree | string)]));
}

/** Parses `application/x-www-form-urlencoded` in Stripe's bracket notation into nested values. */
export function parseStripeForm(text: string): FormObject {
  const root: Tree = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const key = decodeComponent(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decodeComponent(pair.slice(equals + 1));
    const path = keyPath(key);
    let node = root;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      if (typeof next !== 'object') node[segment] = {};
      node = node[segment] as Tree;
    }
    node[path[path.length - 1] as string] = value;
  }
  return withArrays(root) as FormObject;
}

// ─── reading parameters ──────────────────────────────────────────────────────────────────────

/** Stripe's answer to bad parameters: 400 with an `invalid_request_error`. */
function invalid(code: string, message: string, param?: string): StripeFailure {
  return new StripeFailure(400, {
    type: 'invalid_request_error',
    code,
    message,
    ...(param ? { param } : {}),
  });
}

function missing(param: string): StripeFailure {
  return invalid('parameter_missing', `Missing required param: ${param}.`, param);
}

function text(params: FormObject, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw invalid('parameter_invalid_string', `Invalid string: ${JSON.stringify(value)}`, name);
  }
  return value;
}

function object(params: FormObject, name: string): FormObject {
  const value = params[name];
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function list(params: FormObject, name: string): FormValue[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    throw invalid('parameter_invalid_array', `Invalid array: ${name} must be an array.`, name);
  }
  return value;
}

function integer(params: FormObject, name: string): number | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  // Stripe takes the smallest currency unit: "578.84" is refused, not rounded.
  if (!/^\d+$/.test(value)) {
    throw invalid('parameter_invalid_integer', `Invalid integer: ${value}`, name);
  }
  return Number(value);
}

function metadataOf(params: FormObject): Metadata {
  const metadata: Metadata = {};
  for (const [key, value] of Object.entries(object(params, 'metadata'))) {
    if (typeof value === 'string') metadata[key] = value;
  }
  return metadata;
}

/** Stripe refuses a parameter it does not know, instead of ignoring it. */
function onlyKnown(params: FormObject, known: readonly string[]) {
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) {
      throw invalid('parameter_unknown', `Received unknown parameter: ${name}`, name);
    }
  }
}

const CUSTOMER_PARAMS = (
  'address balance business_name cash_balance description email expand individual_name ' +
  'invoice_prefix invoice_settings metadata name next_invoice_sequence payment_method phone ' +
  'preferred_locales shipping source tax tax_exempt tax_id_data test_clock validate'
).split(' ');
// API 2026-09-30.endive replaced `payment_method_types` with `allowed_payment_method_types` on creation.
const PAYMENT_INTENT_PARAMS = (
  'amount currency allowed_payment_method_types amount_details application_fee_amount ' +
  'automatic_payment_methods capture_method confirm confirmation_method confirmation_token ' +
  'customer customer_account description error_on_requires_action ' +
  'excluded_payment_method_types expand hooks mandate mandate_data metadata off_session ' +
  'on_behalf_of payment_details payment_method payment_method_configuration ' +
  'payment_method_data payment_method_options radar_options receipt_email return_url ' +
  'setup_future_usage shipping statement_descriptor statement_descriptor_suffix ' +
  'transfer_data transfer_group use_stripe_sdk'
).split(' ');
const SESSION_PARAMS = (
  'adaptive_pricing after_expiration allow_promotion_codes allowed_payment_method_types ' +
  'automatic_tax billing_address_collection branding_settings cancel_url ' +
  'client_reference_id consent_collection currency custom_fields custom_text customer ' +
  'customer_account customer_creation customer_email customer_update discounts ' +
  'excluded_payment_method_types expand expires_at integration_identifier invoice_creation ' +
  'line_items locale managed_payments metadata mode name_collection optional_items ' +
  'origin_context payment_intent_data payment_method_collection ' +
  'payment_method_configuration payment_method_data payment_method_options permissions ' +
  'phone_number_collection redirect_on_completion return_url saved_payment_method_options ' +
  'setup_intent_data shipping_address_collection shipping_options submit_type ' +
  'subscription_data success_url tax_id_collection ui_mode wallet_options'
).split(' ');
const REFUND_PARAMS = (
  'amount charge currency customer expand instructions_email metadata origin payment_intent ' +
  'reason refund_application_fee reverse_transfer'
).split(' ');

// ─── Mexico specifics ────────────────────────────────────────────────────────────────────────

/** Stripe's minimum charge in MXN: $10.00. */
const MXN_MINIMUM = 1000;

/** A CLABE with Banco de México's control digit (weights 3, 7, 1 over the first 17 digits). */
function clabeOf(first17: string): string {
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (Number(first17[i]) * (weights[i % 3] as number)) % 10;
  return `${first17}${(10 - (sum % 10)) % 10}`;
}

/** OXXO vouchers expire at 23:59 Mexico City time, `days` calendar days after today there. */
function oxxoExpiresAfter(now: Date, days: number): number {
  // Mexico City has kept UTC−6 all year since 2022 (no daylight saving).
  const offset = 6 * 60 * 60 * 1000;
  const local = new Date(now.getTime() - offset);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, 23, 59, 59);
  return Math.floor((end + offset) / 1000);
}

const pesos = (centavos: number) =>
  `MX$${Math.floor(centavos / 100)}.${String(centavos % 100).padStart(2, '0')}`;

/** A signed webhook delivery of an event around `object`, as Stripe sends it (for webhook tests). */
export function signedEvent(
  type: string,
  object: object,
  secret: string,
  timestamp: number = nowSeconds(),
): { payload: string; signature: string } {
  const event = {
    id: `evt_${randomId(24)}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: timestamp,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  const payload = JSON.stringify(event);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface SavedReply extends Reply {
  method: string;
  path: string;
  rawBody: string;
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeStripe(options: { secretKey?: string } = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? 'sk_test_cajachicaFakeStripe000000';
  const requests: RecordedStripeRequest[] = [];
  const customers = new Map<string, FakeCustomer>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const checkoutSessions = new Map<string, FakeCheckoutSession>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  /** What Checkout puts on the PaymentIntent it makes when the customer pays. */
  const sessionIntentData = new Map<string, { description: string | null; metadata: Metadata }>();
  /** Each customer's own CLABE for SPEI transfers, made on its first bank-transfer payment. */
  const clabes = new Map<string, string>();
  const idempotent = new Map<string, SavedReply>();
  let nextFailure: (Reply & { shouldRetry: boolean }) | null = null;
  let cardFunding: CardFunding = 'credit';

  function found<T>(map: ReadonlyMap<string, T>, id: string, kind: string, param: string): T {
    const value = map.get(id);
    if (!value) {
      throw new StripeFailure(404, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param,
        message: `No such ${kind}: '${id}'`,
      });
    }
    return value;
  }

  function createCustomer(params: FormObject): FakeCustomer {
    onlyKnown(params, CUSTOMER_PARAMS);
    const customer: FakeCustomer = {
      id: `cus_${randomId(14)}`,
      object: 'customer',
      created: nowSeconds(),
      email: text(params, 'email') ?? null,
      name: text(params, 'name') ?? null,
      metadata: metadataOf(params),
      preferred_locales: (list(params, 'preferred_locales') ?? []).map(String),
      balance: 0,
      currency: null,
      livemode: false,
    };
    customers.set(customer.id, customer);
    return customer;
  }

  function speiInstructions(customerId: string, amount: number): SpeiInstructions {
    let clabe = clabes.get(customerId);
    if (!clabe) {
      // 002 (Banamex, Stripe's SPEI partner), plaza 180 (Mexico City), an 11-digit account.
      clabe = clabeOf(`002180${randomDigits(11)}`);
      clabes.set(customerId, clabe);
    }
    return {
      amount_remaining: amount,
      currency: 'mxn',
      financial_addresses: [
        {
          type: 'spei',
          supported_networks: ['spei'],
          spei: { account_holder_name: 'CAJACHICA PRUEBAS', bank_code: '002', bank_name: 'BANAMEX', clabe },
        },
      ],
      hosted_instructions_url: `https://payments.stripe.com/bank_transfers/instructions/test_${randomId(40)}`,
      // SPEI's numeric reference has up to seven digits.
      reference: randomDigits(7),
      type: 'mx_bank_transfer',
    };
  }

  /** A PaymentIntent with Stripe's defaults around `fields`; not kept until the caller says so. */
  function newIntent(
    fields: Pick<
      FakePaymentIntent,
      | 'amount'
      | 'allowed_payment_method_types'
      | 'currency'
      | 'customer'
      | 'description'
      | 'metadata'
      | 'payment_method'
      | 'payment_method_options'
      | 'payment_method_types'
      | 'status'
    >,
  ): FakePaymentIntent {
    const id = `pi_${randomId(24)}`;
    return {
      id,
      object: 'payment_intent',
      amount_capturable: 0,
      amount_received: 0,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${randomId(25)}`,
      confirmation_method: 'automatic',
      created: nowSeconds(),
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      next_action: null,
      ...fields,
    };
  }

  function createPaymentIntent(params: FormObject): FakePaymentIntent {
    onlyKnown(params, PAYMENT_INTENT_PARAMS);
    const amount = integer(params, 'amount');
    if (amount === undefined) throw missing('amount');
    const currency = text(params, 'currency');
    if (!currency) throw missing('currency');
    if (currency === 'mxn' && amount < MXN_MINIMUM) {
      throw invalid('amount_too_small', 'Amount must be at least MX$10.00 mxn', 'amount');
    }
    const customer = text(params, 'customer') ?? null;
    if (customer) found(customers, customer, 'customer', 'customer');
    const allowed = list(params, 'allowed_payment_method_types')?.map(String) ?? null;
    const types = allowed ?? ['card'];
    const methodData = object(params, 'payment_method_data');
    const methodType = text(methodData, 'type');
    if (methodType && !types.includes(methodType)) {
      throw invalid(
        'payment_intent_invalid_parameter',
        `The payment method type provided: ${methodType} is invalid. This payment_intent is configured to accept the following payment_method_types: ${JSON.stringify(types)}.`,
        'payment_method_data[type]',
      );
    }
    const methodOptions = object(params, 'payment_method_options');
    const confirm = text(params, 'confirm') === 'true';
    const intent = newIntent({
      amount,
      allowed_payment_method_types: allowed,
      currency,
      customer,
      description: text(params, 'description') ?? null,
      metadata: metadataOf(params),
      payment_method: methodType ? `pm_${randomId(24)}` : (text(params, 'payment_method') ?? null),
      payment_method_options: methodOptions,
      payment_method_types: types,
      status: methodType ? 'requires_confirmation' : 'requires_payment_method',
    });

    if (methodType === 'oxxo') {
      const billing = object(methodData, 'billing_details');
      if (!text(billing, 'name')) throw missing('payment_method_data[billing_details][name]');
      if (!text(billing, 'email')) throw missing('payment_method_data[billing_details][email]');
      if (currency !== 'mxn') {
        throw invalid('payment_intent_invalid_parameter', 'OXXO payments only take mxn.', 'currency');
      }
      const days = integer(object(methodOptions, 'oxxo'), 'expires_after_days') ?? 3;
      if (days < 1 || days > 7) {
        throw invalid(
          'parameter_invalid_integer',
          'expires_after_days must be between 1 and 7.',
          'payment_method_options[oxxo][expires_after_days]',
        );
      }
      if (confirm) {
        intent.status = 'requires_action';
        intent.next_action = {
          type: 'oxxo_display_details',
          oxxo_display_details: {
            expires_after: oxxoExpiresAfter(new Date(intent.created * 1000), days),
            hosted_voucher_url: `https://payments.stripe.com/oxxo/voucher/test_${randomId(40)}`,
            number: randomDigits(32),
          },
        };
      }
    }

    if (methodType === 'customer_balance') {
      if (!customer) throw missing('customer');
      const balance = object(methodOptions, 'customer_balance');
      const transfer = object(balance, 'bank_transfer');
      if (text(balance, 'funding_type') !== 'bank_transfer') {
        throw missing('payment_method_options[customer_balance][funding_type]');
      }
      if (text(transfer, 'type') !== 'mx_bank_transfer' || currency !== 'mxn') {
        throw invalid(
          'payment_intent_invalid_parameter',
          'This fake Stripe only has Mexico bank transfers (mx_bank_transfer, mxn).',
          'payment_method_options[customer_balance][bank_transfer][type]',
        );
      }
      if (confirm) {
        intent.status = 'requires_action';
        intent.next_action = {
          type: 'display_bank_transfer_instructions',
          display_bank_transfer_instructions: speiInstructions(customer, amount),
        };
      }
    }

    paymentIntents.set(intent.id, intent);
    return intent;
  }

  function createCheckoutSession(params: FormObject): FakeCheckoutSession {
    onlyKnown(params, SESSION_PARAMS);
    const mode = text(params, 'mode');
    if (!mode) throw missing('mode');
    if (!text(params, 'success_url')) throw missing('success_url');
    const items = list(params, 'line_items');
    if (!items?.length) throw missing('line_items');
    let total = 0;
    let currency = '';
    items.forEach((item, index) => {
      const line = item && typeof item === 'object' && !Array.isArray(item) ? item : {};
      const price = object(line, 'price_data');
      const unitAmount = integer(price, 'unit_amount');
      if (unitAmount === undefined) throw missing(`line_items[${index}][price_data][unit_amount]`);
      const itemCurrency = text(price, 'currency');
      if (!itemCurrency) throw missing(`line_items[${index}][price_data][currency]`);
      if (!text(object(price, 'product_data'), 'name')) {
        throw missing(`line_items[${index}][price_data][product_data][name]`);
      }
      currency = itemCurrency;
      total += unitAmount * (integer(line, 'quantity') ?? 1);
    });
    const customer = text(params, 'customer') ?? null;
    if (customer) found(customers, customer, 'customer', 'customer');
    const allowed = list(params, 'allowed_payment_method_types')?.map(String) ?? null;
    const created = nowSeconds();
    const id = `cs_test_a1${randomId(56)}`;
    const session: FakeCheckoutSession = {
      id,
      object: 'checkout.session',
      allowed_payment_method_types: allowed,
      amount_subtotal: total,
      amount_total: total,
      cancel_url: text(params, 'cancel_url') ?? null,
      client_reference_id: text(params, 'client_reference_id') ?? null,
      created,
      currency,
      customer,
      // Checkout pages live 24 hours unless told otherwise.
      expires_at: integer(params, 'expires_at') ?? created + 24 * 60 * 60,
      livemode: false,
      locale: text(params, 'locale') ?? null,
      metadata: metadataOf(params),
      mode,
      // Since API 2022-08-01 the PaymentIntent is made when the customer pays, not with the session.
      payment_intent: null,
      payment_method_types: allowed ?? ['card'],
      payment_status: 'unpaid',
      status: 'open',
      success_url: text(params, 'success_url') ?? null,
      ui_mode: 'hosted',
      url: `https://checkout.stripe.com/c/pay/${id}#fid${randomId(40)}`,
    };
    const intentData = object(params, 'payment_intent_data');
    sessionIntentData.set(id, {
      description: text(intentData, 'description') ?? null,
      metadata: metadataOf(intentData),
    });
    checkoutSessions.set(id, session);
    return session;
  }

  function createRefund(params: FormObject): FakeRefund {
    onlyKnown(params, REFUND_PARAMS);
    // Refunds by PaymentIntent only, as the gateway sends them (Stripe also takes `charge`).
    const intentId = text(params, 'payment_intent');
    if (!intentId) throw missing('payment_intent');
    const intent = found(paymentIntents, intentId, 'payment_intent', 'payment_intent');
    const latest = intent.latest_charge;
    const charge = latest ? charges.get(typeof latest === 'string' ? latest : latest.id) : undefined;
    if (intent.status !== 'succeeded' || !charge) {
      throw invalid(
        'payment_intent_unexpected_state',
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      );
    }
    if (charge.payment_method_details.type === 'oxxo') {
      throw invalid('charge_not_refundable', 'OXXO payments cannot be refunded.');
    }
    const remaining = charge.amount_captured - charge.amount_refunded;
    if (remaining === 0) {
      throw invalid('charge_already_refunded', `Charge ${charge.id} has already been refunded.`);
    }
    const amount = integer(params, 'amount') ?? remaining;
    if (amount > remaining) {
      throw invalid(
        'amount_too_large',
        `Refund amount (${pesos(amount)}) is greater than unrefunded amount on charge (${pesos(remaining)})`,
        'amount',
      );
    }
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    const refund: FakeRefund = {
      id: `re_${randomId(24)}`,
      object: 'refund',
      amount,
      balance_transaction: `txn_${randomId(24)}`,
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      metadata: metadataOf(params),
      payment_intent: intent.id,
      reason: text(params, 'reason') ?? null,
      status: 'succeeded',
    };
    refunds.set(refund.id, refund);
    return refund;
  }

  /** The PaymentIntent as GET returns it: `expand[]=latest_charge` puts the charge object in. */
  function retrievePaymentIntent(id: string, query: FormObject): FakePaymentIntent {
    const intent = clone(found(paymentIntents, id, 'payment_intent', 'intent'));
    const expand = (list(query, 'expand') ?? []).map(String);
    if (expand.includes('latest_charge') && typeof intent.latest_charge === 'string') {
      intent.latest_charge = clone(charges.get(intent.latest_charge) ?? null);
    }
    return intent;
  }

  function detailsOf(intent: FakePaymentIntent, funding: CardFunding): FakeCharge['payment_method_details'] {
    const type = intent.payment_method_types[0] ?? 'card';
    if (type === 'oxxo') {
      return { type, oxxo: { number: intent.next_action?.oxxo_display_details?.number ?? null } };
    }
    if (type === 'customer_balance') return { type, customer_balance: {} };
    const expires = new Date();
    return {
      type: 'card',
      card: {
        brand: 'visa',
        country: 'MX',
        exp_month: 12,
        exp_year: expires.getUTCFullYear() + 3,
        funding,
        last4: funding === 'debit' ? '5556' : '4242',
        network: 'visa',
        three_d_secure: { authentication_flow: 'challenge', result: 'authenticated', version: '2.2.0' },
      },
    };
  }

  function succeedIntent(intent: FakePaymentIntent, funding: CardFunding): FakePaymentIntent {
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      throw new Error(`fake Stripe: ${intent.id} is ${intent.status} already`);
    }
    const charge: FakeCharge = {
      id: `ch_${randomId(24)}`,
      object: 'charge',
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      balance_transaction: `txn_${randomId(24)}`,
      captured: true,
      created: nowSeconds(),
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      livemode: false,
      metadata: { ...intent.metadata },
      paid: true,
      payment_intent: intent.id,
      payment_method: intent.payment_method,
      payment_method_details: detailsOf(intent, funding),
      refunded: false,
      status: 'succeeded',
    };
    charges.set(charge.id, charge);
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.next_action = null;
    intent.latest_charge = charge.id;
    return clone(intent);
  }

  /** Stripe's answer to a request, or its error; also what an idempotent replay returns. */
  function route(method: string, path: string, query: FormObject, body: FormObject): Reply {
    const ok = (value: unknown): Reply => ({ status: 200, body: value });
    if (method === 'POST' && path === '/v1/customers') return ok(createCustomer(body));
    if (method === 'POST' && path === '/v1/payment_intents') return ok(createPaymentIntent(body));
    if (method === 'POST' && path === '/v1/checkout/sessions') return ok(createCheckoutSession(body));
    if (method === 'POST' && path === '/v1/refunds') return ok(createRefund(body));
    const intent = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === 'GET' && intent)
      return ok(retrievePaymentIntent(decodeURIComponent(intent[1] as string), query));
    const session = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && session) {
      return ok(
        clone(
          found(checkoutSessions, decodeURIComponent(session[1] as string), 'checkout.session', 'session'),
        ),
      );
    }
    return {
      status: 404,
      body: {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        },
      },
    };
  }

  function answer(record: RecordedStripeRequest): Reply {
    if (nextFailure) {
      const { shouldRetry, ...failure } = nextFailure;
      nextFailure = null;
      return { ...failure, headers: { 'Stripe-Should-Retry': String(shouldRetry) } };
    }
    const authorization = record.headers.authorization ?? '';
    if (authorization !== `Bearer ${secretKey}`) {
      const given = authorization.replace(/^Bearer /, '');
      return {
        status: 401,
        body: {
          error: {
            type: 'invalid_request_error',
            message: given
              ? `Invalid API Key provided: ${given.slice(0, 8)}${'*'.repeat(Math.max(given.length - 12, 0))}${given.slice(-4)}`
              : 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. "Authorization: Bearer YOUR_SECRET_KEY").',
          },
        },
      };
    }
    const key = record.method === 'POST' ? record.idempotencyKey : undefined;
    const saved = key ? idempotent.get(key) : undefined;
    if (key && saved) {
      if (saved.method !== record.method || saved.path !== record.path || saved.rawBody !== record.rawBody) {
        return {
          status: 400,
          body: {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          },
        };
      }
      return { status: saved.status, body: saved.body, headers: { 'Idempotent-Replayed': 'true' } };
    }
    let reply: Reply;
    try {
      reply = route(record.method, record.path, record.query, record.body);
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      reply = { status: error.status, body: { error: error.error } };
    }
    // Stripe keeps the result of a request that ran, not of one refused before running (bad params).
    if (key && (reply.status < 400 || reply.status === 402 || reply.status >= 500)) {
      idempotent.set(key, { ...reply, method: record.method, path: record.path, rawBody: record.rawBody });
    }
    return reply;
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://fake-stripe');
      const idempotencyKey = request.headers['idempotency-key'];
      const record: RecordedStripeRequest = {
        method: request.method ?? '',
        path: url.pathname,
        query: parseStripeForm(url.search.slice(1)),
        body: parseStripeForm(rawBody),
        rawBody,
        idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
        headers: request.headers,
      };
      requests.push(record);
      let reply: Reply;
      try {
        reply = answer(record);
      } catch (error) {
        reply = { status: 500, body: { error: { type: 'api_error', message: String(error) } } };
      }
      const json = JSON.stringify(reply.body);
      response.writeHead(reply.status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(json),
        'Request-Id': `req_${randomId(14)}`,
        'Stripe-Version': String(request.headers['stripe-version'] ?? Stripe.API_VERSION),
        ...(record.idempotencyKey ? { 'Idempotency-Key': record.idempotencyKey } : {}),
        ...reply.headers,
      });
      response.end(json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    requests,
    customers,
    paymentIntents,
    checkoutSessions,
    charges,
    refunds,
    failNext(status, error, failOptions = {}) {
      nextFailure = { status, body: { error }, shouldRetry: failOptions.shouldRetry ?? false };
    },
    setCardFunding(funding) {
      cardFunding = funding;
    },
    succeed(paymentIntentId) {
      const intent = paymentIntents.get(paymentIntentId);
      if (!intent) throw new Error(`fake Stripe: no payment intent ${paymentIntentId}`);
      return succeedIntent(intent, cardFunding);
    },
    partiallyFund(paymentIntentId, amountCentavos) {
      const intent = paymentIntents.get(paymentIntentId);
      const instructions = intent?.next_action?.display_bank_transfer_instructions;
      if (!intent || !instructions) {
        throw new Error(`fake Stripe: ${paymentIntentId} is no bank transfer waiting for funds`);
      }
      instructions.amount_remaining -= amountCentavos;
      // Paid in full, or over: Stripe applies what is owed and the rest stays in the customer's balance.
      if (instructions.amount_remaining <= 0) return succeedIntent(intent, cardFunding);
      return clone(intent);
    },
    completeCheckout(sessionId, funding) {
      const session = checkoutSessions.get(sessionId);
      if (session?.status !== 'open') {
        throw new Error(`fake Stripe: no open checkout session ${sessionId}`);
      }
      const data = sessionIntentData.get(sessionId);
      const intent = newIntent({
        amount: session.amount_total,
        allowed_payment_method_types: session.allowed_payment_method_types,
        currency: session.currency,
        customer: session.customer,
        description: data?.description ?? null,
        metadata: { ...data?.metadata },
        payment_method: `pm_${randomId(24)}`,
        payment_method_options: {},
        payment_method_types: session.payment_method_types,
        status: 'processing',
      });
      paymentIntents.set(intent.id, intent);
      const paymentIntent = succeedIntent(intent, funding ?? cardFunding);
      session.status = 'complete';
      session.payment_status = 'paid';
      session.payment_intent = intent.id;
      return { session: clone(session), paymentIntent };
    },
    close() {
      server.closeAllConnections(); // the SDK keeps connections alive
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
