import path from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './platform/db/database.js';

/** read config → open db → migrate → build app → listen */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  await database.migrate();
  const app = await buildApp({ config, database });
  let shuttingDown = false;
  // A job still running when the database closes fails its bookkeeping; pg-boss retries it after
  // it expires, so during shutdown that is logged, not a crash. Any other unhandled error still is.
  process.on('unhandledRejection', (error) => {
    if (!shuttingDown) throw error;
    app.log.warn({ err: error }, 'background work interrupted by shutdown');
  });
  const shutdown = async (signal: string) => {
    shuttingDown = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `CajaChica lista en ${config.appUrl} (${database.kind === 'pglite' ? `PGlite en ${config.dataDir}` : 'PostgreSQL'}${config.useLocalMailbox ? ', correos en /dev/mailbox' : ''})`,
  );
}

void main();
