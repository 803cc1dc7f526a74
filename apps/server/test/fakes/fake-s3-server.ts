import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for an S3-compatible service that speaks the REST wire format the AWS SDK uses with
 * path-style addressing (`/<bucket>/<key>`): PutObject (honouring `If-None-Match: *`), GetObject
 * and DeleteObject on one bucket, objects kept in memory. Requests must be SigV4-signed with the
 * expected access key id (the signature itself is not verified).
 */

export interface RecordedS3Request {
  method: string;
  /** The object key, URL-decoded, without the bucket. */
  key: string;
  headers: IncomingMessage['headers'];
}

export interface FakeS3Server {
  /** The endpoint to give the SDK (with forcePathStyle). */
  url: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Stored objects by key (prefix included). */
  objects: Map<string, Buffer>;
  requests: RecordedS3Request[];
  close(): Promise<void>;
}

function errorXml(code: string, message: string, resource: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource}</Resource>` +
    '<RequestId>FAKE0000000000000</RequestId></Error>'
  );
}

function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  resource: string,
) {
  const body = errorXml(code, message, resource);
  response.writeHead(status, {
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(body),
    'x-amz-request-id': 'FAKE0000000000000',
  });
  response.end(body);
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeS3Server(
  options: { bucket?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<FakeS3Server> {
  const bucket = options.bucket ?? 'cajachica-test';
  const accessKeyId = options.accessKeyId ?? 'FAKEACCESSKEYID';
  const secretAccessKey = options.secretAccessKey ?? 'fake-secret-access-key';
  const objects = new Map<string, Buffer>();
  const requests: RecordedS3Request[] = [];

  function answer(request: IncomingMessage, response: ServerResponse, body: Buffer) {
    const pathname = new URL(request.url ?? '/', 'http://fake').pathname;
    const [, bucketName = '', ...rest] = pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const resource = `/${bucketName}/${key}`;
    requests.push({ method: request.method ?? '', key, headers: request.headers });

    const authorization = request.headers.authorization ?? '';
    if (!authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`)) {
      return sendError(
        response,
        403,
        'InvalidAccessKeyId',
        'The AWS Access Key Id does not exist.',
        resource,
      );
    }
    const contentSha256 = request.headers['x-amz-content-sha256'];
    if (contentSha256 !== 'UNSIGNED-PAYLOAD' && contentSha256 !== sha256(body)) {
      return sendError(response, 400, 'XAmzContentSHA256Mismatch', 'Payload hash mismatch.', resource);
    }
    if (bucketName !== bucket) {
      return sendError(response, 404, 'NoSuchBucket', 'The specified bucket does not exist.', resource);
    }
    if (!key) return sendError(response, 405, 'MethodNotAllowed', 'Only object operations.', resource);

    switch (request.method) {
      case 'PUT': {
        if (request.headers['if-none-match'] === '*' && objects.has(key)) {
          return sendError(
            response,
            412,
            'PreconditionFailed',
            'At least one of the pre-conditions you specified did not hold',
            resource,
          );
        }
        objects.set(key, body);
        response.writeHead(200, { ETag: `"${md5(body)}"`, 'Content-Length': 0 });
        return response.end();
      }
      case 'GET': {
        const stored = objects.get(key);
        if (!stored) {
          return sendError(response, 404, 'NoSuchKey', 'The specified key does not exist.', resource);
        }
        response.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Length': stored.length,
          ETag: `"${md5(stored)}"`,
        });
        return response.end(stored);
      }
      case 'DELETE': {
        objects.delete(key); // S3 answers 204 whether or not the key existed
        response.writeHead(204);
        return response.end();
      }
      default:
        return sendError(response, 405, 'MethodNotAllowed', 'Not supported by the fake.', resource);
    }
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey,
    objects,
    requests,
    close() {
      server.closeAllConnections(); // the SDK keeps its sockets alive
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}
