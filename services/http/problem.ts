import { z } from 'zod';

/** One invalid field: a JSON pointer into the request part, and what is wrong with it. */
export interface FieldError {
  in: string;
  path: string;
  code: string;
  message: string;
}

/** An error the API answers as RFC 9457 problem+json, with a stable machine code. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

export const problemSchema = z
  .object({
    type: z.string().describe('URI reference identifying the problem type'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().describe('Stable machine code; partner systems branch on it'),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ in: z.string(), path: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe('Field-level errors, each with a JSON pointer'),
  })
  .passthrough()
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `/problems/${code}`, title: TITLES[status] ?? 'Error', status, detail, code, ...extra };
}

/** The error responses every route documents, so the OpenAPI description lists them. */
/** What a status means on the routes that document it, where its title alone says too little. */
const DESCRIPTIONS: Record<number, string> = {
  503: 'Service Unavailable: another process holds the write lock of the event store (`store.busy`) or of the idempotency keys (`idempotency.busy`); nothing was recorded. Send the same request again after `Retry-After` seconds.',
};

export function errorResponses(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema.describe(DESCRIPTIONS[s] ?? TITLES[s] ?? 'Error')]));
}

type OpenApiDocument = { paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> };

const PROBLEM_REF = '#/components/schemas/Problem';

/**
 * The generated description gives every response the route's JSON media type; errors are sent
 * as application/problem+json (the error handler), so that is what their responses document.
 */
export function withProblemMediaType<T>(doc: T): T {
  for (const item of Object.values((doc as OpenApiDocument).paths ?? {})) {
    for (const op of Object.values(item)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const json = response.content?.['application/json'] as { schema?: { $ref?: string } } | undefined;
        // Only the problems: a route may answer an error status with a body of its own (/health/ready's 503).
        if (Number(status) < 400 || json?.schema?.$ref !== PROBLEM_REF) continue;
        response.content = { 'application/problem+json': json };
      }
    }
  }
  return doc;
}
