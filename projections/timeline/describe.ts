import {
  CONTACT_CHANNEL_LABELS, CONTACT_OUTCOME_LABELS, EXIT_REPORT_RECIPIENT_LABELS, EXIT_TYPE_LABELS, PHASE_LABELS, PROGRAMME_LABELS,
  REFERRER_KIND_LABELS, SUPPORT_CHANNEL_LABELS,
} from '../../contracts/enums.js';
import { REPORT_PART_LABELS, REPORT_RECIPIENT_LABELS, SEASON_LABELS, VISITOR_ROLE_LABELS } from '../../contracts/enums/household.js';
import { DIFFICULTY_LABELS, ORIENTATION_CATEGORY_LABELS, ORIENTATION_STATUS_LABELS, type OrientationCategory } from '../../contracts/enums/orientation.js';
import type { PathwayEvent } from '../../contracts/events/index.js';

export interface StepText {
  en: string;
  fr: string;
}

/** What a step's sentence may need beyond its own event: an earlier fact of the same pathway. */
export interface StepContext {
  orientationCategory(orientationId: string): OrientationCategory | undefined;
}

/** An enumeration's code read as English words ("energy_supplier" → "energy supplier"). */
const words = (code: string) => code.replaceAll('_', ' ');
const plural = (count: number, en: string, fr: string) => ({ en: `${count} ${en}${count > 1 ? 's' : ''}`, fr: `${count} ${fr}${count > 1 ? 's' : ''}` });
/** A label inside a French sentence: "Aides financières et FSL" → "aides financières et FSL". */
const lower = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
const frLabel = <K extends string>(labels: Record<K, string>, code: K) => lower(labels[code] ?? code);
const problemLabel = (code: string) => (DIFFICULTY_LABELS as Record<string, string>)[code] ?? (ORIENTATION_CATEGORY_LABELS as Record<string, string>)[code] ?? code;

/**
 * One readable sentence per step, in English and French (French from the published labels). It
 * says what happened and who took part, never the household's personal data (amounts, income,
 * names, free-text notes): the timeline is shown to staff who may not all need those. Staff
 * names (a deciding service, an officer, the visitors' roles) are part of the story.
 */
export function describeStep(e: PathwayEvent, context: StepContext): StepText {
  switch (e.type) {
    case 'HouseholdReferred': {
      const kind = e.data.referrer.organisationKind;
      return {
        en: `Household referred to ${e.data.programme} (territory ${e.data.territory.code}); referrer: ${words(kind)}`,
        fr: `Ménage orienté vers ${PROGRAMME_LABELS[e.data.programme]} (territoire ${e.data.territory.label ?? e.data.territory.code}) ; donneur d'alerte : ${frLabel(REFERRER_KIND_LABELS, kind)}`,
      };
    }
    case 'EntryAccepted':
      return { en: `Entry accepted on ${e.data.decidedOn}${e.data.decidedBy.name ? ` by ${e.data.decidedBy.name}` : ''}`, fr: `Entrée validée le ${e.data.decidedOn}${e.data.decidedBy.name ? ` par ${e.data.decidedBy.name}` : ''}` };
    case 'EntryRejected':
      return { en: `Entry rejected on ${e.data.decidedOn}${e.data.decidedBy.name ? ` by ${e.data.decidedBy.name}` : ''}`, fr: `Entrée refusée le ${e.data.decidedOn}${e.data.decidedBy.name ? ` par ${e.data.decidedBy.name}` : ''}` };
    case 'VisitOfficerAssigned': {
      const who = e.data.officerName ?? e.data.officerId;
      return { en: `Visit officer assigned: ${who}`, fr: `Chargé de visite désigné : ${who}` };
    }
    case 'ContactAttempted':
      return { en: `Contact attempt by ${words(e.data.channel)}: ${words(e.data.outcome)}`, fr: `Tentative de contact (${frLabel(CONTACT_CHANNEL_LABELS, e.data.channel)}) : ${frLabel(CONTACT_OUTCOME_LABELS, e.data.outcome)}` };
    case 'VisitScheduled': {
      const purpose = { diagnostic: 'diagnostic', follow_up: 'suivi', other: 'autre' }[e.data.purpose];
      return { en: `Visit scheduled for ${e.data.scheduledFor} (${words(e.data.purpose)})`, fr: `Visite planifiée le ${e.data.scheduledFor} (${purpose})` };
    }
    case 'ClosedDoorRecorded':
      return { en: 'Closed door: two home visits without answer', fr: 'Porte close : deux visites à domicile sans réponse' };
    case 'DiagnosticVisitCompleted': {
      const visitors = plural(e.data.visitors.length, 'visitor', 'visiteur');
      const roles = [...new Set(e.data.visitors.map((v) => v.role))];
      const kit = e.data.equipmentInstalled.reduce((s, i) => s + (('quantity' in i && typeof i.quantity === 'number') ? i.quantity : 1), 0);
      return {
        en: `Diagnostic visit (${words(e.data.season)}) by ${visitors.en} (${roles.map(words).join(', ')}); ${kit} small equipment item(s) installed`,
        fr: `Diagnostic sociotechnique (${frLabel(SEASON_LABELS, e.data.season)}) par ${visitors.fr} (${roles.map((r) => frLabel(VISITOR_ROLE_LABELS, r)).join(', ')}) ; ${kit} petit(s) équipement(s) posé(s)`,
      };
    }
    case 'DiagnosticReportIssued':
      return { en: `Diagnostic report issued (${e.data.parts.map(words).join(', ')})`, fr: `Rapport de diagnostic établi (${e.data.parts.map((p) => frLabel(REPORT_PART_LABELS, p)).join(', ')})` };
    case 'DiagnosticReportSent':
      return { en: `Diagnostic report sent to the ${words(e.data.recipient)}`, fr: `Rapport de diagnostic envoyé : ${frLabel(REPORT_RECIPIENT_LABELS, e.data.recipient)}` };
    case 'OrientationProposed':
      return { en: `Orientation proposed: ${words(e.data.category)}`, fr: `Orientation proposée : ${frLabel(ORIENTATION_CATEGORY_LABELS, e.data.category)}` };
    case 'OrientationStatusChanged': {
      const category = context.orientationCategory(e.data.orientationId);
      return {
        en: `Orientation ${category ? `"${words(category)}"` : e.data.orientationId} is now ${words(e.data.status)}`,
        fr: `Orientation ${category ? `« ${frLabel(ORIENTATION_CATEGORY_LABELS, category)} »` : e.data.orientationId} : ${frLabel(ORIENTATION_STATUS_LABELS, e.data.status)}`,
      };
    }
    case 'SupportContactRecorded': {
      const d = e.data;
      const people = plural(d.participants.length, 'participant', 'participant');
      const about = d.orientationIds.length ? plural(d.orientationIds.length, 'orientation', 'orientation') : null;
      const en = [`Support contact by ${words(d.channel)} with ${people.en}`];
      const fr = [`Contact d'accompagnement (${frLabel(SUPPORT_CHANNEL_LABELS, d.channel)}) avec ${people.fr}`];
      if (about) (en.push(`about ${about.en}`), fr.push(`sur ${about.fr}`));
      if (d.declaredPhase) (en.push(`declared ${words(d.declaredPhase)}`), fr.push(`déclaré ${frLabel(PHASE_LABELS, d.declaredPhase)}`));
      if (d.evaluationOnly) (en.push('evaluation only'), fr.push('évaluation seule'));
      if (d.newProblemCategory) (en.push(`new problem: ${words(d.newProblemCategory)}`), fr.push(`nouveau problème : ${lower(problemLabel(d.newProblemCategory))}`));
      return { en: en.join(', '), fr: fr.join(', ') };
    }
    case 'PauseDeclared':
      return { en: `Pause declared from ${e.data.startDate}`, fr: `Pause déclarée à partir du ${e.data.startDate}` };
    case 'PauseEnded':
      return { en: `Pause ended on ${e.data.endDate}`, fr: `Fin de pause le ${e.data.endDate}` };
    case 'EvaluationRecorded':
      return { en: `Evaluation recorded (satisfaction ${e.data.satisfaction.rating}/5)`, fr: `Évaluation enregistrée (satisfaction ${e.data.satisfaction.rating}/5)` };
    case 'PathwayExited':
      return { en: `Pathway exited: ${words(e.data.exitType)}`, fr: `Sortie du parcours (${frLabel(EXIT_TYPE_LABELS, e.data.exitType)})` };
    case 'ExitReported':
      return { en: `Exit reported to the ${e.data.recipients.map(words).join(' and the ')}`, fr: `Sortie signalée : ${e.data.recipients.map((r) => frLabel(EXIT_REPORT_RECIPIENT_LABELS, r)).join(', ')}` };
    case 'PathwayReopened':
      return { en: `Pathway reopened on ${e.data.reopenedOn}`, fr: `Parcours rouvert le ${e.data.reopenedOn}` };
    case 'MeasureContractSigned':
      return { en: `Measure contract signed for ${e.data.durationMonths} months from ${e.data.measureStartDate}`, fr: `Contrat de mesure signé pour ${e.data.durationMonths} mois à partir du ${e.data.measureStartDate}` };
    case 'PeriodicReviewRecorded':
      return { en: `${e.data.kind === 'final' ? 'Final' : 'Intermediate'} review${e.data.monthMark ? ` at ${e.data.monthMark} months` : ''}${e.data.signedByHousehold ? ', signed by the household' : ''}`, fr: `Bilan ${e.data.kind === 'final' ? 'final' : 'intermédiaire'}${e.data.monthMark ? ` à ${e.data.monthMark} mois` : ''}${e.data.signedByHousehold ? ', signé par le ménage' : ''}` };
    case 'MeasureRenewed':
      return { en: `Measure renewed for ${e.data.additionalMonths} more months`, fr: `Mesure renouvelée pour ${e.data.additionalMonths} mois` };
    case 'MonthlyProgressNoteSigned':
      return { en: `Progress note for ${e.data.month} signed (${e.data.homeVisitDates.length} home visits)`, fr: `Fiche de suivi de ${e.data.month} signée (${e.data.homeVisitDates.length} visites à domicile)` };
    case 'PhaseSettled':
      return { en: `Phase settled by a coordinator as ${words(e.data.phase)} for ${e.data.eventIds.length} event(s)`, fr: `Phase arbitrée par un coordinateur : ${frLabel(PHASE_LABELS, e.data.phase)} (${e.data.eventIds.length} événement(s))` };
  }
}
