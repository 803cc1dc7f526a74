import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalMailbox, createSmtpMailer } from './mailer.js';
import { verificationMail } from './templates.js';

describe('mail delivery', () => {
  const received: { from: string; to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends through a real SMTP conversation with nodemailer', async () => {
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, 'CajaChica <no-reply@cajachica.mx>');
    await mailer.send(
      verificationMail('ana@example.mx', 'Ana', 'http://localhost:3000/verificar?token=abc', 48),
    );
    expect(received).toHaveLength(1);
    expect(received[0]?.from).toBe('no-reply@cajachica.mx');
    expect(received[0]?.to).toEqual(['ana@example.mx']);
    expect(received[0]?.raw).toContain('Subject: Confirma tu correo en CajaChica');
    expect(received[0]?.raw).toContain('verificar?token=3Dabc');
  });

  it('keeps embedded-mode mail in the local mailbox, newest first', async () => {
    const mailbox = createLocalMailbox(
      path.join(mkdtempSync(path.join(tmpdir(), 'mailbox-')), 'mailbox'),
      'a@b.mx',
    );
    expect(await mailbox.list()).toEqual([]);
    await mailbox.send({ to: 'uno@example.mx', subject: 'Uno', text: 'uno', html: '<p>uno</p>' });
    await mailbox.send({ to: 'dos@example.mx', subject: 'Dos', text: 'dos', html: '<p>dos</p>' });
    expect((await mailbox.list()).map((mail) => mail.subject)).toEqual(['Dos', 'Uno']);
  });
});
