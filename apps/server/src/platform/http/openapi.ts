import type { OpenAPIV3_1 } from 'openapi-types';

const PROBLEM_SCHEMA: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details; `detail` is Spanish text a person can act on.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable machine code, e.g. VALIDATION_FAILED, MEMBER_NOT_FOUND.' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Documents the one error format on every operation: 4XX and 5XX answer application/problem+json. */
export function withProblemResponses(document: OpenAPIV3_1.Document): OpenAPIV3_1.Document {
  const problem = { $ref: '#/components/schemas/Problem' };
  const response = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: problem } },
  });
  const paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).map(([path, item]) => {
      const operations = { ...item } as Record<string, OpenAPIV3_1.OperationObject>;
      for (const method of METHODS) {
        const operation = operations[method];
        if (!operation) continue;
        operations[method] = {
          ...operation,
          responses: {
            ...operation.responses,
            '4XX': response('Error del cliente (problem+json)'),
            '5XX': response('Error del servidor (problem+json)'),
          },
        };
      }
      return [path, operations];
    }),
  );
  return {
    ...document,
    paths,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
    },
  };
}
