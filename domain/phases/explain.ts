// Sentences that explain each classification, in French and English. A clause is what follows
// "<date> — <subject> (event <id>):" in the auditor's account; an explanation is the same
// reasoning as one standalone sentence.
import { addDays } from './dates.js';
import { PHASE_LABEL, both, cap, days, settlerLabel } from './labels.js';
import type { Bilingual, Phase } from './model.js';
import type { PhasePolicyParams } from './policy.js';
import type { Anchor, Gap, SupportDecision } from './support.js';

type Lang = 'en' | 'fr';
export const quoted = (lang: Lang, phase: Phase): string =>
  lang === 'en' ? PHASE_LABEL[phase].en : `« ${PHASE_LABEL[phase].fr} »`;

/** "<Subject> on <date>, <clause>." */
export function sentence(subject: Bilingual, date: string, clause: Bilingual): Bilingual {
  return both((l) => `${cap(subject[l])} ${l === 'en' ? 'on' : 'du'} ${date}, ${clause[l]}.`);
}

function prevRef(a: Anchor): Bilingual {
  return a.isDiagnostic
    ? { en: `the diagnostic (${a.date})`, fr: `le diagnostic (${a.date})` }
    : { en: `the previous support activity (${a.date})`, fr: `l'activité de soutien précédente (${a.date})` };
}

export function gapClause(g: Gap, p: PhasePolicyParams): Bilingual {
  const d = days(g.days);
  const prev = prevRef(g.from);
  const start = g.declared?.start;
  if (g.pause === 'observed') {
    return {
      en: `${d.en} after ${prev.en}, at least the ${p.pauseDays}-day pause threshold${start ? `, with a pause also declared on ${start}` : ''}`,
      fr: `${d.fr} après ${prev.fr}, soit au moins le seuil de pause de ${p.pauseDays} jours${start ? `, avec en outre une pause déclarée le ${start}` : ''}`,
    };
  }
  if (g.pause === 'declared') {
    return {
      en: `${d.en} after ${prev.en}, under the ${p.pauseDays}-day pause threshold, but a pause was declared on ${start} in between`,
      fr: `${d.fr} après ${prev.fr}, sous le seuil de pause de ${p.pauseDays} jours, mais une pause a été déclarée le ${start} entre les deux`,
    };
  }
  return {
    en: `${d.en} after ${prev.en}, under the ${p.pauseDays}-day pause threshold and with no declared pause in between`,
    fr: `${d.fr} après ${prev.fr}, sous le seuil de pause de ${p.pauseDays} jours et sans pause déclarée entre les deux`,
  };
}

export function pauseStepClause(g: Gap, p: PhasePolicyParams): Bilingual {
  const gap = gapClause(g, p);
  return g.pause === 'observed'
    ? { en: `${gap.en}: the support was interrupted by an observed pause`, fr: `${gap.fr} : l'accompagnement a été interrompu par une pause observée` }
    : { en: `${gap.en}: the support was interrupted by a declared pause`, fr: `${gap.fr} : l'accompagnement a été interrompu par une pause déclarée` };
}

const NEW_EPISODE_RS: Bilingual = {
  en: 'start of a new reinforced-support episode',
  fr: "début d'un nouvel épisode de soutien renforcé",
};

/** What the decision concludes, without the gap (which gapClause states). */
export function decisionClause(dec: SupportDecision, p: PhasePolicyParams, diagnosticDate: string): Bilingual {
  switch (dec.rule) {
    case 'unclassifiable.no_orientation':
      return {
        en: 'no orientation had been proposed yet, and reinforced support requires one: unclassifiable',
        fr: "aucune orientation n'avait encore été proposée, or le soutien renforcé en suppose une : non classable",
      };
    case 'rs.after_orientation':
      return {
        en: `an orientation had been proposed (${dec.orientationOn}): start of a reinforced-support episode`,
        fr: `une orientation avait été proposée (${dec.orientationOn}) : début d'un épisode de soutien renforcé`,
      };
    case 'rs.continuation':
    case 'n1.continuation': {
      const what = dec.rule === 'rs.continuation'
        ? { en: 'continuation of the current reinforced-support episode', fr: "continuité de l'épisode de soutien renforcé en cours" }
        : { en: 'continuation of the one-year follow-up', fr: 'continuité du suivi à N+1' };
      if (dec.newProblem === undefined) return what;
      return {
        en: `new problem declared (${dec.newProblem}), kept in the same episode by this policy: ${what.en}`,
        fr: `nouveau problème signalé (${dec.newProblem}), maintenu dans le même épisode par cette politique : ${what.fr}`,
      };
    }
    case 'rs.new_problem':
      return {
        en: `new problem declared (${dec.newProblem}), for which this policy opens a new episode: ${NEW_EPISODE_RS.en}`,
        fr: `nouveau problème signalé (${dec.newProblem}), pour lequel cette politique ouvre un nouvel épisode : ${NEW_EPISODE_RS.fr}`,
      };
    case 'n1.after_pause_in_window': {
      const d = days(dec.daysAfterDiagnostic);
      return {
        en: `first support activity after the pause, ${d.en} after the diagnostic (${diagnosticDate}), within the ${p.n1MinDays}–${p.n1MaxDays}-day window: one-year follow-up`,
        fr: `première activité de soutien après la pause, ${d.fr} après le diagnostic (${diagnosticDate}), dans la fenêtre de ${p.n1MinDays} à ${p.n1MaxDays} jours : suivi à N+1`,
      };
    }
    case 'rs.after_pause': {
      const d = days(dec.daysAfterDiagnostic);
      if (dec.why === 'too_early') {
        return {
          en: `support resumes after the pause only ${d.en} after the diagnostic (${diagnosticDate}), before the ${p.n1MinDays}-day minimum: too early for a one-year follow-up, so ${NEW_EPISODE_RS.en}`,
          fr: `reprise après la pause ${d.fr} seulement après le diagnostic (${diagnosticDate}), avant le minimum de ${p.n1MinDays} jours : trop tôt pour un suivi à N+1, donc ${NEW_EPISODE_RS.fr}`,
        };
      }
      if (dec.why === 'too_late') {
        return {
          en: `support resumes after the pause ${d.en} after the diagnostic (${diagnosticDate}), beyond the ${p.n1MaxDays}-day maximum: too late for a one-year follow-up, so ${NEW_EPISODE_RS.en}`,
          fr: `reprise après la pause ${d.fr} après le diagnostic (${diagnosticDate}), au-delà du maximum de ${p.n1MaxDays} jours : trop tard pour un suivi à N+1, donc ${NEW_EPISODE_RS.fr}`,
        };
      }
      return {
        en: `support resumes after the pause, but the one-year follow-up of this diagnostic already took place (${dec.followUpOn}): ${NEW_EPISODE_RS.en}`,
        fr: `reprise après la pause, mais le suivi à N+1 de ce diagnostic a déjà eu lieu (${dec.followUpOn}) : ${NEW_EPISODE_RS.fr}`,
      };
    }
  }
}

/** The whole reasoning on a support activity as one clause (gap, then conclusion). */
export function supportClause(dec: SupportDecision, p: PhasePolicyParams, diagnosticDate: string): Bilingual {
  const conclusion = decisionClause(dec, p, diagnosticDate);
  if (dec.rule === 'unclassifiable.no_orientation') {
    return both((l) => (l === 'en' ? `after the diagnostic, ${conclusion.en}` : `après le diagnostic, ${conclusion.fr}`));
  }
  const gap = gapClause(dec.gap, p);
  return { en: `${gap.en}; ${conclusion.en}`, fr: `${gap.fr} ; ${conclusion.fr}` };
}

export const PRE_DIAGNOSTIC_CLAUSE: Bilingual = {
  en: 'before the diagnostic was completed, hence pre-diagnostic (scheduling, digital help), never reinforced support',
  fr: "avant l'achèvement du diagnostic, donc pré-diagnostic (prise de rendez-vous, aide numérique), jamais du soutien renforcé",
};

export const SCHEDULING_AFTER_DIAGNOSTIC_CLAUSE: Bilingual = {
  en: 'after the diagnostic, a scheduling step or contact attempt is not a support activity: other',
  fr: "après le diagnostic, une prise de rendez-vous ou une tentative de contact n'est pas une activité de soutien : autre",
};

export function evaluationClause(evaluationOnlyContact: boolean, hostEventId?: string): Bilingual {
  const base = {
    en: 'with no support purpose: it never counts as one-year follow-up or reinforced support',
    fr: "sans objectif d'accompagnement : ne compte jamais comme suivi à N+1 ni comme soutien renforcé",
  };
  const head = evaluationOnlyContact ? { en: 'evaluation only, ', fr: 'évaluation seule, ' } : { en: '', fr: '' };
  const host = hostEventId
    ? { en: `; carried out during contact ${hostEventId}, which keeps its own phase`, fr: ` ; menée lors du contact ${hostEventId}, qui garde sa propre phase` }
    : { en: '', fr: '' };
  return both((l) => `${head[l]}${base[l]}${host[l]}`);
}

export function diagnosticClause(date: string, p: PhasePolicyParams, newCycle: boolean): Bilingual {
  const from = addDays(date, p.n1MinDays);
  const to = addDays(date, p.n1MaxDays);
  const due = addDays(date, p.n1TargetDays);
  const head = newCycle
    ? { en: 'completed after the pathway was reopened, which starts a new cycle', fr: "achevée après la réouverture du parcours, ce qui ouvre un nouveau cycle" }
    : { en: 'completed, which starts the cycle', fr: 'achevée, ce qui ouvre le cycle' };
  return {
    en: `${head.en}; the one-year follow-up may take place from ${from} to ${to} and is due on ${due}`,
    fr: `${head.fr} ; le suivi à N+1 pourra avoir lieu du ${from} au ${to} et est attendu le ${due}`,
  };
}

export function settlementAppliedClause(settled: Phase, derived: Phase, by: string, settlementId: string): Bilingual {
  const who = settlerLabel(by);
  return both((l) =>
    l === 'en'
      ? `settled as ${quoted(l, settled)} by ${who.en} (settlement ${settlementId}); this phase counts, the derived phase (${quoted(l, derived)}) stays visible beside it`
      : `arbitré en ${quoted(l, settled)} par ${who.fr} (arbitrage ${settlementId}) ; cette phase compte, la phase déduite (${quoted(l, derived)}) reste affichée à côté`,
  );
}
