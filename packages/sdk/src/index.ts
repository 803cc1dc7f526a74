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

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/**
 * The JSON a path answers with a status (200 by default): for clients that call the API their own
 * way (the web app's fetch client) and still want the contract's types, not a copy of them.
 */
export type ApiResponse<
  P extends keyof paths,
  M extends Method & keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends { responses: infer Responses }
  ? S extends keyof Responses
    ? JsonOf<Responses[S]>
    : never
  : never;

/** The JSON body a path takes. */
export type ApiBody<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
