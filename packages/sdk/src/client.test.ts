import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../apps/server/test/helpers/test-app.js';
import { createCajaChicaClient } from './index.js';

describe('typed API client', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await buildTestApp('pglite');
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t.close());

  it('is generated from the document the server serves (run `npm run generate:sdk` after changing a route)', async () => {
    const served = (await t.client().get('/api/v1/openapi.json')).json();
    delete served.servers;
    const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(served);
  });

  it('calls the API over HTTP with typed answers and typed problems', async () => {
    const client = createCajaChicaClient({ baseUrl });
    const catalogs = await client.GET('/api/v1/catalogs/fiscal');
    expect(catalogs.data?.regimenesFiscales.some((regimen) => regimen.key === '601')).toBe(true);
    const me = await client.GET('/api/v1/me');
    expect(me.response.status).toBe(401);
    expect(me.error).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
