import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';

/** A limit of requests per client address in a fixed window. */
export interface RateLimitRule {
  max: number;
  windowMs: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's own limit, counted apart from the global one (sign-in, invitations...). */
    rateLimit?: RateLimitRule;
  }
}

interface Window {
  count: number;
  resetAt: number;
}

/** Beyond this many tracked addresses the oldest windows are dropped first: memory stays bounded. */
const MAX_TRACKED = 100_000;

/**
 * Per-address request limits, counted in fixed windows: the global rule on every request, or the
 * route's own `config.rateLimit` instead. Over the limit: 429 with Retry-After (problem+json from
 * the error handler).
 *
 * Why not @fastify/rate-limit: its hook is asynchronous, with promises and an IPv6 regular
 * expression on every request, and cost a fifth of /healthz's throughput (bench/http.ts). This
 * one is a synchronous Map lookup; it keeps that plugin's keying (an IPv6 client counts by its
 * /64, an IPv4-mapped address as IPv4).
 */
export function registerRateLimit(
  app: FastifyInstance,
  options: { global: RateLimitRule; now?: () => number },
) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  function hit(key: string, rule: RateLimitRule, at: number): Window {
    let window = windows.get(key);
    if (window === undefined || window.resetAt <= at) {
      // Re-inserted so the Map's order stays the order of expiry (oldest first).
      if (window !== undefined) windows.delete(key);
      else if (windows.size >= MAX_TRACKED) dropExpired(at, true);
      window = { count: 0, resetAt: at + rule.windowMs };
      windows.set(key, window);
    }
    window.count += 1;
    return window;
  }

  /** Forgets the windows that ended (and, when `makeRoom`, the oldest one even if still open). */
  function dropExpired(at: number, makeRoom = false) {
    for (const [key, window] of windows) {
      if (window.resetAt > at && !makeRoom) break;
      windows.delete(key);
      makeRoom = false;
    }
  }

  const sweep = setInterval(() => dropExpired(now()), options.global.windowMs);
  sweep.unref();
  app.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });

  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    const routeRule = request.routeOptions.config.rateLimit;
    const rule = routeRule ?? options.global;
    const client = clientKey(request.ip);
    const key = routeRule ? `${request.routeOptions.url} ${client}` : client;
    const at = now();
    const window = hit(key, rule, at);
    if (window.count <= rule.max) return done();
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - at) / 1000));
    reply.header('retry-after', String(retryAfter));
    reply.header('x-ratelimit-limit', String(rule.max));
    reply.header('x-ratelimit-remaining', '0');
    reply.header('x-ratelimit-reset', String(retryAfter));
    done(Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 }));
  });
}

/** The address a limit counts by: IPv4 as is, IPv6 by its /64 network. */
export function clientKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  return `${(address as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}
