import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

let counter = 0;
export const uniqueEmail = (label = 'persona') => `${label}.${Date.now()}.${++counter}@example.mx`;
export const PASSWORD = 'contraseña-segura-1';

/** Signs up, verifies by the emailed link and logs in: a ready owner of a new organization. */
export async function signUpVerifiedOwner(
  t: TestApp,
  options: { email?: string; organizationName?: string } = {},
) {
  const email = options.email ?? uniqueEmail('owner');
  const client = t.client();
  const signup = await client.post('/api/v1/auth/signup', {
    email,
    password: PASSWORD,
    name: 'Dueña de Prueba',
    organizationName: options.organizationName ?? 'Organización de Prueba',
  });
  if (signup.statusCode !== 201) throw new Error(`signup failed: ${signup.body}`);
  const token = t.mailer.tokenFrom(email, '/verificar');
  const verified = await client.post('/api/v1/auth/verify-email', { token });
  if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
  await logIn(client, email);
  const body = signup.json<{ user: { id: string }; organization: { id: string } }>();
  return { client, email, userId: body.user.id, organizationId: body.organization.id };
}

export async function logIn(client: TestClient, email: string, password = PASSWORD) {
  const login = await client.post('/api/v1/auth/login', { email, password });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  return login;
}

/** Invites a new person with these roles and accepts as them; returns their client and ids. */
export async function addMember(
  t: TestApp,
  admin: TestClient,
  roles: string[],
  email = uniqueEmail('miembro'),
) {
  const invite = await admin.post('/api/v1/invitations', { email, roles });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.body}`);
  const token = t.mailer.tokenFrom(email, '/invitacion');
  const client = t.client();
  const accepted = await client.post('/api/v1/invitations/accept', {
    token,
    name: 'Miembro de Prueba',
    password: PASSWORD,
  });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
  const me = accepted.json<{ user: { id: string } }>();
  return { client, email, userId: me.user.id };
}
