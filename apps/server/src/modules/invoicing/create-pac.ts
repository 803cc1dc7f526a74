import type { PacConfig } from '../../config.js';
import { createFacturapiPac } from './facturapi-pac.js';
import type { Issuer } from './issuer.js';
import type { Pac } from './pac.js';
import { createSandboxPac } from './sandbox-pac.js';
import { createSwPac } from './sw-pac.js';

/** The configured PAC (config.ts chose it and checked its settings). */
export function createPac(config: PacConfig, deps: { issuer: Issuer; now: () => Date }): Pac {
  if (config.name === 'sandbox') return createSandboxPac({ certificate: deps.issuer.csd, now: deps.now });
  if (config.name === 'facturapi') return createFacturapiPac({ apiKey: config.apiKey, baseUrl: config.url });
  return createSwPac({ url: config.url, ...config.auth, now: deps.now });
}
