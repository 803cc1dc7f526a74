import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/platform/db/database.js';
import type { Mailer, OutgoingMail } from '../../src/platform/mail/mailer.js';
import { TestClient } from './test-client.js';
import { type DatabaseKind, openTestDatabase } from './test-database.js';

/** Keeps every email the app sends, so a test can follow the links in them. */
export class CapturingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail) {
    this.sent.push(mail);
  }
  /** The newest mail to this address whose text contains a link with this path; returns its token. */
  tokenFrom(to: string, linkPath: string): string {
    const mail = [...this.sent].reverse().find((m) => m.to === to && m.text.includes(linkPath));
    if (!mail) throw new Error(`no mail to ${to} with ${linkPath}`);
    const match = mail.text.match(new RegExp(`${linkPath}\\?token=([^\\s]+)`));
    if (!match?.[1]) throw new Error(`no token in mail to ${to}`);
    return match[1];
  }
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  database: Database;
  mailer: CapturingMailer;
  clock: { now: Date };
  client(): TestClient;
  close(): Promise<void>;
}

/** The real app (all plugins, real migrations) on a fresh database, with a capturing mailer and a settable clock. */
export async function buildTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cajachica-test-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const database = await openTestDatabase(kind);
  const mailer = new CapturingMailer();
  const clock = { now: new Date() };
  const app = await buildApp({ config, database, mailer, now: () => clock.now });
  await app.ready();
  return {
    app,
    config,
    database,
    mailer,
    clock,
    client: () => new TestClient(app),
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
