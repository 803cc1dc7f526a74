import { describe, expect, it } from 'vitest';
import { helmetHeaders } from './security-headers.js';

describe('security headers', () => {
  it('adds HSTS and upgrade-insecure-requests only when served over HTTPS', () => {
    const https = helmetHeaders({ https: true });
    expect(https['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(https['content-security-policy']).toContain('upgrade-insecure-requests');
    const http = helmetHeaders({ https: false });
    expect(http['strict-transport-security']).toBeUndefined();
    expect(http['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
