// Flags: what the policy cannot settle on its own, or where facts disagree with it. Each one
// names its events and rule and explains itself, so a coordinator can act without a manual.
import { PHASE_LABEL, cap, days, seasonLabel } from './labels.js';
import { quoted } from './explain.js';
import { RULES, type Bilingual, type DeclaredPhase, type Flag, type Phase } from './model.js';
import type { PhasePolicyParams } from './policy.js';

const on = (b: Bilingual, date: string): Bilingual => ({ en: `${cap(b.en)} on ${date}`, fr: `${cap(b.fr)} du ${date}` });

export function followUpWindowFlag(
  eventId: string,
  date: string,
  diagnosticDate: string,
  daysAfter: number,
  why: 'too_early' | 'too_late',
  p: PhasePolicyParams,
): Flag {
  const d = days(daysAfter);
  const head = {
    en: `Support resumed on ${date} after a pause, ${d.en} after the diagnostic of ${diagnosticDate}`,
    fr: `Reprise de l'accompagnement le ${date} après une pause, ${d.fr} après le diagnostic du ${diagnosticDate}`,
  };
  const explanation: Bilingual =
    why === 'too_early'
      ? { en: `${head.en}, before the ${p.n1MinDays}-day minimum: too early for a one-year follow-up.`, fr: `${head.fr}, avant le minimum de ${p.n1MinDays} jours : trop tôt pour un suivi à N+1.` }
      : { en: `${head.en}, beyond the ${p.n1MaxDays}-day maximum: too late for a one-year follow-up.`, fr: `${head.fr}, au-delà du maximum de ${p.n1MaxDays} jours : trop tard pour un suivi à N+1.` };
  return { code: why === 'too_early' ? 'follow_up.too_early' : 'follow_up.too_late', eventIds: [eventId], rule: RULES.n1Window, explanation };
}

export function unclassifiableFlag(eventId: string, subject: Bilingual, date: string): Flag {
  const s = on(subject, date);
  return {
    code: 'activity.unclassifiable',
    eventIds: [eventId],
    rule: RULES.unclassifiableNoOrientation,
    explanation: {
      en: `${s.en} follows the diagnostic but no orientation had been proposed: the policy cannot classify this activity and a coordinator should settle it.`,
      fr: `${s.fr} suit le diagnostic sans qu'aucune orientation ait été proposée : la politique ne peut pas classer cette activité et un coordinateur doit trancher.`,
    },
  };
}

export function conflictFlag(eventId: string, date: string, declared: DeclaredPhase, derived: Phase, settledAs?: Phase): Flag {
  const tail = settledAs
    ? { en: `; a coordinator settled it as ${quoted('en', settledAs)}.`, fr: ` ; un coordinateur a tranché : ${quoted('fr', settledAs)}.` }
    : { en: '; the derived phase counts until a coordinator settles it.', fr: " ; la phase déduite compte tant qu'un coordinateur n'a pas tranché." };
  return {
    code: 'phase.declared_conflict',
    eventIds: [eventId],
    rule: RULES.conflictDeclared,
    declaredPhase: declared,
    derivedPhase: derived,
    settled: settledAs !== undefined,
    explanation: {
      en: `On ${date} the worker declared ${quoted('en', declared)} but the policy derives ${quoted('en', derived)}${tail.en}`,
      fr: `Le ${date}, l'intervenant a déclaré ${quoted('fr', declared)} mais la politique déduit ${quoted('fr', derived)}${tail.fr}`,
    },
  };
}

export function complementaryFlag(eventId: string, date: string, season: string | undefined, firstDate: string, derived: Phase): Flag {
  const s = seasonLabel(season);
  return {
    code: 'diagnostic.complementary',
    eventIds: [eventId],
    rule: RULES.diagnosticComplementary,
    derivedPhase: derived,
    explanation: {
      en: `Second diagnostic visit on ${date} (${s.en}) after the diagnostic of ${firstDate}: a seasonal complement, classified by the same rules as ${PHASE_LABEL[derived].en}.`,
      fr: `Seconde visite de diagnostic le ${date} (${s.fr}) après le diagnostic du ${firstDate} : complément saisonnier, classé selon les mêmes règles en ${quoted('fr', derived)}.`,
    },
  };
}

export function afterExitFlag(eventId: string, subject: Bilingual, date: string, exitDate: string): Flag {
  const s = on(subject, date);
  return {
    code: 'activity.after_exit',
    eventIds: [eventId],
    rule: RULES.exitIgnoredActivity,
    explanation: {
      en: `${s.en} comes after the exit of ${exitDate} with no reopening: it has no effect on phases.`,
      fr: `${s.fr} intervient après la sortie du ${exitDate} sans réouverture : sans effet sur les phases.`,
    },
  };
}

export function unknownSettlementFlag(settlementId: string, date: string, eventIds: string[]): Flag {
  const ids = eventIds.join(', ');
  return {
    code: 'settlement.unknown_event',
    eventIds,
    rule: RULES.settlementUnknownEvent,
    explanation: {
      en: `Settlement ${settlementId} of ${date} refers to events this pathway does not classify (${ids}): it is ignored for them.`,
      fr: `L'arbitrage ${settlementId} du ${date} vise des événements que ce parcours ne classe pas (${ids}) : il est sans effet pour eux.`,
    },
  };
}

export function pauseEndFlag(eventId: string, date: string): Flag {
  return {
    code: 'pause.end_without_declaration',
    eventIds: [eventId],
    rule: RULES.pauseDeclared,
    explanation: {
      en: `End of pause on ${date} with no declared pause in progress: it has no effect.`,
      fr: `Fin de pause le ${date} sans pause déclarée en cours : sans effet.`,
    },
  };
}

export function invalidEventFlag(eventId: string, type: string, field: string): Flag {
  return {
    code: 'event.invalid',
    eventIds: [eventId],
    rule: RULES.inputInvalid,
    explanation: {
      en: `Event ${eventId} (${type}) has no valid ${field}: it is left out of the classification.`,
      fr: `L'événement ${eventId} (${type}) n'a pas de champ ${field} valide : il est écarté de la classification.`,
    },
  };
}

/** A flag as a clause of the auditor's account: "flag <code>: <sentence>". */
export function flagClause(f: Flag): Bilingual {
  const strip = (s: string) => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
  return { en: `flag ${f.code}: ${strip(f.explanation.en)}`, fr: `signalement ${f.code} : ${strip(f.explanation.fr)}` };
}
