export {
  type CfdiStatusOutcome,
  type CfdiStatusQuery,
  type CfdiStatusResult,
  createOfflineSatStatusClient,
  OFFLINE_REASON,
  type SatCancellableStatus,
  type SatCancellationStatus,
  type SatDocumentStatus,
  type SatEfosStatus,
  type SatStatusClient,
  SatUnavailableError,
  type SatUnavailableKind,
} from './cfdi-status.js';
export {
  buildConsultaEnvelope,
  buildConsultaExpression,
  createSoapSatStatusClient,
  InvalidCfdiStatusQueryError,
  SAT_CONSULTA_CFDI_URL,
  SAT_CONSULTA_SOAP_ACTION,
  type SoapSatStatusClientOptions,
} from './cfdi-status-soap-client.js';
export {
  type Efos69bEntry,
  type Efos69bItem,
  type Efos69bList,
  type Efos69bNotice,
  type Efos69bSituation,
  type Parse69bOptions,
  parse69bList,
  read69bList,
} from './efos-69b-list.js';
