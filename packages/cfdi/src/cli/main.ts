import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildCadenaOriginal } from '../cadena/index.js';
import { buildVerificationUrl } from '../expression/verification-url.js';
import { cfdiUuid, parseCfdi } from '../model/index.js';
import { loadCsd, sealCfdi } from '../seal/index.js';
import { validateCfdi } from '../validate/validate-cfdi.js';
import { readXml } from '../xml/read-xml.js';
import { collectDocuments } from './collect-files.js';

const USAGE = `Uso:
  cfdi validate <archivos|carpetas>... [--json]   valida cada CFDI (sale 1 si alguno tiene errores)
  cfdi cadena <archivo>                           imprime la cadena original (idéntica a la XSLT del SAT)
  cfdi seal --cer F --key F (--password P | --password-file F | CFDI_KEY_PASSWORD) <archivo>
                                                  imprime el XML sellado con el CSD
  cfdi qr <archivo>                               imprime la URL de verificación del código QR`;

class UsageError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isErrTty: boolean;
  env: Record<string, string | undefined>;
}

/** Runs the CLI; returns the exit code (0 ok, 1 invalid documents or failure, 2 usage). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'cadena':
        io.out(buildCadenaOriginal(readXml(await readFile(single(rest)))));
        return 0;
      case 'seal':
        return await sealCommand(rest, io);
      case 'qr':
        return await qrCommand(rest, io);
      default:
        throw new UsageError(command ? `Comando desconocido: ${command}` : 'Falta el comando.');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.err(
      `Error: ${error instanceof Error && 'detail' in error ? String(error.detail) : (error as Error).message}\n`,
    );
    return 1;
  }
}

function single(args: string[]): string {
  if (args.length !== 1 || !args[0]) throw new UsageError('Indica exactamente un archivo.');
  return args[0];
}

async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('Indica al menos un archivo o carpeta.');
  const documents = await collectDocuments(positionals);
  const results = [];
  for (const [index, document] of documents.entries()) {
    if ('refusal' in document) {
      results.push({ file: document.file, valid: false, findings: [document.refusal] });
    } else {
      const result = validateCfdi(await document.read());
      const findings = result.findings.map(({ code, severity, category, message }) => ({
        code,
        severity,
        category,
        message,
      }));
      results.push({ file: document.file, valid: result.valid, findings });
    }
    if (io.isErrTty && documents.length > 20) io.err(`\r${progressBar(index + 1, documents.length)}`);
  }
  if (io.isErrTty && documents.length > 20) io.err('\n');
  if (values.json) {
    io.out(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const result of results) {
      io.out(`${result.valid ? '✔' : '✖'} ${result.file}\n`);
      for (const f of result.findings)
        io.out(`    ${f.severity === 'error' ? 'error' : 'aviso'} [${f.category}] ${f.code}: ${f.message}\n`);
    }
    const invalid = results.filter((result) => !result.valid).length;
    io.out(`\n${results.length - invalid} válidos, ${invalid} con errores\n`);
  }
  return results.every((result) => result.valid) ? 0 : 1;
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

async function sealCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      cer: { type: 'string' },
      key: { type: 'string' },
      password: { type: 'string' },
      'password-file': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (!values.cer || !values.key) throw new UsageError('Indica --cer y --key.');
  const password =
    values.password ??
    (values['password-file']
      ? (await readFile(values['password-file'], 'utf8')).replace(/\r?\n$/, '')
      : undefined) ??
    io.env.CFDI_KEY_PASSWORD;
  if (password === undefined)
    throw new UsageError(
      'Indica la contraseña de la llave: --password, --password-file o CFDI_KEY_PASSWORD.',
    );
  const csd = loadCsd({ cer: await readFile(values.cer), key: await readFile(values.key), password });
  io.out(sealCfdi(await readFile(single(positionals), 'utf8'), csd));
  return 0;
}

async function qrCommand(args: string[], io: Io): Promise<number> {
  const cfdi = parseCfdi(await readFile(single(args)));
  const uuid = cfdiUuid(cfdi);
  if (!uuid) throw new Error('El CFDI no está timbrado: sin UUID no hay URL de verificación.');
  io.out(
    `${buildVerificationUrl({
      uuid,
      rfcEmisor: cfdi.emisor?.rfc ?? '',
      rfcReceptor: cfdi.receptor?.rfc ?? '',
      total: cfdi.comprobante.total ?? '0',
      sello: cfdi.comprobante.sello ?? '',
    })}\n`,
  );
  return 0;
}
