import { Consumer, type ConsumerClientInterface, ConsumerClientResponse } from '@nodecfdi/sat-estado-cfdi';
import { describe, expect, it } from 'vitest';
import { consultaResponseXml } from '../../../test/fakes/fake-sat-status-server.js';
import { type CfdiStatusResult, SatUnavailableError } from './cfdi-status.js';
import { type ConsultaAcuse, interpretConsultaAcuse, readConsultaResponse } from './cfdi-status-response.js';
import { SAT_CONSULTA_CFDI_URL } from './cfdi-status-soap-client.js';

const NOW = new Date('2026-11-03T17:00:00Z');
const FOUND = 'S - Comprobante obtenido satisfactoriamente.';

function acuse(fields: Partial<ConsultaAcuse>): ConsultaAcuse {
  return {
    CodigoEstatus: FOUND,
    EsCancelable: '',
    Estado: '',
    EstatusCancelacion: '',
    ValidacionEFOS: '',
    ...fields,
  };
}

/** What @nodecfdi/sat-estado-cfdi makes of the same strings, in our vocabulary. */
async function nodecfdiReading(fields: ConsultaAcuse): Promise<Partial<CfdiStatusResult>> {
  const response = new ConsumerClientResponse();
  response.set({ ...fields });
  const fakeClient: ConsumerClientInterface = { consume: () => response };
  const status = await new Consumer(fakeClient).executeAsync('?re=&rr=&tt=&id=');
  const document = status.getDocument();
  const cancellable = status.getCancellable();
  const cancellation = status.getCancellation();
  return {
    document: document.isActive() ? 'vigente' : document.isCanceled() ? 'cancelado' : 'no_encontrado',
    cancellable: cancellable.byDirectCall()
      ? 'cancelable_sin_aceptacion'
      : cancellable.byApproval()
        ? 'cancelable_con_aceptacion'
        : 'no_cancelable',
    cancellation: cancellation.isPending()
      ? 'en_proceso'
      : cancellation.isCancelledByExpiration()
        ? 'plazo_vencido'
        : cancellation.isCancelledByApproval()
          ? 'cancelado_con_aceptacion'
          : cancellation.isCancelledByDirectCall()
            ? 'cancelado_sin_aceptacion'
            : cancellation.isDisapprved()
              ? 'solicitud_rechazada'
              : 'none',
  };
}

describe('reading SAT’s Consulta response', () => {
  it('reads the Acuse whatever prefix binds the data-contract namespace, with entities and CDATA', () => {
    const xml = `<?xml version="1.0"?>
      <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
        <r:ConsultaResponse xmlns:r="http://tempuri.org/"><r:ConsultaResult
            xmlns:b="http://schemas.datacontract.org/2004/07/Sat.Cfdi.Negocio.ConsultaCfdi.Servicio">
          <b:CodigoEstatus>S - Comprobante obtenido satisfactoriamente.</b:CodigoEstatus>
          <b:EsCancelable>Cancelable sin aceptaci&#243;n</b:EsCancelable>
          <b:Estado><![CDATA[Vigente]]></b:Estado>
          <b:EstatusCancelacion i:nil="true" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/>
          <b:ValidacionEFOS>200</b:ValidacionEFOS>
        </r:ConsultaResult></r:ConsultaResponse></soap:Body></soap:Envelope>`;
    expect(readConsultaResponse(xml)).toEqual({
      CodigoEstatus: FOUND,
      EsCancelable: 'Cancelable sin aceptación',
      Estado: 'Vigente',
      EstatusCancelacion: '',
      ValidacionEFOS: '200',
    });
  });

  it('ignores look-alike elements outside SAT’s namespace', () => {
    const xml = consultaResponseXml({ CodigoEstatus: FOUND, Estado: 'Vigente' }).replace(
      '<ConsultaResult ',
      '<x:Estado xmlns:x="urn:otro">Cancelado</x:Estado><ConsultaResult ',
    );
    expect(readConsultaResponse(xml).Estado).toBe('Vigente');
  });

  it('throws SatUnavailableError for a SOAP fault and for anything that is not a ConsultaResult', () => {
    const fault =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
      '<faultcode>s:Client</faultcode><faultstring xml:lang="es-MX">Mensaje no válido</faultstring>' +
      '</s:Fault></s:Body></s:Envelope>';
    expect(() => readConsultaResponse(fault)).toThrow(SatUnavailableError);
    expect(() => readConsultaResponse(fault)).toThrow(/Mensaje no válido/);
    for (const garbage of ['', 'OK', '<html><body>502 Bad Gateway</body></html>', '<ConsultaResult']) {
      expect(() => readConsultaResponse(garbage)).toThrow(SatUnavailableError);
    }
  });
});

describe('interpreting the Acuse', () => {
  const documented: Partial<ConsultaAcuse>[] = [
    { Estado: 'Vigente', EsCancelable: 'Cancelable sin aceptación' },
    { Estado: 'Vigente', EsCancelable: 'Cancelable con aceptación', EstatusCancelacion: 'En proceso' },
    {
      Estado: 'Vigente',
      EsCancelable: 'Cancelable con aceptación',
      EstatusCancelacion: 'Solicitud rechazada',
    },
    { Estado: 'Vigente', EsCancelable: 'No cancelable' },
    { Estado: 'Cancelado', EsCancelable: 'No cancelable', EstatusCancelacion: 'Plazo vencido' },
    { Estado: 'Cancelado', EsCancelable: 'No cancelable', EstatusCancelacion: 'Cancelado con aceptación' },
    { Estado: 'Cancelado', EsCancelable: 'No cancelable', EstatusCancelacion: 'Cancelado sin aceptación' },
  ];

  it.each(documented)('agrees with @nodecfdi/sat-estado-cfdi on documented texts: %o', async (fields) => {
    const ours = interpretConsultaAcuse(acuse(fields), NOW);
    expect(ours).toMatchObject(await nodecfdiReading(acuse(fields)));
  });

  it('tolerates SAT’s accents and capitals varying', () => {
    const outcome = interpretConsultaAcuse(
      acuse({
        Estado: ' VIGENTE ',
        EsCancelable: 'Cancelable con aceptacion',
        EstatusCancelacion: 'En Proceso.',
      }),
      NOW,
    );
    expect(outcome).toMatchObject({
      document: 'vigente',
      cancellable: 'cancelable_con_aceptacion',
      cancellation: 'en_proceso',
    });
  });

  it.each([
    ['100', 'efos_100'],
    ['101', 'efos_100'],
    ['104', 'efos_100'],
    ['200', 'efos_200'],
    ['201', 'not_listed'],
    ['102', 'not_listed'],
    ['', 'unknown'],
    ['300', 'unknown'],
  ])('maps ValidacionEFOS %s to %s', (code, efos) => {
    expect(interpretConsultaAcuse(acuse({ Estado: 'Vigente', ValidacionEFOS: code }), NOW)).toMatchObject({
      efos,
    });
  });

  it('reads "N - 602" with an empty Estado as no_encontrado', () => {
    const outcome = interpretConsultaAcuse(
      acuse({ CodigoEstatus: 'N - 602: Comprobante no encontrado.' }),
      NOW,
    );
    expect(outcome).toMatchObject({ checked: true, document: 'no_encontrado' });
  });

  it('does not claim a status when SAT rejects the expression (N - 601)', () => {
    const outcome = interpretConsultaAcuse(
      acuse({ CodigoEstatus: 'N - 601: La expresión impresa proporcionada no es válida.' }),
      NOW,
    );
    expect(outcome).toEqual({
      checked: false,
      reason:
        'El SAT no aceptó los datos de la consulta (N - 601: La expresión impresa proporcionada no es válida.): no verificado.',
    });
  });

  it('throws SatUnavailableError for an Estado it does not know, rather than guessing vigente', () => {
    expect(() => interpretConsultaAcuse(acuse({ Estado: 'Suspendido' }), NOW)).toThrow(SatUnavailableError);
    expect(() => interpretConsultaAcuse(acuse({ Estado: '' }), NOW)).toThrow(SatUnavailableError);
  });

  it('uses the same production address as @nodecfdi/sat-estado-cfdi', () => {
    expect(SAT_CONSULTA_CFDI_URL).toBe(Consumer.WEBSERVICE_URI_PRODUCTION);
  });
});
