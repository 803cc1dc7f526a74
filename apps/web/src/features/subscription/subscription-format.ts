import type { Subscription, SubscriptionStatus } from './subscription.api';

const MEXICO_TIME_ZONE = 'America/Mexico_City';
const longFormats = new Map<string, Intl.DateTimeFormat>();

function longFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = longFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
    longFormats.set(key, format);
  }
  return format;
}

/** A calendar day (AAAA-MM-DD) as "5 de febrero de 2026", the same day in every browser time zone. */
export function formatLongDay(isoDay: string, locale: string): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDay : longFormat(locale, 'UTC').format(date);
}

/** An instant as its day in Mexico City, where billing dates live (BILLING.md), e.g. "5 de febrero de 2026". */
export function formatLongInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longFormat(locale, MEXICO_TIME_ZONE).format(date);
}

/** A CLABE in groups a person can read aloud and compare: "002 010 0777 7777 7771". */
export function formatClabe(clabe: string): string {
  return /^\d{18}$/.test(clabe)
    ? [clabe.slice(0, 3), clabe.slice(3, 6), clabe.slice(6, 10), clabe.slice(10, 14), clabe.slice(14)].join(
        ' ',
      )
    : clabe;
}

/** A payment reference in groups of four, as a cashier types it ("CC01 23AB CDEF"). */
export function groupReference(reference: string): string {
  return reference.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A CLABE whose control digit is right (Banco de México's rule: the first 17 digits weighted 3, 7, 1…,
 * the products' last digits summed, control = (10 − sum mod 10) mod 10): a mistyped digit is caught
 * before a refund goes to the wrong account. The server checks the same.
 */
export function isValidClabe(clabe: string): boolean {
  if (!/^\d{18}$/.test(clabe)) return false;
  const weights = [3, 7, 1] as const;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (Number(clabe[i]) * (weights[i % 3] ?? 1)) % 10;
  return (10 - (sum % 10)) % 10 === Number(clabe[17]);
}

/** A badge's color per status: green while paid, orange while a payment is due, gray once stopped. */
export const STATUS_COLORS: Record<SubscriptionStatus, string> = {
  trialing: 'blue',
  awaiting_payment: 'orange',
  active: 'green',
  past_due: 'orange',
  unpaid: 'red',
  cancel_scheduled: 'yellow',
  canceling: 'yellow',
  expired: 'red',
  canceled: 'gray',
};

/** A new payment is refused while a period is already paid ahead (BILLING.md "Plan changes"). */
export function canPay(subscription: Subscription): boolean {
  return subscription.nextPlan === null;
}

/** Suspending makes sense with something paid: an active plan, or one paid during the trial. */
export function canSuspend(subscription: Subscription): boolean {
  return (
    subscription.status === 'active' || (subscription.status === 'trialing' && subscription.nextPlan !== null)
  );
}

/** When the plan paid ahead starts: at the trial's end, or when the paid period in course ends. */
export function nextPlanStart(subscription: Subscription): { day: string } | { instant: string } {
  if (subscription.status === 'trialing' || subscription.currentPeriodEnd === null) {
    return { instant: subscription.trialEndsAt };
  }
  return { day: subscription.currentPeriodEnd };
}

/** An instant as its day and time in Mexico City, e.g. "8 de enero de 2026, 14:05". */
export function formatLongDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: MEXICO_TIME_ZONE,
  }).format(date);
}

/** A payment's moment in Mexico City like the rest of the billing dates, e.g. "29 nov 2026, 7:47 a.m.". */
export function formatShortDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: MEXICO_TIME_ZONE,
  }).format(date);
}
