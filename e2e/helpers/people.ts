import type { BrowserContext, Page } from 'playwright-core';
import { ApiClient } from './api-client.js';

/** The password the browser tests give the people they create (none of them is about passwords). */
export const PASSWORD = 'una contraseña larga';

/** Logs in as this person in the browser (one profile: whoever was logged in before is logged out). */
export async function logInBrowser(
  context: BrowserContext,
  baseUrl: string,
  email: string,
  password: string,
): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/entrar`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel(/^Contraseña( \*)?$/).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL(/\/app/);
  return page;
}

/** The owner invites this person with one role; they accept by the emailed link (and are logged in). */
export async function inviteAndJoin(
  owner: ApiClient,
  baseUrl: string,
  person: { email: string; name: string; role: string; password: string },
): Promise<ApiClient> {
  await owner.request('POST', '/api/v1/invitations', { email: person.email, roles: [person.role] });
  const member = new ApiClient(baseUrl);
  await member.request('POST', '/api/v1/invitations/accept', {
    token: await owner.mailboxToken(person.email, '/invitacion'),
    name: person.name,
    password: person.password,
  });
  return member;
}

/** The id of this person's membership in the organization, as the owner's member list shows it. */
export async function membershipId(owner: ApiClient, email: string): Promise<string> {
  const members = await owner.request('GET', '/api/v1/members');
  return members.data.find((m: { user: { email: string } }) => m.user.email === email).id;
}

/** Signs up a new organization's owner through the API (verified by the emailed link) and logs them in in the browser. */
export async function signedInOwner(
  context: BrowserContext,
  baseUrl: string,
  person: { email: string; password: string; name: string; organizationName: string },
): Promise<{ owner: ApiClient; page: Page }> {
  const owner = new ApiClient(baseUrl);
  await owner.signUpOwner(person);
  const page = await logInBrowser(context, baseUrl, person.email, person.password);
  return { owner, page };
}

/** The Datos fiscales form's fields as a person fills them; régimen and uso del CFDI by their SAT key. */
export interface FiscalDataFields {
  rfc?: string;
  legalName?: string;
  postalCode?: string;
  taxRegime?: string;
  cfdiUse?: string;
  invoiceEmail?: string;
}

/** Types the fields given into the open Datos fiscales form (the others stay as they are) and submits it. */
export async function submitFiscalData(page: Page, fields: FiscalDataFields): Promise<void> {
  if (fields.rfc !== undefined) await page.getByLabel('RFC').fill(fields.rfc);
  if (fields.legalName !== undefined) await page.getByLabel('Razón social').fill(fields.legalName);
  if (fields.postalCode !== undefined) {
    await page.getByLabel('Código postal del domicilio fiscal').fill(fields.postalCode);
  }
  if (fields.taxRegime !== undefined) {
    await page.getByLabel('Régimen fiscal').first().click();
    await page.getByRole('option', { name: new RegExp(`^${fields.taxRegime}`) }).click();
  }
  if (fields.cfdiUse !== undefined) {
    await page.getByLabel('Uso del CFDI').first().click();
    await page.getByRole('option', { name: new RegExp(`^${fields.cfdiUse}`) }).click();
  }
  if (fields.invoiceEmail !== undefined) {
    await page.getByLabel('Correo para recibir facturas').fill(fields.invoiceEmail);
  }
  await page.getByRole('button', { name: 'Guardar datos fiscales' }).click();
}

/** Submits the Datos fiscales form as submitFiscalData does and waits until it is saved. */
export async function saveFiscalData(page: Page, fields: FiscalDataFields): Promise<void> {
  await submitFiscalData(page, fields);
  await page.getByText('Datos fiscales guardados').waitFor();
}

/** The organization's fiscal data as the API answers the browser's session. */
export const savedFiscalData = (page: Page) =>
  page.evaluate(async () => (await fetch('/api/v1/organization/fiscal-data')).json());
