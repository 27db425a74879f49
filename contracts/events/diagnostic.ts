// The diagnostic visit (diagnostic sociotechnique, DST) and its report.
import { z } from 'zod';
import { entityId, euros, isoDate, LIMITS, shortName, noteText } from '../fields.js';
import { landlordKindSchema, reportPartSchema, reportRecipientSchema, seasonSchema, sendingChannelSchema } from '../enums/household.js';
import {
  billsSchema, compositionSchema, debtSchema, findingsSchema, incomeSchema, installedEquipmentSchema, visitorsSchema,
} from '../parts/diagnostic.js';
import { defineEvent } from './define.js';

export const diagnosticVisitCompletedV1 = defineEvent(
  'DiagnosticVisitCompleted',
  1,
  z.strictObject({
    visitId: entityId,
    visitDate: isoDate,
    season: seasonSchema,
    visitors: visitorsSchema,
    findings: findingsSchema,
    composition: compositionSchema,
    income: incomeSchema,
    bills: billsSchema,
    /** Dépenses annuelles d'énergie du logement, when the visitors could establish them. */
    annualEnergySpending: euros.optional(),
    debts: z.array(debtSchema).max(LIMITS.listMedium),
    equipmentInstalled: z.array(installedEquipmentSchema).max(LIMITS.listMedium),
    note: noteText.optional(),
  }),
);
export type DiagnosticVisitCompletedData = z.infer<typeof diagnosticVisitCompletedV1.schema>;

export const diagnosticReportIssuedV1 = defineEvent(
  'DiagnosticReportIssued',
  1,
  z.strictObject({
    reportId: entityId,
    visitId: entityId,
    issuedOn: isoDate,
    parts: z.array(reportPartSchema).min(1).max(2),
    /** The management validation of the compiled report, when there is one. */
    validatedBy: shortName.optional(),
  }),
);
export type DiagnosticReportIssuedData = z.infer<typeof diagnosticReportIssuedV1.schema>;

export const diagnosticReportSentV1 = defineEvent(
  'DiagnosticReportSent',
  1,
  z
    .strictObject({
      reportId: entityId,
      sentOn: isoDate,
      recipient: reportRecipientSchema,
      landlordKind: landlordKindSchema.optional(),
      channel: sendingChannelSchema.optional(),
    })
    .refine((d) => d.recipient !== 'landlord' || d.landlordKind !== undefined, {
      message: 'a report sent to a landlord says which kind of landlord',
      path: ['landlordKind'],
    }),
);
export type DiagnosticReportSentData = z.infer<typeof diagnosticReportSentV1.schema>;

export const diagnosticEvents = [diagnosticVisitCompletedV1, diagnosticReportIssuedV1, diagnosticReportSentV1] as const;
