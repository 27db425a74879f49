import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HTTP_PROBLEM_TYPES } from '../../../contracts/api/problem-types.js';
import { REJECTIONS } from '../../../domain/pathway/rejections.js';
import { errorResponses, ProblemError } from '../problem.js';

const problemTypeSchema = z
  .object({
    type: z.string().describe('The URI reference problems of this kind carry'),
    code: z.string(),
    status: z.number().int(),
    summary: z.string(),
    from: z.enum(['http', 'pathway_rules']).describe('The HTTP layer, or a refusal of the pathway’s rules'),
  })
  .meta({ id: 'ProblemType' });

type Entry = z.infer<typeof problemTypeSchema>;

// Every code a problem may carry, by code: the decider's refusals, then the HTTP layer's (whose
// texts, written for every route, win where a code is both).
const TYPES = new Map<string, Entry>([
  ...Object.entries(REJECTIONS).map(([code, r]): [string, Entry] => [code, { type: `/problems/${code}`, code, status: r.status, summary: r.detail, from: 'pathway_rules' }]),
  ...Object.entries(HTTP_PROBLEM_TYPES).map(([code, t]): [string, Entry] => [code, { type: `/problems/${code}`, code, status: t.status, summary: t.summary, from: 'http' }]),
]);

/** The framework's other client errors leave with `http.<status>` (problem-details.ts). */
function frameworkType(code: string): Entry | undefined {
  const status = /^http\.(4\d\d)$/.exec(code)?.[1];
  if (!status) return undefined;
  return { type: `/problems/${code}`, code, status: Number(status), summary: `An HTTP error of status ${status} that has no more specific code.`, from: 'http' };
}

/** What a problem's `type` leads to: the catalogue of problem types, open like the docs. */
const problemTypes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/problems',
    { schema: { tags: ['problems'], operationId: 'ListProblemTypes', summary: 'Every problem type the API answers with, by stable code', security: [], response: { 200: z.array(problemTypeSchema) } } },
    async () => [...TYPES.values()],
  );
  app.get(
    '/problems/:code',
    {
      schema: {
        tags: ['problems'],
        operationId: 'GetProblemType',
        summary: 'What a problem type means (a problem’s `type` is this URI)',
        security: [],
        params: z.object({ code: z.string().max(100) }),
        response: { 200: problemTypeSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const entry = TYPES.get(request.params.code) ?? frameworkType(request.params.code);
      if (!entry) throw new ProblemError(404, 'problem.unknown', `No problem type ${request.params.code}; GET /problems lists them.`);
      return entry;
    },
  );
};

export default problemTypes;
