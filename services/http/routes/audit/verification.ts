import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { storeVerificationSchema, streamVerificationSchema } from '../../../../contracts/api/audit-resources.js';
import { pathwayIdParams } from '../../../../contracts/api/pathway-resources.js';
import { UnreadableEventError } from '../../../../infra/eventstore/errors.js';
import type { EventStore, StoredEvent } from '../../../../infra/eventstore/port.js';
import { StoreScanError, verifyStore, verifyStream } from '../../../audit/chain-verification.js';
import { pathwayStreamId } from '../../../pathways/load-pathway.js';
import { auditTerritories, requireAudit } from '../../read-access.js';
import { principalOf } from '../../plugins/authentication.js';
import { errorResponses, ProblemError } from '../../problem.js';

/** Tamper evidence: verify the hash chain of one pathway's stream, or of every stream. */
const verificationRoutes: FastifyPluginAsyncZod<{ store: EventStore }> = async (app, { store }) => {
  app.get(
    '/v1/audit/pathways/:pathwayId/verification',
    {
      schema: {
        tags: ['audit'],
        operationId: 'VerifyPathwayChain',
        summary: "Verify the hash chain of a pathway's events; reports the first broken link, if any",
        params: pathwayIdParams,
        response: { 200: streamVerificationSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { pathwayId } = request.params;
      const actor = principalOf(request);
      requireAudit(actor);
      // The scope from the referral alone: a later event that no longer reads is what the
      // auditor came to find, and must not turn the answer into an error.
      const referral = await firstEvent(store, pathwayStreamId(pathwayId));
      if (referral === null) throw new ProblemError(404, 'pathway.not_found', `No pathway ${pathwayId}.`);
      if (actor.role === 'coordinator') {
        const territory = referral === 'unreadable' ? undefined : territoryOf(referral.data);
        if (territory === undefined) {
          throw new ProblemError(403, 'audit.territory_unknown', "This pathway's referral cannot be read, so its territory is unknown; an auditor can verify it.");
        }
        requireAudit(actor, { territory });
      }
      return verifyStream(store, pathwayStreamId(pathwayId));
    },
  );

  app.get(
    '/v1/audit/verification',
    {
      schema: {
        tags: ['audit'],
        operationId: 'VerifyStore',
        summary: 'Verify the hash chain of every stream (coordinators: the pathways of their territories); reports the first broken link of each broken stream',
        response: { 200: storeVerificationSchema, ...errorResponses(401, 403, 500) },
      },
    },
    async (request) => {
      const actor = principalOf(request);
      requireAudit(actor);
      const territories = auditTerritories(actor);
      try {
        const report = await verifyStore(store, territories === null ? {} : { include: (streamId, first) => inTerritories(streamId, first.data, territories) });
        return { scope: territories === null ? ('all' as const) : ('territories' as const), ...report, verifiedAt: new Date().toISOString() };
      } catch (error) {
        if (error instanceof StoreScanError) throw new ProblemError(500, 'audit.store_unreadable', `The store cannot be read to the end: ${error.message}.`);
        throw error;
      }
    },
  );
};

/** A coordinator's streams: pathways whose referral names one of their territories. */
function inTerritories(streamId: string, firstData: unknown, territories: string[]): boolean {
  if (!streamId.startsWith(pathwayStreamId(''))) return false;
  const code = territoryOf(firstData);
  return code !== undefined && territories.includes(code);
}

/** The territory a referral's data names. */
function territoryOf(referralData: unknown): string | undefined {
  const code = (referralData as { territory?: { code?: unknown } } | null)?.territory?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A stream's first event; null when there is none, 'unreadable' when it no longer decodes. */
async function firstEvent(store: EventStore, streamId: string): Promise<StoredEvent | null | 'unreadable'> {
  try {
    for await (const e of store.readStream(streamId, { maxCount: 1 })) return e;
    return null;
  } catch (error) {
    if (error instanceof UnreadableEventError) return 'unreadable';
    throw error;
  }
}

export default verificationRoutes;
