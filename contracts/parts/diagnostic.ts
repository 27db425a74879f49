// Parts of a diagnostic visit (diagnostic sociotechnique) and of an evaluation: visitors,
// findings on the dwelling / equipment / habits, household composition, income, bills, debts.
import { z } from 'zod';
import { boundedCount, entityId, euros, isoDate, labelText, LIMITS, shortName, noteText, quantity } from '../fields.js';
import {
  consumptionUnitSchema, debtKindSchema, equipmentKindSchema, familySituationSchema, utilitySchema, visitorRoleSchema,
} from '../enums/household.js';

export const visitorSchema = z.strictObject({
  personId: entityId.optional(),
  name: shortName,
  role: visitorRoleSchema,
  organisation: shortName.optional(),
});
/** One visit, often by a pair (binôme). */
export const visitorsSchema = z.array(visitorSchema).min(1).max(4);
export type Visitor = z.infer<typeof visitorSchema>;

export const dwellingFindingsSchema = z.strictObject({
  dwellingType: z.enum(['house', 'flat', 'other']).optional(),
  constructionPeriod: z.enum(['before_1949', '1949_1974', '1975_2000', 'after_2000', 'unknown']).optional(),
  livingAreaM2: z.number().positive().max(2000).optional(),
  insulation: z.enum(['none', 'poor', 'average', 'good', 'unknown']).optional(),
  dampness: z.boolean().optional(),
  indoorTemperatureC: z.number().min(-20).max(50).optional(),
  relativeHumidityPercent: z.number().min(0).max(100).optional(),
  notes: noteText.optional(),
});

export const equipmentFindingsSchema = z.strictObject({
  mainHeating: utilitySchema.optional(),
  heatingSystem: labelText.optional(),
  hotWater: labelText.optional(),
  obsoleteEquipment: z.boolean().optional(),
  notes: noteText.optional(),
});

export const habitsFindingsSchema = z.strictObject({
  heatingSelfRestriction: z.boolean().optional(),
  notes: noteText.optional(),
});

export const findingsSchema = z.strictObject({
  dwelling: dwellingFindingsSchema,
  equipment: equipmentFindingsSchema,
  habits: habitsFindingsSchema,
});
export type Findings = z.infer<typeof findingsSchema>;

/**
 * Household composition, enough for the modified OECD scale (1 for the first adult, 0.5 per
 * other person aged 14 or more, 0.3 per child under 14) used by the ONPE indicators.
 */
export const compositionSchema = z
  .strictObject({
    personsAged14OrMore: boundedCount(30).min(1),
    childrenUnder14: boundedCount(30),
    familySituation: familySituationSchema.optional(),
  });
export type Composition = z.infer<typeof compositionSchema>;

export const incomeSchema = z.strictObject({
  /** Revenu disponible annuel du ménage: the denominator of the energy effort rate. */
  annualDisposableIncome: euros,
  monthlyNetIncome: euros.optional(),
  sources: z.array(labelText).max(LIMITS.listSmall).optional(),
});
export type Income = z.infer<typeof incomeSchema>;

export const billSchema = z
  .strictObject({
    utility: utilitySchema,
    supplier: shortName,
    periodStart: isoDate,
    periodEnd: isoDate,
    amountEuros: euros,
    consumption: z.strictObject({ value: quantity, unit: consumptionUnitSchema }).optional(),
    /** Mensualisation: the monthly instalment, when the household pays monthly. */
    monthlyInstalmentEuros: euros.optional(),
    meterReading: quantity.optional(),
  })
  .refine((b) => b.periodStart <= b.periodEnd, { message: 'periodEnd is before periodStart', path: ['periodEnd'] });
export type Bill = z.infer<typeof billSchema>;
export const billsSchema = z.array(billSchema).max(LIMITS.listMedium);

export const debtSchema = z.strictObject({
  kind: debtKindSchema,
  creditor: shortName,
  amountEuros: euros,
  /** Plan d'apurement. */
  repaymentPlan: z
    .strictObject({
      monthlyAmountEuros: euros,
      startDate: isoDate.optional(),
      months: boundedCount(240).optional(),
    })
    .optional(),
});
export type Debt = z.infer<typeof debtSchema>;

export const installedEquipmentSchema = z.strictObject({
  kind: equipmentKindSchema,
  quantity: boundedCount(100).min(1),
  note: labelText.optional(),
});
export type InstalledEquipment = z.infer<typeof installedEquipmentSchema>;
