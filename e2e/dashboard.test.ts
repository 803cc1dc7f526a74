import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/api-client.js';
import { useBrowserSession } from './helpers/fixture.js';
import { inviteAndJoin, membershipId, PASSWORD } from './helpers/people.js';
import { DESKTOP, PHONE, shot } from './helpers/screenshots.js';

const OWNER = 'direccion@tlaquepaque.example.mx';
const CUSTODIAN = 'caja@tlaquepaque.example.mx';

/** The owner sets up two funds, a cost center and expenses in every state; Carla records them. */
async function setUp(owner: ApiClient, url: string) {
  const custodian = await inviteAndJoin(owner, url, {
    email: CUSTODIAN,
    name: 'Carla Méndez',
    role: 'custodian',
    password: PASSWORD,
  });
  const carlaId = await membershipId(owner, CUSTODIAN);
  const categories = (await owner.request('GET', '/api/v1/categories')).data as {
    id: string;
    code: string;
  }[];
  const category = (code: string) => categories.find((c) => c.code === code)?.id;
  const center = await owner.request('POST', '/api/v1/cost-centers', {
    code: 'OBRAS',
    name: 'Obras públicas',
  });
  const main = await owner.request('POST', '/api/v1/funds', {
    name: 'Caja Presidencia',
    custodianId: carlaId,
    authorizedAmount: '20000.00',
  });
  await owner.request('POST', '/api/v1/funds', {
    name: 'Caja Obras',
    custodianId: carlaId,
    authorizedAmount: '5000.00',
    replenishmentThreshold: '5000.00',
  });
  const expenses: [string, string, string, string, 'draft' | 'submitted' | 'approved'][] = [
    ['2026-09-08', 'PAPELERIA', 'Hojas y tóner', '850.00', 'approved'],
    ['2026-10-03', 'LIMPIEZA', 'Artículos de limpieza', '1240.50', 'approved'],
    ['2026-10-17', 'CAFETERIA', 'Café y galletas', '430.00', 'submitted'],
    ['2026-11-04', 'MANTENIMIENTO', 'Reparación de chapa', '2600.00', 'submitted'],
    ['2026-11-12', 'PAPELERIA', 'Carpetas', '315.75', 'draft'],
    ['2026-11-20', 'MENSAJERIA', 'Envío de documentos', '180.00', 'approved'],
  ];
  for (const [date, code, concept, total, state] of expenses) {
    const expense = await custodian.request('POST', '/api/v1/expenses', {
      fundId: main.id,
      date,
      concept,
      categoryId: category(code),
      costCenterId: code === 'MANTENIMIENTO' ? center.id : undefined,
      subtotal: total,
      total,
      paymentMethod: 'fund_cash',
    });
    if (state === 'draft') continue;
    await custodian.request('POST', `/api/v1/expenses/${expense.id}/submit`);
    if (state === 'approved') await owner.request('POST', `/api/v1/expenses/${expense.id}/approve`);
  }
}

describe('the dashboard and reports in the browser', () => {
  const session = useBrowserSession({
    owner: { email: OWNER, name: 'Dirección', organizationName: 'Tlaquepaque' },
    ownerPage: false,
  });
  beforeAll(() => setUp(session.owner, session.server.url));

  const { logIn } = session;

  it('shows the owner the period, funds, charts and what needs attention, on desktop and phone', async () => {
    const page = await logIn(OWNER);
    await page.getByRole('heading', { name: 'Gasto por mes' }).waitFor();
    // Spending: everything but nothing discarded or rejected = 5,616.25; waiting: 430 + 2,600.
    const spending = page.getByLabel('Gasto del periodo');
    await expect(spending.getByText('$5,616.25').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Por aprobar').getByText('$3,030.00').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('En riesgo de no deducir').getByText('$2,600.00').isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByLabel('Esperan su CFDI').getByText('6 gastos').isVisible()).resolves.toBe(true);
    await page.getByText('Caja Obras').waitFor();
    await page.getByText('Reposición sugerida').first().waitFor();
    await page.getByText('Papelería').first().waitFor();
    await page.locator('.recharts-bar-rectangle path').first().waitFor();
    await shot(page, 'dashboard-desktop');

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { name: 'Gasto por categoría' }).waitFor();
    await page.locator('.recharts-bar-rectangle path').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'dashboard-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('filters a month on the reports page and downloads its expenses as CSV', async () => {
    const { server } = session;
    const page = await logIn(OWNER);
    await page.goto(`${server.url}/app/reportes?desde=2026-11-01&hasta=2026-11-30`);
    await page.getByRole('heading', { name: 'Gasto por centro de costos' }).waitFor();
    await expect(page.getByLabel('Gasto del periodo').getByText('$3,095.75').isVisible()).resolves.toBe(true);
    await shot(page, 'reports-november');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      // The expenses' CSV, in the filters bar (the pólizas below have their own CSV).
      page.getByRole('region', { name: 'Filtros del reporte' }).getByRole('link', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('gastos-2026-11-01-al-2026-11-30.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Reparación de chapa');
    expect(csv).not.toContain('Hojas y tóner');
  });

  it('keeps the dashboard from a custodian, who sees the greeting only', async () => {
    const page = await logIn(CUSTODIAN);
    await page.getByText('Tus roles').waitFor();
    await expect(page.getByRole('link', { name: 'Reportes' }).count()).resolves.toBe(0);
  });
});
