import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { problemErrorHandler } from './problem.js';
import { clientKey, registerRateLimit } from './rate-limit.js';

let clock = 0;
const apps: ReturnType<typeof Fastify>[] = [];

async function limitedApp() {
  const app = Fastify();
  apps.push(app);
  app.setErrorHandler(problemErrorHandler);
  registerRateLimit(app, { global: { max: 3, windowMs: 60_000 }, now: () => clock });
  app.get('/open', async () => ({ ok: true }));
  app.get('/other', async () => ({ ok: true }));
  app.post('/sign-in', { config: { rateLimit: { max: 1, windowMs: 60_000 } } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

const from = (remoteAddress: string, url = '/open', method: 'GET' | 'POST' = 'GET') => ({
  method,
  url,
  remoteAddress,
});

afterEach(async () => {
  clock = 0;
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('rate limit', () => {
  it('answers 429 problem+json with Retry-After past the global limit, and opens again with the next window', async () => {
    const app = await limitedApp();
    for (let i = 0; i < 3; i++) expect((await app.inject(from('10.0.0.1'))).statusCode).toBe(200);
    clock = 20_000;
    const limited = await app.inject(from('10.0.0.1', '/other'));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBe('40');
    expect(limited.headers['x-ratelimit-limit']).toBe('3');
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(limited.json().detail).toMatch(/demasiadas solicitudes/i);

    expect((await app.inject(from('10.0.0.2'))).statusCode).toBe(200);
    clock = 60_000;
    expect((await app.inject(from('10.0.0.1'))).statusCode).toBe(200);
  });

  it('counts a route with its own limit apart from the global one', async () => {
    const app = await limitedApp();
    expect((await app.inject(from('10.0.0.1', '/sign-in', 'POST'))).statusCode).toBe(200);
    expect((await app.inject(from('10.0.0.1', '/sign-in', 'POST'))).statusCode).toBe(429);
    expect((await app.inject(from('10.0.0.1'))).statusCode).toBe(200);
    expect((await app.inject(from('10.0.0.9', '/sign-in', 'POST'))).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', async () => {
    const app = await limitedApp();
    for (const suffix of ['1', '2', 'ffff:1']) {
      expect((await app.inject(from(`2001:db8:1:2::${suffix}`))).statusCode).toBe(200);
    }
    expect((await app.inject(from('2001:db8:1:2:aaaa::9'))).statusCode).toBe(429);
    expect((await app.inject(from('2001:db8:1:3::1'))).statusCode).toBe(200);

    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('2001:DB8:0:0:1::1')).toBe(clientKey('2001:db8::2'));
    expect(clientKey('198.51.100.4')).toBe('198.51.100.4');
  });
});
