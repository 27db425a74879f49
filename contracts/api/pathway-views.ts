// The two views `GET /v1/pathways/{id}` answers, as published contracts. The domain builds them
// (domain/pathway/views.ts) from the pathway's state, which is mostly the facts' own data; these
// schemas say so with the facts' schemas. Strict objects: a field the views gain without being
// published here fails the journey tests, whose every step holds the real views to them
// (tests/api/journeys/steps.ts: holdsToContracts).
import { z } from 'zod';
import { exitReportRecipientSchema, exitTypeSchema, programmeIdSchema, referralChannelSchema, referrerKindSchema } from '../enums.js';
import { orientationCategorySchema, orientationStatusSchema } from '../enums/orientation.js';
import { landlordKindSchema, reportPartSchema, reportRecipientSchema, sendingChannelSchema } from '../enums/household.js';
import { PATHWAY_STAGES, PATHWAY_STATUSES } from '../enums/pathway.js';
import { relayActorSchema } from '../events/orientations.js';
import { pathwayEventSchemas } from '../events/registry.js';
import { actorRef, isoDate } from '../fields.js';
import { consentSchema, externalReferenceSchema, householdSchema, referrerSchema, territorySchema } from '../parts/referral.js';

const date = isoDate;
const stage = z.enum(PATHWAY_STAGES).describe('How far the pathway got (a readable summary, not the phase the phase policy derives)');
const status = z.enum(PATHWAY_STATUSES);

export const outcomeViewSchema = z
  .strictObject({
    pathwayId: z.string(),
    programme: programmeIdSchema,
    territory: territorySchema,
    referringOrganisation: z.strictObject({ id: z.string().optional(), kind: referrerKindSchema }).describe('By id and kind only: a name could be a private person’s'),
    status,
    stage,
    referredOn: date,
    entry: z.strictObject({ decision: z.enum(['accepted', 'rejected']), decidedOn: date }).nullable(),
    diagnosticVisitDates: z.array(date),
    orientations: z.array(
      z.strictObject({
        orientationId: z.string(),
        category: orientationCategorySchema,
        dataInclusionThemes: z.array(z.string()).describe('The category’s data·inclusion themes, for partner directories'),
        status: orientationStatusSchema,
        proposedOn: date,
        statusChangedOn: date,
      }),
    ).describe('Every orientation but those of category health, which would tell of the household’s health'),
    measure: z.strictObject({ startDate: date, endsOn: date, totalMonths: z.number().int(), closedOn: date.nullable() }).nullable(),
    exit: z.strictObject({ exitType: exitTypeSchema, exitDate: date }).nullable(),
    exits: z.array(z.strictObject({ exitType: exitTypeSchema, exitDate: date, reopenedOn: date.nullable() })),
    reopenCount: z.number().int(),
    lastActivityOn: date,
  })
  .describe('Outcome-level data only, for referrers and partner systems: no personal data at all')
  .meta({ id: 'PathwayOutcomeView' });

const entryDecision = z.strictObject({ decision: z.enum(['accepted', 'rejected']), decidedOn: date, decidedBy: actorRef, reason: z.string().optional() });

const pause = z.strictObject({ startDate: date, reason: z.string(), endDate: date.nullable().describe('null while the pause lasts'), endReason: z.string().optional() });

const exitState = z.strictObject({
  exitDate: date,
  exitType: exitTypeSchema,
  reason: z.string().optional(),
  reportedTo: z.array(z.strictObject({ recipient: exitReportRecipientSchema, reportedOn: date, channel: sendingChannelSchema.optional(), note: z.string().optional() })),
  reopenedOn: date.nullable(),
  reopenReason: z.string().optional(),
});

const measure = z.strictObject({
  contractId: z.string(),
  signedOn: date,
  startDate: date,
  initialMonths: z.number().int(),
  totalMonths: z.number().int().describe('Initial length plus every renewal'),
  endsOn: date.describe('Last day of the measure (inclusive)'),
  sentToFunderOn: date.optional(),
  objectives: z.string().optional(),
  renewals: z.array(pathwayEventSchemas.MeasureRenewed),
  reviews: z.array(pathwayEventSchemas.PeriodicReviewRecorded),
  progressNotes: z.array(pathwayEventSchemas.MonthlyProgressNoteSigned),
  closedOn: date.nullable().describe('The exit date when the pathway exited during the measure'),
});

const orientation = z.strictObject({
  orientationId: z.string(),
  category: orientationCategorySchema,
  relayActor: relayActorSchema,
  proposedOn: date,
  note: z.string().optional(),
  status: orientationStatusSchema,
  statusChangedOn: date,
  history: z.array(z.strictObject({ status: orientationStatusSchema, on: date, note: z.string().optional() })),
});

const report = z.strictObject({
  reportId: z.string(),
  visitId: z.string(),
  issuedOn: date,
  parts: z.array(reportPartSchema),
  validatedBy: z.string().optional(),
  // A sending is the DiagnosticReportSent fact without its reportId (its schema refines, so it cannot omit).
  sendings: z.array(
    z.strictObject({ sentOn: date, recipient: reportRecipientSchema, landlordKind: landlordKindSchema.optional(), channel: sendingChannelSchema.optional() }),
  ),
});

export const fullViewSchema = z
  .strictObject({
    id: z.string(),
    programme: programmeIdSchema,
    territory: territorySchema,
    referrer: referrerSchema,
    referralChannel: referralChannelSchema,
    externalReference: externalReferenceSchema.optional(),
    referredOn: date,
    stayStartedOn: date.describe('When the current stay began: the referral, or the last reopening (facts recorded since are dated from it on)'),
    household: householdSchema,
    consent: consentSchema,
    status,
    stage,
    assignedOfficerId: z.string().nullable(),
    assignedOfficer: pathwayEventSchemas.VisitOfficerAssigned.nullable().describe('The officer in charge as assigned (name, date)'),
    entry: entryDecision.nullable().describe('The decision on the current entry (null while awaited, or when the programme has none)'),
    entryDecisions: z.array(entryDecision).describe('Every entry decision, those before a reopening included'),
    contactAttempts: z.array(pathwayEventSchemas.ContactAttempted.extend({ closedDoorId: z.string().nullable() })),
    scheduledVisits: z.array(pathwayEventSchemas.VisitScheduled),
    closedDoors: z.array(pathwayEventSchemas.ClosedDoorRecorded),
    diagnostics: z.array(pathwayEventSchemas.DiagnosticVisitCompleted),
    reports: z.record(z.string(), report).describe('By reportId'),
    orientations: z.record(z.string(), orientation).describe('By orientationId'),
    contacts: z.record(z.string(), pathwayEventSchemas.SupportContactRecorded).describe('Support contacts by contactId'),
    pauses: z.array(pause),
    evaluations: z.array(pathwayEventSchemas.EvaluationRecorded),
    exits: z.array(exitState),
    measure: measure.nullable(),
    pastMeasures: z.array(measure).describe('Measures of earlier stays, before a reopening'),
    settlements: z.array(pathwayEventSchemas.PhaseSettled),
    reopenCount: z.number().int(),
    reopenings: z
      .array(z.strictObject({ reopenedOn: date, reason: z.string(), after: z.enum(['exit', 'rejection']) }))
      .describe('Every reopening in order, after an exit or after a rejected entry'),
    lastActivityOn: date.describe('Latest business date of anything that happened (visits still to come excluded)'),
    activePause: pause.nullable(),
    currentExit: exitState.nullable(),
    measureInProgress: measure.nullable(),
  })
  .describe('The whole record, personal data included, for the roles entitled to it')
  .meta({ id: 'PathwayFullView' });
