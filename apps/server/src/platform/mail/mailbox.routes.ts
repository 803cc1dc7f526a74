import type { FastifyInstance } from 'fastify';
import type { LocalMailbox } from './mailer.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** GET /dev/mailbox: the emails sent in embedded mode (never registered in production or with SMTP). */
export async function mailboxRoutes(app: FastifyInstance, options: { mailbox: LocalMailbox }) {
  app.get('/dev/mailbox/messages', { schema: { hide: true } }, async () => ({
    data: await options.mailbox.list(),
  }));

  app.get('/dev/mailbox', { schema: { hide: true } }, async (_request, reply) => {
    const mails = await options.mailbox.list();
    const items = mails
      .map(
        (mail) => `<article>
  <h2>${escapeHtml(mail.subject)}</h2>
  <p class="meta">Para: ${escapeHtml(mail.to)} · ${escapeHtml(new Date(mail.sentAt).toLocaleString('es-MX', { timeZone: 'America/Mexico_City' }))}</p>
  <div class="body">${mail.html}</div>
</article>`,
      )
      .join('\n');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><title>Buzón local · CajaChica</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem}article{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}.meta{color:#666;font-size:14px}.note{background:#fff4e5;padding:.75rem;border-radius:6px}</style></head>
<body><h1>Buzón local</h1>
<p class="note">Modo integrado: los correos que envía CajaChica se guardan aquí en lugar de salir por SMTP. Configura <code>SMTP_URL</code> para enviarlos de verdad.</p>
${items || '<p>Todavía no hay correos.</p>'}
</body></html>`;
  });
}
