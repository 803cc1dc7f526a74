import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { supplierListRefresher } from './modules/expenses/index.js';
import { createSat69bService, lookup69b } from './modules/sat-lists/index.js';
import { openDatabase } from './platform/db/database.js';
import { AppError } from './platform/errors.js';

// Operator commands: `npm run cli -- <command> [args]`. Messages are for the platform operator.

const USAGE = `Uso: npm run cli -- <comando>

Comandos:
  sat:69b <archivo.csv>   Importa la lista 69-B del SAT (Listado_Completo_69-B.csv) y vuelve a
                          marcar los gastos de todas las organizaciones contra ella.`;

async function importSat69b(file: string | undefined) {
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  try {
    await database.migrate();
    const service = createSat69bService({
      db: database.db,
      refreshOrganization: supplierListRefresher(database.db, lookup69b),
    });
    const result = await service.importList(createReadStream(file), path.basename(file));
    console.log(
      `Lista 69-B importada: ${result.taxpayers} contribuyentes, ${result.invalidRows.length} renglones inválidos; ` +
        `${result.organizations} organizaciones revisadas, ${result.expensesReflagged} gastos con hallazgos actualizados.`,
    );
    for (const row of result.invalidRows.slice(0, 20)) console.log(`  renglón ${row.line}: ${row.reason}`);
    return 0;
  } finally {
    await database.close();
  }
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === 'sat:69b') return await importSat69b(rest[0]);
    console.error(USAGE);
    return 2;
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AppError) console.error(error.detail);
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      console.error(`No existe el archivo: ${rest[0]}`);
    else throw error;
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
