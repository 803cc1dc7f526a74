import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };

export interface CajaChicaClientOptions {
  /** Where the API lives, e.g. https://app.cajachica.mx (paths already start with /api/v1). */
  baseUrl: string;
  /** An integration's API key (`cc_live_…`), sent as a Bearer token. */
  apiKey?: string;
  fetch?: typeof globalThis.fetch;
}

/** A typed client of the CajaChica API: every path, body and answer checked by TypeScript. */
export function createCajaChicaClient(options: CajaChicaClientOptions) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.apiKey) {
    const bearer: Middleware = {
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${options.apiKey}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}

export type CajaChicaClient = ReturnType<typeof createCajaChicaClient>;
