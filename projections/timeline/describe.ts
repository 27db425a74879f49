import type { PathwayEvent } from '../../contracts/events/index.js';

export interface StepText {
  en: string;
  fr: string;
}

const n = (count: number, en: string, fr: string) => ({ en: `${count} ${en}${count > 1 ? 's' : ''}`, fr: `${count} ${fr}${count > 1 ? 's' : ''}` });

/**
 * One readable sentence per step, in English and French. It says what happened, never the
 * household's personal data (amounts, income, health, names): the timeline is shown to staff
 * who may not all need those.
 */
export function describeStep(e: PathwayEvent): StepText {
  switch (e.type) {
    case 'HouseholdReferred':
      return { en: `Household referred to ${e.data.programme} (territory ${e.data.territory.code}) by a ${e.data.referrer.organisationKind.replaceAll('_', ' ')}`, fr: `Ménage orienté vers ${e.data.programme} (territoire ${e.data.territory.code}) par un donneur d'alerte (${e.data.referrer.organisationKind})` };
    case 'EntryAccepted':
      return { en: `Entry accepted on ${e.data.decidedOn}`, fr: `Entrée validée le ${e.data.decidedOn}` };
    case 'EntryRejected':
      return { en: `Entry rejected on ${e.data.decidedOn}`, fr: `Entrée refusée le ${e.data.decidedOn}` };
    case 'VisitOfficerAssigned':
      return { en: `Visit officer ${e.data.officerId} assigned`, fr: `Chargé de visite ${e.data.officerId} désigné` };
    case 'ContactAttempted':
      return { en: `Contact attempt by ${e.data.channel.replaceAll('_', ' ')}: ${e.data.outcome.replaceAll('_', ' ')}`, fr: `Tentative de contact (${e.data.channel}) : ${e.data.outcome}` };
    case 'VisitScheduled':
      return { en: `Visit scheduled for ${e.data.scheduledFor} (${e.data.purpose.replaceAll('_', ' ')})`, fr: `Visite planifiée le ${e.data.scheduledFor} (${e.data.purpose})` };
    case 'ClosedDoorRecorded':
      return { en: 'Closed door: two home visits without answer', fr: 'Porte close : deux visites à domicile sans réponse' };
    case 'DiagnosticVisitCompleted': {
      const visitors = n(e.data.visitors.length, 'visitor', 'visiteur');
      const kit = e.data.equipmentInstalled.reduce((s, i) => s + (('quantity' in i && typeof i.quantity === 'number') ? i.quantity : 1), 0);
      return { en: `Diagnostic visit (${e.data.season.replaceAll('_', ' ')}) by ${visitors.en}; ${kit} small equipment item(s) installed`, fr: `Diagnostic sociotechnique (${e.data.season}) par ${visitors.fr} ; ${kit} petit(s) équipement(s) posé(s)` };
    }
    case 'DiagnosticReportIssued':
      return { en: `Diagnostic report issued (${e.data.parts.join(', ').replaceAll('_', ' ')})`, fr: `Rapport de diagnostic établi (${e.data.parts.join(', ')})` };
    case 'DiagnosticReportSent':
      return { en: `Diagnostic report sent to the ${e.data.recipient}`, fr: `Rapport de diagnostic envoyé (${e.data.recipient})` };
    case 'OrientationProposed':
      return { en: `Orientation proposed: ${e.data.category.replaceAll('_', ' ')}`, fr: `Orientation proposée : ${e.data.category}` };
    case 'OrientationStatusChanged':
      return { en: `Orientation ${e.data.orientationId} is now ${e.data.status.replaceAll('_', ' ')}`, fr: `Orientation ${e.data.orientationId} : ${e.data.status}` };
    case 'SupportContactRecorded': {
      const declared = e.data.declaredPhase ? ` (declared ${e.data.declaredPhase.replaceAll('_', ' ')})` : '';
      const declaredFr = e.data.declaredPhase ? ` (déclaré ${e.data.declaredPhase})` : '';
      return { en: `Support contact by ${e.data.channel.replaceAll('_', ' ')}${declared}${e.data.evaluationOnly ? ', evaluation only' : ''}`, fr: `Contact d'accompagnement (${e.data.channel})${declaredFr}${e.data.evaluationOnly ? ', évaluation seule' : ''}` };
    }
    case 'PauseDeclared':
      return { en: `Pause declared from ${e.data.startDate}`, fr: `Pause déclarée à partir du ${e.data.startDate}` };
    case 'PauseEnded':
      return { en: `Pause ended on ${e.data.endDate}`, fr: `Fin de pause le ${e.data.endDate}` };
    case 'EvaluationRecorded':
      return { en: `Evaluation recorded (satisfaction ${e.data.satisfaction.rating}/5)`, fr: `Évaluation enregistrée (satisfaction ${e.data.satisfaction.rating}/5)` };
    case 'PathwayExited':
      return { en: `Pathway exited: ${e.data.exitType.replaceAll('_', ' ')}`, fr: `Sortie du parcours : ${e.data.exitType}` };
    case 'ExitReported':
      return { en: `Exit reported to ${e.data.recipients.join(' and ')}`, fr: `Sortie signalée (${e.data.recipients.join(', ')})` };
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
      return { en: `Phase settled by a coordinator as ${e.data.phase.replaceAll('_', ' ')} for ${e.data.eventIds.length} event(s)`, fr: `Phase arbitrée par un coordinateur : ${e.data.phase} (${e.data.eventIds.length} événement(s))` };
  }
}
