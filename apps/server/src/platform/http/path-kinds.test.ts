import { describe, expect, it } from 'vitest';
import { answersJson, pathKind } from './path-kinds.js';

describe('request path kinds', () => {
  it('tells the API, its reference, the probes, the mailbox and the web app apart', () => {
    const expected = {
      '/api/v1/funds': 'api',
      '/api/v1/invoices/1/pdf?download=1': 'api',
      '/api/v1/openapi.json': 'api',
      '/api/docs': 'api-docs',
      '/api/docs/js/scalar.js': 'api-docs',
      '/healthz': 'service',
      '/readyz?verbose': 'service',
      '/dev/mailbox': 'dev',
      '/': 'app',
      '/app/fondos': 'app',
      '/assets/index.js': 'app',
      '/apis': 'app',
    } as const;
    for (const [path, kind] of Object.entries(expected)) expect(pathKind(path), path).toBe(kind);
  });

  it('gives JSON answers to the API and the probes only (they get the REST security headers)', () => {
    for (const path of [
      '/api/v1/funds',
      '/api/v1/invoices/1/pdf',
      '/healthz',
      '/readyz',
      '/api/v1/openapi.json',
    ])
      expect(answersJson(path), path).toBe(true);
    for (const path of [
      '/',
      '/app/fondos',
      '/assets/index.js',
      '/api/docs/',
      '/api/docs/js/scalar.js',
      '/dev/mailbox',
    ])
      expect(answersJson(path), path).toBe(false);
  });
});
