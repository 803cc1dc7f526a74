import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './helpers/fixture.js';
import { visibleText } from './helpers/locators.js';
import { PHONE, shot } from './helpers/screenshots.js';

describe('an owner sets up categories, cost centers and policies in the browser', () => {
  const session = useBrowserSession({
    owner: {
      email: 'administracion@ferreteria-lopez.example.mx',
      name: 'Lucía López',
      organizationName: 'Ferretería López',
    },
  });

  it('creates a category and a cost center, and finds them after a reload', async () => {
    const { owner, page } = session;
    await page.getByRole('link', { name: 'Categorías y centros de costos' }).click();
    await page.getByRole('heading', { name: 'Categorías de gasto' }).waitFor();
    // A new organization starts with the default categories.
    await visibleText(page, 'Papelería y artículos de oficina').waitFor();

    await page.getByRole('button', { name: 'Nueva categoría' }).click();
    const categoryDialog = page.getByRole('dialog');
    await categoryDialog.getByLabel('Nombre de la categoría').fill('Refacciones y herramientas');
    await categoryDialog.getByLabel('Clave').fill('refacciones');
    await categoryDialog.getByLabel('Código agrupador del SAT').fill('601.84');
    await categoryDialog.getByRole('button', { name: 'Crear categoría' }).click();
    await page.getByText('Creaste la categoría «Refacciones y herramientas».').waitFor();

    await page.getByRole('button', { name: 'Nuevo centro de costos' }).click();
    const costCenterDialog = page.getByRole('dialog');
    await costCenterDialog.getByLabel('Nombre del centro de costos').fill('Sucursal Centro');
    await costCenterDialog.getByLabel('Clave').fill('suc-centro');
    await costCenterDialog.getByRole('button', { name: 'Crear centro de costos' }).click();
    await page.getByText('Creaste el centro de costos «Sucursal Centro».').waitFor();

    // Cleaning is not bought from petty cash here: deactivate it.
    await page.getByRole('button', { name: 'Desactivar «Limpieza»' }).filter({ visible: true }).click();
    await page.getByText(/^Desactivaste «Limpieza»/).waitFor();

    await page.reload();
    await visibleText(page, 'Refacciones y herramientas').waitFor();
    await visibleText(page, 'REFACCIONES').waitFor();
    await visibleText(page, 'Sucursal Centro').waitFor();
    await visibleText(page, 'SUC-CENTRO').waitFor();
    await page.getByRole('button', { name: 'Reactivar «Limpieza»' }).filter({ visible: true }).waitFor();
    await shot(page, 'settings-categories-desktop');

    const categories = await owner.request('GET', '/api/v1/categories');
    expect(categories.data).toContainEqual(
      expect.objectContaining({ code: 'REFACCIONES', satAccountCode: '601.84', cfdiUses: ['G03'] }),
    );
  });

  it('sets expense limits and the fund-change threshold, and finds them after a reload', async () => {
    const { owner, page } = session;
    await page.getByRole('link', { name: 'Políticas' }).click();
    await page.getByRole('heading', { name: 'Límites de gasto' }).waitFor();
    await page.getByText('Un límite no rechaza gastos').waitFor();

    await page.getByLabel('Máximo por gasto').fill('5000');
    await page.getByLabel('CFDI obligatorio en gastos mayores a').fill('2000');
    await page.getByRole('button', { name: 'Guardar límites' }).click();
    await page.getByText('Guardaste los límites de gasto de la organización.').waitFor();

    await page.getByRole('button', { name: 'Agregar límites a una categoría' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Categoría').click();
    await page.getByRole('option', { name: 'Viáticos y gastos de viaje' }).click();
    await dialog.getByLabel('Máximo por gasto').fill('8000');
    await shot(page, 'settings-category-limits-modal', false);
    await dialog.getByRole('button', { name: 'Guardar límites' }).click();
    await page.getByText('Guardaste los límites de «Viáticos y gastos de viaje».').waitFor();

    await page.getByLabel('Segunda aprobación para cambios mayores a').fill('10000');
    await page.getByRole('button', { name: 'Guardar regla' }).click();
    await page.getByText(/^Guardaste la regla/).waitFor();

    await page.reload();
    await page.getByText(/^Vigente: .* por más de \$10,000\.00/).waitFor();
    await expect(page.getByLabel('Máximo por gasto').inputValue()).resolves.toBe('5000.00');
    await expect(page.getByLabel('CFDI obligatorio en gastos mayores a').inputValue()).resolves.toBe(
      '2000.00',
    );
    await expect(page.getByLabel('Segunda aprobación para cambios mayores a').inputValue()).resolves.toBe(
      '10000.00',
    );
    await visibleText(page, 'Viáticos y gastos de viaje').waitFor();
    await visibleText(page, '$8,000.00').waitFor();
    await visibleText(page, 'Como la organización: $2,000.00').waitFor();
    await shot(page, 'settings-policies-desktop');

    const policies = await owner.request('GET', '/api/v1/policies');
    expect(policies.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'expense_limits', categoryId: null, maxPerExpense: '5000.00' }),
        expect.objectContaining({ kind: 'fund_changes', secondApprovalAbove: '10000.00' }),
      ]),
    );
  });

  it('reads well on a phone', async () => {
    const { page, server } = session;
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/app/categorias`);
    await visibleText(page, 'Refacciones y herramientas').waitFor();
    await visibleText(page, 'Sucursal Centro').waitFor();
    await shot(page, 'settings-categories-phone');
    await page
      .getByRole('button', { name: 'Editar «Refacciones y herramientas»' })
      .filter({ visible: true })
      .click();
    await expect(page.getByRole('dialog').getByLabel('Clave').inputValue()).resolves.toBe('REFACCIONES');
    await shot(page, 'settings-category-modal-phone', false);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();

    await page.goto(`${server.url}/app/politicas`);
    await visibleText(page, '$8,000.00').waitFor();
    await shot(page, 'settings-policies-phone');
    await page
      .getByRole('button', { name: 'Editar «Viáticos y gastos de viaje»' })
      .filter({ visible: true })
      .click();
    await expect(page.getByRole('dialog').getByLabel('Máximo por gasto').inputValue()).resolves.toBe(
      '8000.00',
    );
    await shot(page, 'settings-category-limits-modal-phone', false);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('button', { name: 'Abrir o cerrar el menú de navegación' }).click();
    await page.getByRole('link', { name: 'Categorías y centros de costos' }).waitFor();
    await shot(page, 'settings-nav-phone', false);
  });
});
