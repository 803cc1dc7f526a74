import type { OutgoingMail } from '../../platform/mail/mailer.js';
import type { ReconciliationAlert } from './alert-sources.js';

// The operator's daily mail, in Spanish like every mail of the product (platform/mail/templates.ts
// keeps the customers' ones; this one goes to CajaChica's staff only).

const KIND_TITLES: Record<string, string> = {
  payment_amount_mismatch: 'Pagos con importe distinto del total',
  money_on_closed_payment: 'Dinero recibido en pagos cancelados o vencidos',
  refund_stalled: 'Reembolsos atrasados o rechazados',
  event_stalled: 'Eventos del proveedor sin procesar o con error',
  payment_without_cfdi: 'Pagos sin CFDI después de 24 horas',
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The day's reconciliation alerts, grouped by rule, with a link to the back office. */
export function reconciliationAlertsMail(
  to: string,
  alerts: readonly ReconciliationAlert[],
  url: string,
): OutgoingMail {
  const groups = new Map<string, string[]>();
  for (const alert of alerts) {
    const title = KIND_TITLES[alert.kind] ?? alert.kind;
    groups.set(title, [...(groups.get(title) ?? []), alert.message]);
  }
  const count = alerts.length;
  const subject = `CajaChica: ${count} ${count === 1 ? 'alerta' : 'alertas'} de conciliación`;
  const intro = `La conciliación diaria encontró ${count} ${count === 1 ? 'asunto' : 'asuntos'} de pagos, reembolsos o eventos del proveedor que necesitan atención.`;
  const text = [
    'Hola:',
    '',
    intro,
    ...[...groups].flatMap(([title, messages]) => [
      '',
      `${title}:`,
      ...messages.map((message) => `• ${message}`),
    ]),
    '',
    `Revísalas en el back office: ${url}`,
    '',
    '— CajaChica',
  ].join('\n');
  const html = `<!doctype html><html lang="es-MX"><body style="font-family:sans-serif;line-height:1.5">
<p>Hola:</p>
<p>${escapeHtml(intro)}</p>
${[...groups]
  .map(
    ([title, messages]) =>
      `<h3>${escapeHtml(title)}</h3>\n<ul>${messages.map((message) => `<li>${escapeHtml(message)}</li>`).join('')}</ul>`,
  )
  .join('\n')}
<p><a href="${escapeHtml(url)}">Abrir las alertas en el back office</a></p>
<p>— CajaChica</p></body></html>`;
  return { to, subject, text, html };
}
