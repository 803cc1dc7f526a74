import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { validatePolizasXml } from '../../../test/helpers/sat-polizas-xsd.js';
import { DEFAULT_JOURNAL_ACCOUNTS } from './journal-accounts.js';
import { buildReplenishmentEntry, type ExpenseVoucherInput, type JournalEntry } from './journal-entry.js';
import { type PolizasRequest, satPolizasFileName, satPolizasXml } from './sat-polizas-xml.js';

const UUID = '5E2D6AFF-2DD7-43D1-83D3-14C1ACA396D9';

const voucher = (overrides: Partial<ExpenseVoucherInput> = {}): ExpenseVoucherInput => ({
  kind: 'expense',
  id: 'g1',
  date: '2026-06-15',
  concept: 'Tóner & "papel" <carta>',
  supplierRfc: 'EKU9003173C9',
  supplierName: 'ESCUELA KEMPER URGATE',
  cfdiUuid: UUID,
  category: { name: 'Papelería y artículos de oficina', satAccountCode: '601.55', accountCode: null },
  currency: 'MXN',
  exchangeRate: null,
  subtotal: '1000.00',
  discount: '0',
  ivaTransferred: '160.00',
  iepsTransferred: '0',
  isrWithheld: '100.00',
  ivaWithheld: '106.666667',
  localTaxesTransferred: '0',
  localTaxesWithheld: '0',
  total: '953.333333',
  amount: '953.33',
  ...overrides,
});

function entry(folio: number, vouchers: ExpenseVoucherInput[], total: string): JournalEntry {
  return buildReplenishmentEntry(
    {
      id: `r${folio}`,
      folio,
      fundName: 'Caja Matriz',
      date: '2026-06-20',
      paymentReference: 'SPEI 1',
      total,
      vouchers,
    },
    DEFAULT_JOURNAL_ACCOUNTS,
  );
}

async function* batches(...groups: JournalEntry[][]) {
  for (const group of groups) yield group;
}

const REQUEST: PolizasRequest = {
  rfc: 'MCI7306249Y1',
  month: '2026-06',
  tipoSolicitud: 'AF',
  numOrden: 'ABC1234567/26',
};

describe('SAT pólizas XML (PolizasPeriodo 1.3)', () => {
  it("validates against the SAT's schema, with a CompNal per CFDI line in its own currency", async () => {
    const dollars = voucher({
      id: 'g2',
      cfdiUuid: '0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D',
      currency: 'USD',
      exchangeRate: '17.1234567',
      isrWithheld: '0',
      ivaWithheld: '0',
      total: '1160.00',
      amount: '19863.21',
    });
    const xml = await text(
      satPolizasXml(REQUEST, batches([entry(1, [voucher()], '953.33')], [entry(2, [dollars], '19863.21')])),
    );
    const verdict = validatePolizasXml(xml);
    expect(verdict.errors).toBe('');
    expect(verdict.valid).toBe(true);
    expect(xml).toContain(
      'Version="1.3" RFC="MCI7306249Y1" Mes="06" Anio="2026" TipoSolicitud="AF" NumOrden="ABC1234567/26">',
    );
    expect(xml).toContain('<PLZ:Poliza NumUnIdenPol="EG-1" Fecha="2026-06-20"');
    expect(xml).toContain(`<PLZ:CompNal UUID_CFDI="${UUID}" RFC="EKU9003173C9" MontoTotal="953.33"/>`);
    expect(xml).toContain('MontoTotal="1160.00" Moneda="USD" TipCamb="17.12346"/>');
    expect(xml).toContain('Concepto="Tóner &amp; &quot;papel&quot; &lt;carta&gt; · ESCUELA KEMPER URGATE"');
    expect(xml).toContain('NumCta="216.10" DesCta="Impuestos retenidos de IVA"');
  });

  it('cuts texts to the lengths the schema allows and drops characters XML cannot carry', async () => {
    const long = voucher({ concept: `Compra\u0001 ${'x'.repeat(400)}`, cfdiUuid: null });
    const xml = await text(satPolizasXml(REQUEST, batches([entry(3, [long], '953.33')])));
    expect(validatePolizasXml(xml).valid).toBe(true);
    expect(xml).not.toContain('\u0001');
  });

  it('is named after RFC, year, month and PL, as Anexo 24 asks', () => {
    expect(satPolizasFileName(REQUEST)).toBe('MCI7306249Y1202606PL.xml');
  });
});
