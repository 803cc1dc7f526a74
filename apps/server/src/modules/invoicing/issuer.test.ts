import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_ISSUER_ENV } from '../../../test/helpers/invoicing-flow.js';
import { ConfigError, loadConfig } from '../../config.js';
import { loadIssuer } from './issuer.js';

const CSD = path.join(process.cwd(), '..', 'shared', 'fixtures', 'csd');
const OWN_ISSUER = { CFDI_PAC: 'sandbox', ...OWN_ISSUER_ENV };
const inForce = new Date('2026-11-29T18:00:00Z');
const issuerOf = (env: Record<string, string>, now = inForce) => loadIssuer(loadConfig(env).invoicing, now);

describe('the platform as CFDI issuer', () => {
  it("issues in the embedded mode as SAT's public test taxpayer, with the test CSD shipped in the repository", () => {
    const issuer = issuerOf({});
    expect(issuer).toMatchObject({ rfc: 'EKU9003173C9', regime: '601', isSatTestCertificate: true });
    expect(issuer.csd.certificate.noCertificado).toBe('30001000000500003416');
  });

  it('stops the start naming the variable when the CSD password is wrong', () => {
    expect(() => issuerOf({ ...OWN_ISSUER, CFDI_CSD_PASSWORD: 'otra' })).toThrow(ConfigError);
    expect(() => issuerOf({ ...OWN_ISSUER, CFDI_CSD_PASSWORD: 'otra' })).toThrow(
      /CFDI_CSD_PASSWORD: La contraseña de la llave privada del CSD es incorrecta/,
    );
  });

  it('stops the start when the .key is not the .cer’s, or the certificate is of another RFC', () => {
    const otherCertificate = path.join(CSD, 'SAT-PRUEBAS-PAC-30001000000500003456.cer');
    expect(() => issuerOf({ ...OWN_ISSUER, CFDI_CSD_CER: otherCertificate })).toThrow(
      /CFDI_CSD_KEY: La llave privada \(\.key\) no corresponde al certificado/,
    );
    expect(() => issuerOf({ ...OWN_ISSUER, CFDI_ISSUER_RFC: 'AAA010101AAA' })).toThrow(
      /CFDI_CSD_CER: the certificate belongs to EKU9003173C9, not to CFDI_ISSUER_RFC AAA010101AAA/,
    );
    expect(() => issuerOf({ ...OWN_ISSUER, CFDI_CSD_KEY: '/no/existe.key' })).toThrow(
      /CFDI_CSD_KEY: cannot read \/no\/existe\.key/,
    );
  });

  it('asks for the whole issuer and its own CSD with a real PAC, and for a PAC in production', () => {
    expect(() => loadConfig({ CFDI_PAC: 'facturapi', FACTURAPI_KEY: 'sk_test_abc' })).toThrow(
      /CFDI_ISSUER_RFC, CFDI_ISSUER_NAME, CFDI_ISSUER_REGIME, CFDI_ISSUER_POSTAL_CODE, CFDI_CSD_CER, CFDI_CSD_KEY, CFDI_CSD_PASSWORD/,
    );
    expect(() => loadConfig({ ...OWN_ISSUER, CFDI_PAC: 'sealed-xml' })).toThrow(/PAC_URL/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 's'.repeat(40),
        SMTP_URL: 'smtp://mail.example.mx:587',
        PLATFORM_CLABE: '002010077777777771',
        PLATFORM_BANK: 'Banamex',
        PLATFORM_BENEFICIARY: 'CajaChica',
      }),
    ).toThrow(/CFDI_PAC/);
  });

  it('starts after the test certificate expired (2027-05-18): issuing then says why it cannot', () => {
    const issuer = issuerOf({}, new Date('2027-06-01T18:00:00Z'));
    expect(issuer.csd.certificate.validTo.toISOString()).toBe('2027-05-18T11:43:51.000Z');
  });
});
