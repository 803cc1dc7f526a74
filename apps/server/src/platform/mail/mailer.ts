import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { newId } from '../db/ids.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files sent with the mail (an invoice's XML and PDF). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A mail kept by the local mailbox: its attachments by name, type and size (their bytes are not kept). */
export interface StoredMail extends Omit<OutgoingMail, 'attachments'> {
  id: string;
  from: string;
  sentAt: string;
  attachments?: { filename: string; contentType: string; size: number }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Sends each mail on its own: one that cannot be delivered is logged (`what` names it) and the
 * others still go. Answers how many were delivered. For notices whose loss must not undo the work
 * they announce (reminders, requests for a decision).
 */
export async function sendEach(
  mailer: Mailer,
  mails: readonly OutgoingMail[],
  log: { error(object: unknown, message: string): void },
  what: string,
): Promise<number> {
  let delivered = 0;
  for (const mail of mails) {
    try {
      await mailer.send(mail);
      delivered += 1;
    } catch (error) {
      log.error({ err: error, to: mail.to }, `${what} not delivered`);
    }
  }
  return delivered;
}

/** Real SMTP through nodemailer (any SMTP URL: smtp://user:pass@host:587, smtps://...). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

/**
 * Embedded mode's mailbox: nodemailer builds the message as for SMTP, and it is kept as JSON
 * under DATA_DIR/mailbox for /dev/mailbox instead of leaving the machine.
 */
export function createLocalMailbox(dir: string, from: string) {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(mail: OutgoingMail) {
      await transport.sendMail({ from, ...mail });
      const { attachments, ...rest } = mail;
      const stored: StoredMail = {
        id: newId(),
        from,
        sentAt: new Date().toISOString(),
        ...rest,
        ...(attachments
          ? {
              attachments: attachments.map(({ filename, contentType, content }) => ({
                filename,
                contentType,
                size: content.length,
              })),
            }
          : {}),
      };
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${stored.id}.json`), JSON.stringify(stored));
    },
    /** Newest first. */
    async list(): Promise<StoredMail[]> {
      const names = await readdir(dir).catch(() => [] as string[]);
      const mails = await Promise.all(
        names
          .filter((name) => name.endsWith('.json'))
          .map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as StoredMail),
      );
      return mails.sort((a, b) => b.id.localeCompare(a.id));
    },
  };
}

export type LocalMailbox = ReturnType<typeof createLocalMailbox>;
