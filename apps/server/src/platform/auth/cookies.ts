import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../../config.js';

export interface CookieNames {
  session: string;
  csrf: string;
}

/** `__Host-` names need Secure, which a browser only keeps over HTTPS: production only. */
export function cookieNames(config: Pick<Config, 'secureCookies'>): CookieNames {
  const prefix = config.secureCookies ? '__Host-' : '';
  return { session: `${prefix}cc_session`, csrf: `${prefix}cc_csrf` };
}

export function cookieOptions(
  config: Pick<Config, 'secureCookies'>,
  maxAgeSeconds?: number,
): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}
