import { describe, expect, it } from 'vitest';
import { createOfflineSatStatusClient } from './cfdi-status.js';

describe('offline SAT status client (embedded mode without internet)', () => {
  it('never says vigente: it says the CFDI was not verified', async () => {
    const outcome = await createOfflineSatStatusClient().check({
      issuerRfc: 'EKU9003173C9',
      receiverRfc: 'XAXX010101000',
      total: '1160.00',
      uuid: 'CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC',
    });
    expect(outcome).toEqual({
      checked: false,
      reason: 'Modo sin conexión: el estado en el SAT no se ha verificado.',
    });
  });
});
