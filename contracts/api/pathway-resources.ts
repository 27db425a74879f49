// Payloads the API answers for pathways (the request bodies are the command schemas).
import { z } from 'zod';
import { entityId } from '../fields.js';

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
    pathway: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Pathway' });

export const pathwayReadQuery = z.strictObject({
  asOf: z.iso.datetime({ offset: true }).optional().describe('Return the state as the service knew it at this instant (ISO 8601)'),
});

export const pathwayListQuery = z.strictObject({
  programme: z.string().max(64).optional(),
  territory: z.string().max(100).optional(),
  status: z.enum(['awaiting_validation', 'active', 'paused', 'rejected', 'exited']).optional(),
  assignedOfficer: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
});

export const pathwaySummarySchema = z.object({
  pathwayId: z.string(),
  programme: z.string(),
  territory: z.string(),
  status: z.string(),
  stage: z.string(),
  assignedOfficerId: z.string().nullable(),
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

export const storedEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  schemaVersion: z.number().int(),
  revision: z.number().int(),
  globalPosition: z.number().int(),
  recordedAt: z.string(),
  occurredAt: z.string(),
  principal: z.object({ id: z.string(), role: z.string(), organisationId: z.string().optional() }),
  correlationId: z.string(),
  causationId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const eventPageSchema = z
  .object({ items: z.array(storedEventSchema), nextAfter: z.number().int().nullable() })
  .meta({ id: 'PathwayEventPage' });
