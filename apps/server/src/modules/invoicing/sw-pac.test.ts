import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  attr,
  buildAndSealCfdi40,
  buildCfdi40,
  type Csd,
  checkStamp,
  findTimbres,
  loadCsd,
  readXml,
} from '@cajachica/cfdi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSwPac, startFakeSwPac } from '../../../test/helpers/fake-sw-pac.js';
import { EMISOR, lateCancel, pacError, subscriptionIngreso } from '../../../test/helpers/pac-samples.js';
import type { StampRequest } from './pac.js';
import { createSwPac, type SwPacOptions } from './sw-pac.js';

const CSD_DIRECTORY = path.join(process.cwd(), '..', 'shared', 'fixtures', 'csd');
/** Inside the test certificate's validity (2023-05-18 to 2027-05-18), and the CFDIs' Fecha. */
const SEAL_AT = new Date('2026-06-15T18:00:00Z');

let csd: Csd;
let folio = 2000;

/** A subscription payment, sealed with SAT's test CSD; each call a new folio, so a new XML. */
function ingreso(valorUnitario = '1499.00') {
  folio += 1;
  return subscriptionIngreso(String(folio), { valorUnitario });
}

function sealedRequest(cfdi = ingreso()): StampRequest {
  return {
    invoiceId: `inv_${randomUUID()}`,
    cfdi,
    sealedXml: buildAndSealCfdi40(cfdi, csd, SEAL_AT),
    customerEmail: null,
  };
}

describe('SW sapien PAC (stamps our sealed XML) against a fake SW', () => {
  let sw: FakeSwPac;
  let clock: Date;
  const pac = (options: Partial<SwPacOptions> = {}) =>
    createSwPac({
      url: sw.url,
      user: 'cajachica',
      password: 'secreto',
      timeoutMs: 2_000,
      now: () => clock,
      ...options,
    } as SwPacOptions);
  const authentications = () => sw.requests.filter((r) => r.path === '/security/authenticate').length;

  beforeAll(async () => {
    const read = (name: string) => readFileSync(path.join(CSD_DIRECTORY, name));
    csd = loadCsd({
      cer: read('EKU9003173C9.cer'),
      key: read('EKU9003173C9.key'),
      password: read('EKU9003173C9.password.txt').toString('utf8').trim(),
      now: SEAL_AT,
    });
    sw = await startFakeSwPac({ user: 'cajachica', password: 'secreto', fixedTokens: ['token-infinito'] });
  });
  afterAll(async () => sw.close());
  beforeEach(() => {
    sw.up();
    sw.requests.length = 0;
    clock = new Date();
  });

  it('is the PAC that stamps the XML we seal', () => {
    expect(pac()).toMatchObject({ name: 'sealed-xml', sealsItself: false });
  });

  it('sends the sealed XML as the multipart field xml with the bearer token and returns the stamped XML', async () => {
    const request = sealedRequest();
    const stamped = await pac().stamp(request);

    const [auth, stamp] = sw.requests;
    expect(auth).toMatchObject({
      path: '/security/authenticate',
      headers: { user: 'cajachica', password: 'secreto' },
    });
    expect(stamp?.path).toBe('/cfdi33/stamp/v4');
    expect(stamp?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(stamp?.headers.authorization).toMatch(/^bearer \S+$/);
    expect(stamp?.fields.xml).toBe(request.sealedXml);

    expect(stamped.xml).toBe(sw.stamped.get(stamped.uuid));
    expect(stamped.pacDocumentId).toBeNull();
    const root = readXml(stamped.xml);
    const [tfd] = findTimbres(root);
    expect(tfd && attr(tfd, 'UUID')).toBe(stamped.uuid);
    expect(tfd && attr(tfd, 'SelloCFD')).toBe(attr(readXml(request.sealedXml ?? ''), 'Sello'));
    expect(checkStamp(root).filter((finding) => finding.severity === 'error')).toEqual([]);
    // FechaTimbrado is Mexico City time (UTC-6): the instant is within this test's run.
    expect(Math.abs(stamped.stampedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('the same XML again is SW’s 307 "timbre previo": already_stamped with the first stamp', async () => {
    const request = sealedRequest();
    const first = await pac().stamp(request);
    const again = await pacError(pac().stamp(request));

    expect(again).toMatchObject({ kind: 'already_stamped', details: { code: '307', stampedXml: first.xml } });
    expect(sw.stamped.size).toBeGreaterThan(0);
    expect([...sw.stamped.values()].filter((xml) => xml === first.xml)).toHaveLength(1);
  });

  it('a stamp whose answer was lost is unavailable; its retry gets the first stamp back, never a second', async () => {
    const request = sealedRequest();
    const before = sw.stamped.size;
    sw.loseNextResponse({ path: '/cfdi33/stamp/v4' });
    const lost = await pacError(pac({ timeoutMs: 300 }).stamp(request));
    expect(lost.kind).toBe('unavailable');
    expect(sw.stamped.size).toBe(before + 1); // SW stamped it all the same

    const retried = await pacError(pac().stamp(request));
    expect(retried.kind).toBe('already_stamped');
    expect(retried.details.stampedXml).toBe([...sw.stamped.values()].at(-1));
    expect(sw.stamped.size).toBe(before + 1);
  });

  it('a 307 without the previous stamp is still already_stamped, with no XML', async () => {
    sw.failNext({
      status: 400,
      body: {
        status: 'error',
        message: '307. El comprobante contiene un timbre previo.',
        messageDetail: null,
        data: null,
      },
    });
    const error = await pacError(
      pac({ token: 'token-infinito' } as Partial<SwPacOptions>).stamp(sealedRequest()),
    );
    expect(error).toMatchObject({ kind: 'already_stamped', details: { code: '307', stampedXml: undefined } });
  });

  it('503s and an SW that does not answer are unavailable', async () => {
    sw.down();
    const unavailable = await pacError(pac().stamp(sealedRequest()));
    expect(unavailable).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/HTTP 503/) });

    sw.down('hang');
    const started = Date.now();
    const timedOut = await pacError(pac({ timeoutMs: 300 }).stamp(sealedRequest()));
    expect(timedOut).toMatchObject({ kind: 'unavailable', message: 'SW no respondió en 0.3 s.' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('SAT’s CFDI40145 is rejected with the field to fix, in plain Spanish', async () => {
    sw.rejectNextWith(
      'CFDI40145',
      'El campo Nombre del receptor, debe pertenecer al nombre asociado al RFC registrado en el campo Rfc del Receptor.',
    );
    const error = await pacError(pac().stamp(sealedRequest()));
    expect(error).toMatchObject({ kind: 'rejected', details: { code: 'CFDI40145', field: 'legalName' } });
    expect(error.message).toMatch(/^El nombre o razón social no coincide .* Constancia de Situación Fiscal/);
  });

  it('an XML SW refuses for another reason (not sealed: 302) is rejected without a customer field', async () => {
    const unsealed = sealedRequest();
    unsealed.sealedXml = buildCfdi40(unsealed.cfdi);
    const error = await pacError(pac().stamp(unsealed));
    expect(error).toMatchObject({ kind: 'rejected', details: { code: '302' } });
    expect(error.details.field).toBeUndefined();
    expect(error.message).toMatch(/Sello mal formado/);
  });

  it('reuses the token until it expires, then authenticates again', async () => {
    const client = pac();
    await client.stamp(sealedRequest());
    await client.stamp(sealedRequest());
    expect(authentications()).toBe(1);
    const [first, second] = sw.requests.filter((r) => r.path === '/cfdi33/stamp/v4');
    expect(second?.headers.authorization).toBe(first?.headers.authorization);

    clock = new Date(clock.getTime() + 2 * 60 * 60 * 1000); // SW's tokens last 2 h
    await client.stamp(sealedRequest());
    expect(authentications()).toBe(2);
    const third = sw.requests.filter((r) => r.path === '/cfdi33/stamp/v4').at(-1);
    expect(third?.headers.authorization).not.toBe(first?.headers.authorization);
  });

  it('a token SW stops accepting early (401) is renewed once and the stamp retried', async () => {
    const client = pac();
    await client.stamp(sealedRequest());
    sw.revokeTokens();
    const stamped = await client.stamp(sealedRequest());

    expect(stamped.uuid).toBeTruthy();
    expect(authentications()).toBe(2);
    expect(sw.requests.map((r) => r.path)).toEqual([
      '/security/authenticate',
      '/cfdi33/stamp/v4',
      '/cfdi33/stamp/v4',
      '/security/authenticate',
      '/cfdi33/stamp/v4',
    ]);
  });

  it('wrong credentials are unavailable (the operator fixes them); a given token skips authentication', async () => {
    const wrong = await pacError(pac({ password: 'otro' }).stamp(sealedRequest()));
    expect(wrong).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/AU2000/) });

    sw.requests.length = 0;
    await createSwPac({ url: sw.url, token: 'token-infinito' }).stamp(sealedRequest());
    expect(sw.requests).toHaveLength(1);
    expect(sw.requests[0]?.headers.authorization).toBe('bearer token-infinito');
  });

  it('cancels with motive 01 and the replacement UUID: over $1,000 it waits for the receptor', async () => {
    const client = pac();
    const replaced = await client.stamp(sealedRequest());
    const replacement = await client.stamp(sealedRequest());
    const result = await client.cancel(
      lateCancel({
        uuid: replaced.uuid,
        total: '1738.84',
        motive: '01',
        replacementUuid: replacement.uuid,
      }),
    );

    expect(result.status).toBe('pending');
    expect(result.acuseXml).toContain(`<UUID>${replaced.uuid}</UUID><EstatusUUID>201</EstatusUUID>`);
    expect(sw.requests.at(-1)?.path).toBe(
      `/cfdi33/cancel/${EMISOR.rfc}/${replaced.uuid}/01/${replacement.uuid}`,
    );
  });

  it('cancels with motive 02 at once up to $1,000; a retried cancel (SAT 202) is fine too', async () => {
    const client = pac();
    const small = await client.stamp(sealedRequest(ingreso('199.00')));
    const request = lateCancel({ uuid: small.uuid, total: '230.84', motive: '02' });
    const result = await client.cancel(request);
    expect(result.status).toBe('canceled');
    expect(sw.requests.at(-1)?.path).toBe(`/cfdi33/cancel/${EMISOR.rfc}/${small.uuid}/02/`);

    const retried = await client.cancel(request);
    expect(retried.status).toBe('canceled');
    expect(retried.acuseXml).toContain('<EstatusUUID>202</EstatusUUID>');
  });

  it('a UUID SAT does not know (205) and a 5xx on cancel are rejected and unavailable', async () => {
    const request = lateCancel({ uuid: randomUUID().toUpperCase(), total: '230.84', motive: '02' });
    const unknown = await pacError(pac().cancel(request));
    expect(unknown).toMatchObject({ kind: 'rejected', details: { code: '205' } });

    sw.down();
    const down = await pacError(pac().cancel(request));
    expect(down.kind).toBe('unavailable');
  });
});
