import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';

// API.md §Service and §Accounts: the public paths this build must document.
const CONTRACT_PATHS: [string, string][] = [
  ['get', '/healthz'],
  ['get', '/readyz'],
  ['get', '/api/v1/auth/csrf'],
  ['post', '/api/v1/auth/signup'],
  ['post', '/api/v1/auth/verify-email'],
  ['post', '/api/v1/auth/login'],
  ['post', '/api/v1/auth/logout'],
  ['post', '/api/v1/auth/password-reset'],
  ['post', '/api/v1/auth/password-reset/confirm'],
  ['get', '/api/v1/me'],
  ['post', '/api/v1/auth/switch-organization'],
  ['get', '/api/v1/members'],
  ['patch', '/api/v1/members/{id}'],
  ['post', '/api/v1/invitations'],
  ['post', '/api/v1/invitations/accept'],
  ['post', '/api/v1/organization/owner'],
  ['get', '/api/v1/organization/fiscal-data'],
  ['put', '/api/v1/organization/fiscal-data'],
];

describe('service routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
  });
  afterAll(async () => t.close());

  it('serves a valid OpenAPI 3.1 document listing every API route', async () => {
    const response = await t.client().get('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const [method, path] of CONTRACT_PATHS) {
      expect(document.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
    // And nothing documented that the server does not serve.
    for (const [path, operations] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const method of Object.keys(operations)) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        expect(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url }), `${method} ${path}`).toBe(
          true,
        );
      }
    }
  });

  it('serves the interactive documentation at /api/docs', async () => {
    const redirect = await t.client().get('/api/docs');
    expect(redirect.statusCode).toBe(301);
    const response = await t.client().get('/api/docs/');
    expect(response.statusCode).toBe(200);
    // Scalar's script is served by this server: the docs work without internet.
    expect((await t.client().get('/api/docs/js/scalar.js')).statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('/api/v1/openapi.json');
  });

  it('answers /healthz and /readyz, with a request id on every response', async () => {
    const health = await t.client().get('/healthz');
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['x-request-id']).toMatch(/^[\w.-]+$/);
    expect((await t.client().get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it("sets OWASP's REST security headers on API answers and helmet's full set on documents", async () => {
    const api = await t.client().get('/healthz');
    expect(api.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['x-frame-options']).toBe('DENY');
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['strict-transport-security']).toBeUndefined(); // http in tests; HSTS only over https
    const problem = await t.client().get('/api/v1/no-existe');
    expect(problem.headers['x-frame-options']).toBe('DENY');

    const docs = await t.client().get('/api/docs/');
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(docs.headers['referrer-policy']).toBe('no-referrer');
    expect(docs.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('answers 503 with Retry-After on /readyz when the database is gone', async () => {
    const broken = await buildTestApp('pglite');
    await broken.database.close();
    const response = await broken.client().get('/readyz');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    await broken.app.close();
  });

  it('answers unknown API paths with a Spanish problem+json 404', async () => {
    const response = await t.client().get('/api/v1/no-existe');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'No encontrado' });
  });
});
