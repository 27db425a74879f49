// Payloads of the auditor's endpoints: the replay of a pathway as of an instant under a
// policy version, and the verification of the events' hash chains (tamper evidence).
import { z } from 'zod';
import { classificationSchema } from './classification-resources.js';
import { fullViewSchema } from './pathway-views.js';

export const REASONING_LANGUAGES = ['fr', 'en'] as const;

export const replayQuery = z.strictObject({
  asOf: z.iso.datetime({ offset: true }).optional().describe('Rebuild from the events recorded up to this instant (default: all)'),
  policy: z.string().min(1).max(100).optional().describe('Policy version id; default: the version in force on the asOf date, or today'),
  lang: z.enum(REASONING_LANGUAGES).default('fr').describe('Language of the rendered reasoning'),
});

export const replaySchema = z
  .object({
    pathwayId: z.string(),
    revision: z.number().int().describe('Last stream revision recorded by asOf'),
    asOf: z.string().optional(),
    policyId: z.string(),
    state: fullViewSchema.describe('Full view of the pathway as of the instant'),
    classification: classificationSchema,
    reasoning: z.object({
      language: z.enum(REASONING_LANGUAGES),
      steps: z.array(z.string()).describe('One rendered line per reasoning step'),
      text: z.string().describe('The whole account, title first'),
    }),
  })
  .meta({ id: 'PathwayReplay' });

export const BREAK_REASONS = ['content_altered', 'previous_hash_mismatch', 'revision_gap', 'unreadable'] as const;

export const brokenLinkSchema = z
  .object({
    streamId: z.string(),
    revision: z.number().int(),
    eventId: z.string(),
    reason: z.enum(BREAK_REASONS),
  })
  .meta({ id: 'BrokenLink' });

export const streamVerificationSchema = z
  .object({
    streamId: z.string(),
    checked: z.number().int().describe('Events whose link held, from revision 0'),
    intact: z.boolean(),
    broken: brokenLinkSchema.nullable().describe('The first broken link, if any'),
  })
  .meta({ id: 'StreamVerification' });

export const storeVerificationSchema = z
  .object({
    scope: z.enum(['all', 'territories']).describe("territories: a coordinator verifies the pathway streams of their territories only"),
    streams: z.number().int(),
    checked: z.number().int(),
    intact: z.boolean(),
    brokenStreams: z.array(brokenLinkSchema).describe('The first broken link of every broken stream, in store order'),
    firstBroken: brokenLinkSchema.nullable(),
    verifiedAt: z.string(),
  })
  .meta({ id: 'StoreVerification' });
