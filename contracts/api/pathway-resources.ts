// Payloads the API answers for pathways (the request bodies are the command schemas).
import { z } from 'zod';
import { ALL_PATHWAY_EVENT_DEFINITIONS } from '../events/registry.js';
import { programmeIdSchema } from '../enums.js';
import { PATHWAY_STAGES, PATHWAY_STATUSES } from '../enums/pathway.js';
import { entityId } from '../fields.js';
import { fullViewSchema, outcomeViewSchema } from './pathway-views.js';

export const pathwayIdParams = z.strictObject({ pathwayId: entityId.describe('The pathway id') });

export const commandAcceptedSchema = z
  .object({
    pathwayId: z.string(),
    revision: z.number().int().describe('Stream revision after the command: send it back as If-Match'),
    events: z
      .array(
        z.object({
          id: z.string(),
          type: z.string(),
          revision: z.number().int(),
          ids: z
            .record(z.string(), z.string())
            .optional()
            .describe('The identifiers the fact carries (orientationId, visitId, contactId...): those the service minted when the command named none'),
        }),
      )
      .describe('The facts recorded by the command'),
  })
  .meta({ id: 'CommandAccepted' });

export const pathwayResourceSchema = z
  .object({
    pathwayId: z.string(),
    revision: z.number().int(),
    view: z.enum(['full', 'outcome']).describe('full: the whole record; outcome: stage, orientations and exit only (referrers, partner systems)'),
    asOf: z.string().optional(),
    pathway: z.union([fullViewSchema, outcomeViewSchema]).describe('The view named by `view`'),
  })
  .meta({ id: 'Pathway' });

export const pathwayReadQuery = z.strictObject({
  asOf: z.iso.datetime({ offset: true }).optional().describe('Return the state as the service knew it at this instant (ISO 8601)'),
});

export const pathwayListQuery = z.strictObject({
  programme: programmeIdSchema.optional(),
  territory: z.string().max(100).optional(),
  status: z.enum(PATHWAY_STATUSES).optional(),
  assignedOfficer: z.string().max(200).optional().describe('Staff only: referrers and partner systems get 403 auth.outcome_only'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
});

export const pathwaySummarySchema = z.object({
  pathwayId: z.string(),
  programme: programmeIdSchema,
  territory: z.string(),
  status: z.enum(PATHWAY_STATUSES),
  stage: z.enum(PATHWAY_STAGES),
  assignedOfficerId: z.string().nullable().optional().describe('Absent for referrers and partner systems, who see outcomes only'),
  referredOn: z.string(),
  lastActivityOn: z.string(),
  revision: z.number().int(),
});

export const pathwayListSchema = z
  .object({ items: z.array(pathwaySummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'PathwayList' });

export const eventPageQuery = z.strictObject({
  after: z.coerce.number().int().min(-1).default(-1).describe('Return events with a revision greater than this'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** What every stored event carries besides its data. */
const storedEventFields = {
  id: z.string(),
  revision: z.number().int(),
  globalPosition: z.number().int(),
  recordedAt: z.string(),
  occurredAt: z.string(),
  principal: z.object({ id: z.string(), role: z.string(), organisationId: z.string().optional() }),
  correlationId: z.string(),
  causationId: z.string().optional(),
  hash: z.string(),
};

/**
 * A stored event as written: one alternative per event type and schema version ever defined
 * (an old event keeps the shape of its version; the service upcasts it when it folds, not here).
 */
export const storedEventSchema = z.union(
  ALL_PATHWAY_EVENT_DEFINITIONS.map((def) =>
    z
      .strictObject({ ...storedEventFields, type: z.literal(def.type), schemaVersion: z.literal(def.version), data: def.schema })
      .meta({ id: `${def.type}V${def.version}Event` }),
  ),
);

export const eventPageSchema = z
  .object({ items: z.array(storedEventSchema), nextAfter: z.number().int().nullable() })
  .meta({ id: 'PathwayEventPage' });
