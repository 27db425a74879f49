// Commands: complete the diagnostic visit, issue its report, send the report.
import { z } from 'zod';
import { entityId, euros, isoDate, LIMITS, shortName, noteText } from '../fields.js';
import { landlordKindSchema, reportPartSchema, reportRecipientSchema, seasonSchema, sendingChannelSchema } from '../enums/household.js';
import {
  billsSchema, compositionSchema, debtSchema, findingsSchema, incomeSchema, installedEquipmentSchema, visitorsSchema,
} from '../parts/diagnostic.js';

export const completeDiagnosticVisitCommand = z.strictObject({
  visitId: entityId.optional(),
  visitDate: isoDate,
  season: seasonSchema,
  visitors: visitorsSchema,
  findings: findingsSchema,
  composition: compositionSchema,
  income: incomeSchema,
  bills: billsSchema.default([]),
  annualEnergySpending: euros.optional(),
  debts: z.array(debtSchema).max(LIMITS.listMedium).default([]),
  equipmentInstalled: z.array(installedEquipmentSchema).max(LIMITS.listMedium).default([]),
  note: noteText.optional(),
});

export const issueDiagnosticReportCommand = z.strictObject({
  reportId: entityId.optional(),
  /** The diagnostic visit reported on; defaults to the latest one. */
  visitId: entityId.optional(),
  issuedOn: isoDate,
  parts: z.array(reportPartSchema).min(1).max(2).default(['family_summary', 'technical_summary']).describe('Recorded once each: a part named twice is kept once'),
  validatedBy: shortName.optional(),
});

export const sendDiagnosticReportCommand = z
  .strictObject({
    /** The report sent; defaults to the latest one issued. */
    reportId: entityId.optional(),
    sentOn: isoDate,
    recipient: reportRecipientSchema,
    landlordKind: landlordKindSchema.optional(),
    channel: sendingChannelSchema.optional(),
  })
  .refine((d) => d.recipient !== 'landlord' || d.landlordKind !== undefined, {
    message: 'a report sent to a landlord says which kind of landlord (private or social)',
    path: ['landlordKind'],
  });
