import type { OutgoingMail } from './mailer.js';

// The product's emails, in Spanish (es-MX). Each returns text and HTML bodies of the same content.

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function layout(to: string, subject: string, paragraphs: string[], action: { label: string; url: string }) {
  const text = [...paragraphs, '', `${action.label}: ${action.url}`, '', '— CajaChica'].join('\n');
  const html = `<!doctype html><html lang="es-MX"><body style="font-family:sans-serif;line-height:1.5">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>
<p style="color:#666;font-size:12px">Si el botón no funciona, copia este enlace en tu navegador:<br>${escapeHtml(action.url)}</p>
<p>— CajaChica</p></body></html>`;
  return { to, subject, text, html } satisfies OutgoingMail;
}

export function verificationMail(to: string, name: string, url: string, validHours: number): OutgoingMail {
  return layout(
    to,
    'Confirma tu correo en CajaChica',
    [
      `Hola, ${name}:`,
      'Gracias por registrarte en CajaChica. Confirma tu correo electrónico para activar tu cuenta.',
      `El enlace vence en ${validHours} horas y solo puede usarse una vez.`,
    ],
    { label: 'Confirmar mi correo', url },
  );
}

export function passwordResetMail(to: string, name: string, url: string, validMinutes: number): OutgoingMail {
  return layout(
    to,
    'Restablece tu contraseña de CajaChica',
    [
      `Hola, ${name}:`,
      'Recibimos una solicitud para restablecer tu contraseña. Si no fuiste tú, ignora este correo.',
      `El enlace vence en ${validMinutes} minutos y solo puede usarse una vez.`,
    ],
    { label: 'Elegir una contraseña nueva', url },
  );
}

export function invitationMail(
  to: string,
  inviterName: string,
  organizationName: string,
  url: string,
  validDays: number,
): OutgoingMail {
  return layout(
    to,
    `${inviterName} te invitó a ${organizationName} en CajaChica`,
    [
      'Hola:',
      `${inviterName} te invitó a unirte a ${organizationName} en CajaChica, la plataforma para administrar la caja chica.`,
      `La invitación vence en ${validDays} días.`,
    ],
    { label: 'Aceptar la invitación', url },
  );
}

export function invoiceReminderMail(
  to: string,
  name: string,
  organizationName: string,
  pending: { date: string; concept: string; total: string; supplier: string | null }[],
  monthEnd: string,
  url: string,
): OutgoingMail {
  return layout(
    to,
    `Te faltan ${pending.length} factura${pending.length === 1 ? '' : 's'} por pedir (${organizationName})`,
    [
      `Hola, ${name}:`,
      `Tienes gastos sin CFDI en ${organizationName}. Pide la factura al comercio antes del ${monthEnd}: después del cierre del mes muchos ya no la emiten, y sin ella el gasto no es deducible.`,
      ...pending.map(
        (item) =>
          `• ${item.date} · ${item.concept}${item.supplier ? ` · ${item.supplier}` : ''} · ${item.total}`,
      ),
      'Cuando la tengas, adjunta el XML al gasto y se completa solo.',
    ],
    { label: 'Ver mis gastos sin factura', url },
  );
}

export function fundChangeApprovalMail(
  to: string,
  name: string,
  request: { requesterName: string; fundName: string; change: string; amount: string; memo: string | null },
  url: string,
): OutgoingMail {
  return layout(
    to,
    `${request.requesterName} pide tu aprobación: ${request.change} de ${request.fundName}`,
    [
      `Hola, ${name}:`,
      `${request.requesterName} pidió ${request.change} de la caja chica "${request.fundName}" por ${request.amount}.`,
      ...(request.memo ? [`Nota: ${request.memo}`] : []),
      'La política de tu organización pide que otra persona lo apruebe antes de registrarlo. Revísalo y apruébalo o recházalo.',
    ],
    { label: 'Revisar la solicitud', url },
  );
}

export function approvalReminderMail(
  to: string,
  name: string,
  organizationName: string,
  pending: { date: string; concept: string; spender: string; total: string }[],
  url: string,
): OutgoingMail {
  const count = pending.length;
  return layout(
    to,
    `Tienes ${count} gasto${count === 1 ? '' : 's'} esperando tu aprobación (${organizationName})`,
    [
      `Hola, ${name}:`,
      `Estos gastos de ${organizationName} esperan tu decisión desde hace más de un día. Mientras no se aprueben, la caja no puede reponerse.`,
      ...pending.map((item) => `• ${item.date} · ${item.concept} · ${item.spender} · ${item.total}`),
    ],
    { label: 'Revisar mis aprobaciones', url },
  );
}

export function replenishmentRequestedMail(
  to: string,
  name: string,
  replenishment: {
    fundName: string;
    folio: number;
    total: string;
    voucherCount: number;
    cash: string;
    threshold: string;
  },
  url: string,
): OutgoingMail {
  const { fundName, folio, total, voucherCount } = replenishment;
  return layout(
    to,
    `Reposición ${folio} solicitada para ${fundName}`,
    [
      `Hola, ${name}:`,
      `El efectivo de la caja chica "${fundName}" (${replenishment.cash}) llegó a su umbral de reposición (${replenishment.threshold}). CajaChica solicitó la reposición ${folio} por ${total}, con ${voucherCount} comprobante${voucherCount === 1 ? '' : 's'} aprobado${voucherCount === 1 ? '' : 's'}.`,
      'Antes de aprobarla se vuelve a verificar en el SAT el estado de cada CFDI. Revísala, apruébala y registra la transferencia al responsable de la caja.',
    ],
    { label: 'Revisar la reposición', url },
  );
}

export function advanceSettledMail(
  to: string,
  name: string,
  advance: { folio: number; purpose: string; amount: string; expenses: string; outcome: string },
  url: string,
): OutgoingMail {
  return layout(
    to,
    `Se liquidó tu anticipo ${advance.folio}: ${advance.purpose}`,
    [
      `Hola, ${name}:`,
      `Se liquidó tu anticipo ${advance.folio} ("${advance.purpose}") de ${advance.amount}. Comprobaste ${advance.expenses} en gastos aprobados.`,
      advance.outcome,
    ],
    { label: 'Ver el anticipo', url },
  );
}

export function advanceReminderMail(
  to: string,
  name: string,
  organizationName: string,
  due: { folio: number; purpose: string; amount: string; dueDate: string; overdue: boolean }[],
  url: string,
): OutgoingMail {
  const overdue = due.some((item) => item.overdue);
  return layout(
    to,
    overdue
      ? `Tienes anticipos vencidos por comprobar (${organizationName})`
      : `Se acerca la fecha para comprobar tu anticipo (${organizationName})`,
    [
      `Hola, ${name}:`,
      `Registra y envía a aprobación los gastos de estos anticipos de ${organizationName}, con su factura (CFDI), y devuelve lo que no gastaste: así se liquidan.`,
      ...due.map(
        (item) =>
          `• Anticipo ${item.folio} · ${item.purpose} · ${item.amount} · ${item.overdue ? 'venció' : 'vence'} el ${item.dueDate}`,
      ),
    ],
    { label: 'Ver mis anticipos', url },
  );
}

export function trialEndingMail(
  to: string,
  name: string,
  organizationName: string,
  trial: { daysLeft: number; endsOn: string; plans: string },
  url: string,
): OutgoingMail {
  return layout(
    to,
    `Tu prueba gratuita de CajaChica termina en ${trial.daysLeft} días (${organizationName})`,
    [
      `Hola, ${name}:`,
      `La prueba gratuita de ${organizationName} termina el ${trial.endsOn}. Elige un plan para seguir registrando gastos sin interrupción: ${trial.plans}.`,
      'Puedes pagar con transferencia SPEI, tarjeta o en OXXO. Si pagas antes de que termine la prueba, tu plan empieza cuando termina: no pierdes ningún día gratis.',
    ],
    { label: 'Elegir mi plan', url },
  );
}

export function paymentDueMail(
  to: string,
  name: string,
  organizationName: string,
  due: { reason: 'trial_ended' | 'renewal' | 'past_due'; dueBy: string; plans: string },
  url: string,
): OutgoingMail {
  const opening = {
    trial_ended: `Terminó la prueba gratuita de ${organizationName}. Para seguir usando CajaChica, paga tu plan antes del ${due.dueBy}: ${due.plans}.`,
    renewal: `El periodo pagado de ${organizationName} termina el ${due.dueBy}. Paga la renovación para continuar sin interrupción: ${due.plans}.`,
    past_due: `No hemos recibido el pago de la renovación de ${organizationName}. Tu cuenta sigue funcionando hasta el ${due.dueBy}; después quedará en modo de solo lectura (podrás consultar y exportar, pero no registrar) hasta que se registre el pago.`,
  }[due.reason];
  return layout(
    to,
    due.reason === 'renewal'
      ? `Renueva tu suscripción de CajaChica (${organizationName})`
      : `Instrucciones de pago de CajaChica (${organizationName})`,
    [
      `Hola, ${name}:`,
      opening,
      'En la página de tu suscripción están la CLABE y la referencia para SPEI, el pago con tarjeta y la referencia para OXXO.',
    ],
    { label: 'Ver instrucciones de pago', url },
  );
}

/** A CFDI the platform issued, with its XML and PDF attached (the customer deducts the subscription). */
export function invoiceIssuedMail(
  to: string,
  invoice: {
    kind: 'ingreso' | 'egreso';
    serieFolio: string;
    uuid: string;
    total: string;
    organizationName: string;
    sandbox: boolean;
  },
  url: string,
): OutgoingMail {
  const what = invoice.kind === 'ingreso' ? 'factura' : 'nota de crédito';
  return layout(
    to,
    `Tu ${what} de CajaChica ${invoice.serieFolio} (${invoice.organizationName})`,
    [
      `Adjuntamos el XML y el PDF de la ${what} ${invoice.serieFolio} por ${invoice.total}, folio fiscal ${invoice.uuid}, emitida a ${invoice.organizationName}.`,
      ...(invoice.sandbox
        ? [
            'Es un comprobante de pruebas, SIN VALIDEZ FISCAL: este servidor de CajaChica no timbra ante el SAT.',
          ]
        : ['Consérvala para tu contabilidad: con ella deduces tu suscripción.']),
      'También puedes descargar tus facturas cuando quieras desde la sección Facturas de CajaChica.',
    ],
    { label: 'Ver mis facturas', url },
  );
}
