import { createReadStream } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createOperator } from './modules/backoffice/index.js';
import { supplierListRefresher } from './modules/expenses/index.js';
import { createSat69bService, lookup69b } from './modules/sat-lists/index.js';
import { type Database, openDatabase } from './platform/db/database.js';
import { AppError } from './platform/errors.js';

// Operator commands: `npm run cli -- <command> [args]`. Messages are for the platform operator.

const USAGE = `Uso: npm run cli -- <comando>

Comandos:
  sat:69b <archivo.csv>   Importa la lista 69-B del SAT (Listado_Completo_69-B.csv) y vuelve a
                          marcar los gastos de todas las organizaciones contra ella.
  operator:create <correo> <nombre>
                          Crea un operador de la plataforma (back office en /operador). La
                          contraseña se toma de OPERATOR_PASSWORD o de una línea de la entrada.

Sin DATABASE_URL (base de datos integrada PGlite en DATA_DIR), detén el servidor antes de usar un
comando: solo un proceso a la vez puede abrir esa base de datos.`;

/** The configured database, migrated, for one command; closed afterwards. */
async function withDatabase<T>(config: Config, run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
  });
  try {
    await database.migrate();
    return await run(database);
  } finally {
    await database.close();
  }
}

async function importSat69b(file: string | undefined) {
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  return withDatabase(loadConfig(), async (database) => {
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
  });
}

/** One line of standard input; typed at a terminal it is not echoed (it is a password). */
async function readSecretLine(prompt: string): Promise<string> {
  const isTerminal = process.stdin.isTTY === true;
  if (isTerminal) process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = readline.createInterface({ input: process.stdin, output: silent, terminal: isTerminal });
  try {
    for await (const line of lines) return line.replace(/\r$/, '');
    return '';
  } finally {
    lines.close();
    if (isTerminal) process.stderr.write('\n');
  }
}

async function createOperatorCommand(args: string[]) {
  const [email, ...nameWords] = args;
  const name = nameWords.join(' ').trim();
  if (!email || !name) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const password = process.env.OPERATOR_PASSWORD ?? (await readSecretLine('Contraseña del operador: '));
  const operator = await withDatabase(config, (database) =>
    createOperator(database.db, email, name, password),
  );
  console.log(`Operador creado: ${operator.name} <${operator.email}>. Entra en ${config.appUrl}/operador.`);
  return 0;
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === 'sat:69b') return await importSat69b(rest[0]);
    if (command === 'operator:create') return await createOperatorCommand(rest);
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
