// Enumerations describing the household, its dwelling and the diagnostic visit.
import { z } from 'zod';

/** Statut d'occupation du logement. */
export const TENURES = ['owner_occupier', 'private_tenant', 'social_tenant', 'other'] as const;
export const tenureSchema = z.enum(TENURES);
export type Tenure = z.infer<typeof tenureSchema>;
export const TENURE_LABELS: Record<Tenure, string> = {
  owner_occupier: 'Propriétaire occupant',
  private_tenant: 'Locataire du parc privé',
  social_tenant: 'Locataire du parc social',
  other: 'Autre (hébergé, occupant à titre gratuit...)',
};

/** Summer and winter diagnostics differ; mid-season covers spring and autumn. */
export const SEASONS = ['summer', 'winter', 'mid_season'] as const;
export const seasonSchema = z.enum(SEASONS);
export type Season = z.infer<typeof seasonSchema>;
export const SEASON_LABELS: Record<Season, string> = {
  summer: 'Été',
  winter: 'Hiver',
  mid_season: 'Mi-saison',
};

/** Who visits: often a pair (binôme) of a social worker and an energy technician. */
export const VISITOR_ROLES = ['social_worker', 'energy_technician', 'visit_officer', 'tutor', 'other'] as const;
export const visitorRoleSchema = z.enum(VISITOR_ROLES);
export type VisitorRole = z.infer<typeof visitorRoleSchema>;
export const VISITOR_ROLE_LABELS: Record<VisitorRole, string> = {
  social_worker: 'Travailleur social',
  energy_technician: 'Technicien / conseiller énergie',
  visit_officer: 'Chargé de visite / médiateur éco logis',
  tutor: 'Animateur-tuteur',
  other: 'Autre',
};

export const UTILITIES = ['electricity', 'gas', 'fuel_oil', 'wood', 'lpg', 'district_heating', 'water', 'other'] as const;
export const utilitySchema = z.enum(UTILITIES);
export type Utility = z.infer<typeof utilitySchema>;
export const UTILITY_LABELS: Record<Utility, string> = {
  electricity: 'Électricité',
  gas: 'Gaz naturel',
  fuel_oil: 'Fioul',
  wood: 'Bois',
  lpg: 'GPL / propane',
  district_heating: 'Réseau de chaleur',
  water: 'Eau',
  other: 'Autre',
};

export const CONSUMPTION_UNITS = ['kwh', 'm3', 'litre', 'kg', 'stere'] as const;
export const consumptionUnitSchema = z.enum(CONSUMPTION_UNITS);
export type ConsumptionUnit = z.infer<typeof consumptionUnitSchema>;

export const DEBT_KINDS = ['energy', 'water', 'rent', 'consumer_credit', 'other'] as const;
export const debtKindSchema = z.enum(DEBT_KINDS);
export type DebtKind = z.infer<typeof debtKindSchema>;
export const DEBT_KIND_LABELS: Record<DebtKind, string> = {
  energy: 'Dette d’énergie',
  water: 'Dette d’eau',
  rent: 'Dette de loyer',
  consumer_credit: 'Crédit à la consommation',
  other: 'Autre dette',
};

export const FAMILY_SITUATIONS = ['single', 'couple', 'single_parent', 'couple_with_children', 'other'] as const;
export const familySituationSchema = z.enum(FAMILY_SITUATIONS);
export type FamilySituation = z.infer<typeof familySituationSchema>;
export const FAMILY_SITUATION_LABELS: Record<FamilySituation, string> = {
  single: 'Personne seule',
  couple: 'Couple sans enfant',
  single_parent: 'Famille monoparentale',
  couple_with_children: 'Couple avec enfant(s)',
  other: 'Autre',
};

/** Small energy-saving equipment fitted during the visit. */
export const EQUIPMENT_KINDS = [
  'led_bulb', 'power_strip', 'flow_reducer', 'shower_head', 'thermometer', 'draught_excluder', 'radiator_reflector', 'other',
] as const;
export const equipmentKindSchema = z.enum(EQUIPMENT_KINDS);
export type EquipmentKind = z.infer<typeof equipmentKindSchema>;
export const EQUIPMENT_KIND_LABELS: Record<EquipmentKind, string> = {
  led_bulb: 'Ampoule LED',
  power_strip: 'Multiprise à interrupteur',
  flow_reducer: 'Réducteur de débit',
  shower_head: 'Pommeau de douche économe',
  thermometer: 'Thermomètre',
  draught_excluder: 'Boudin de porte / joints',
  radiator_reflector: 'Réflecteur de radiateur',
  other: 'Autre',
};

/** Parts of the diagnostic report: the family summary and the technical summary. */
export const REPORT_PARTS = ['family_summary', 'technical_summary'] as const;
export const reportPartSchema = z.enum(REPORT_PARTS);
export type ReportPart = z.infer<typeof reportPartSchema>;
export const REPORT_PART_LABELS: Record<ReportPart, string> = {
  family_summary: 'Synthèse famille',
  technical_summary: 'Synthèse technique',
};

export const REPORT_RECIPIENTS = ['household', 'referrer', 'landlord'] as const;
export const reportRecipientSchema = z.enum(REPORT_RECIPIENTS);
export type ReportRecipient = z.infer<typeof reportRecipientSchema>;
export const REPORT_RECIPIENT_LABELS: Record<ReportRecipient, string> = {
  household: 'Ménage',
  referrer: 'Donneur d’alerte / prescripteur',
  landlord: 'Bailleur',
};

/** A restitution to a private landlord is billable in Pas-de-Calais, so the kind matters. */
export const LANDLORD_KINDS = ['private', 'social'] as const;
export const landlordKindSchema = z.enum(LANDLORD_KINDS);
export type LandlordKind = z.infer<typeof landlordKindSchema>;

export const SENDING_CHANNELS = ['post', 'email', 'hand_delivered', 'platform'] as const;
export const sendingChannelSchema = z.enum(SENDING_CHANNELS);
export type SendingChannel = z.infer<typeof sendingChannelSchema>;

/** Bilan: intermediate (at a month mark) or final (end of the support, often signed). */
export const REVIEW_KINDS = ['intermediate', 'final'] as const;
export const reviewKindSchema = z.enum(REVIEW_KINDS);
export type ReviewKind = z.infer<typeof reviewKindSchema>;
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  intermediate: 'Bilan intermédiaire',
  final: 'Bilan final',
};

export const REVIEW_CONCLUSIONS = ['continue', 'end', 'renew'] as const;
export const reviewConclusionSchema = z.enum(REVIEW_CONCLUSIONS);
export type ReviewConclusion = z.infer<typeof reviewConclusionSchema>;
