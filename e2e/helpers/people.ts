import type { BrowserContext, Page } from 'playwright-core';
import { ApiClient } from './api-client.js';

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
