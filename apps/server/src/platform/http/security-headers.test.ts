import { describe, expect, it } from 'vitest';
import { apiSecurityHeaders, helmetHeaders } from './security-headers.js';

describe('security headers', () => {
  it('adds HSTS and upgrade-insecure-requests only when served over HTTPS', () => {
    const https = helmetHeaders({ https: true });
    expect(https['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(https['content-security-policy']).toContain('upgrade-insecure-requests');
    const http = helmetHeaders({ https: false });
    expect(http['strict-transport-security']).toBeUndefined();
    expect(http['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(apiSecurityHeaders({ https: true })['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(apiSecurityHeaders({ https: false })['strict-transport-security']).toBeUndefined();
  });

  it("gives API answers OWASP's REST set: nothing loads, nothing frames, nothing is stored", () => {
    expect(apiSecurityHeaders({ https: false })).toEqual({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    });
  });
});
