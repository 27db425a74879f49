// Episodes under construction while the timeline is walked, and their explanations once the
// walk is over (an episode's end and size are only known then).
import { addDays, daysBetween } from './dates.js';
import { count, days } from './labels.js';
import type { Bilingual, Episode, EpisodeKind, RuleId } from './model.js';
import type { PhasePolicyParams } from './policy.js';

export interface EpisodeDraft {
  kind: EpisodeKind;
  startDate: string;
  endDate?: string;
  eventIds: string[];
  rule: RuleId;
  /** Set when the explanation is known at opening (single-fact episodes). */
  explanation?: Bilingual;
  newProblem?: string;
  diagnosticDate?: string;
  orientation?: { id: string; category?: string; relay?: string; status?: string; statusOn?: string };
  exitType?: string;
  reopened?: boolean;
}

const OPEN_ENDED = new Set<EpisodeKind>(['orientation', 'declared_pause', 'exit']);
const TERMINAL_ORIENTATION_STATUSES = new Set(['refused', 'done', 'abandoned']);

export class EpisodeBook {
  readonly drafts: EpisodeDraft[] = [];

  open(kind: EpisodeKind, date: string, eventIds: string[], rule: RuleId, extra: Partial<EpisodeDraft> = {}): EpisodeDraft {
    // Activity episodes last until their latest fact; the others end on a closing fact, if any.
    const endDate = OPEN_ENDED.has(kind) ? extra.endDate : (extra.endDate ?? date);
    // A copy, then assignments: in Node 20's V8, a spread followed by keys it lacks costs a microsecond.
    const d = { ...extra } as EpisodeDraft;
    d.kind = kind;
    d.startDate = date;
    if (endDate !== undefined) d.endDate = endDate;
    else if ('endDate' in d) delete d.endDate;
    d.eventIds = [...eventIds];
    d.rule = rule;
    this.drafts.push(d);
    return d;
  }

  /** Adds a fact to an activity episode, which then lasts until that fact. */
  extend(d: EpisodeDraft, eventId: string, date: string): void {
    d.eventIds.push(eventId);
    if (d.endDate === undefined || date > d.endDate) d.endDate = date;
  }

  orientationStatus(d: EpisodeDraft, eventId: string, date: string, status: string): void {
    d.eventIds.push(eventId);
    if (d.orientation) Object.assign(d.orientation, { status, statusOn: date });
    // A closed orientation ends on its closing date; reopened ("in progress" again), it is open.
    if (TERMINAL_ORIENTATION_STATUSES.has(status)) d.endDate = date;
    else delete d.endDate;
  }

  finish(p: PhasePolicyParams): Episode[] {
    const out = this.drafts.map((d) => {
      const dates = d.endDate === undefined ? { startDate: d.startDate } : { startDate: d.startDate, endDate: d.endDate };
      const e: Episode = { kind: d.kind, ...dates, eventIds: [...d.eventIds], rule: d.rule, explanation: explainEpisode(d, p) };
      return e;
    });
    // Stable sort: episodes opened later but starting earlier (observed pauses) fall into place.
    return out.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  }
}

function span(d: EpisodeDraft): Bilingual {
  return d.endDate && d.endDate !== d.startDate
    ? { en: `from ${d.startDate} to ${d.endDate}`, fr: `du ${d.startDate} au ${d.endDate}` }
    : { en: `on ${d.startDate}`, fr: `le ${d.startDate}` };
}

const OPENED_BY: Partial<Record<RuleId, Bilingual>> = {
  'rs.after_orientation': { en: 'the first support activity after an orientation', fr: 'la première activité de soutien après une orientation' },
  'rs.after_pause': {
    en: 'a resumption after a pause that could not be the one-year follow-up',
    fr: 'une reprise après une pause qui ne pouvait pas être le suivi à N+1',
  },
  'n1.after_pause_in_window': {
    en: 'the first support activity after a pause within the follow-up window',
    fr: 'la première activité de soutien après une pause dans la fenêtre du suivi',
  },
  'settlement.override': { en: "a coordinator's settlement", fr: 'un arbitrage du coordinateur' },
};

function explainEpisode(d: EpisodeDraft, p: PhasePolicyParams): Bilingual {
  if (d.explanation) return d.explanation;
  const s = span(d);
  const n = d.eventIds.length;
  switch (d.kind) {
    case 'pre_diagnostic': {
      const c = count(n, ['event', 'events'], ['événement', 'événements']);
      return {
        en: `Pre-diagnostic phase ${s.en} (${c.en}: referral, scheduling, contacts before the diagnostic), never reinforced support.`,
        fr: `Phase pré-diagnostic ${s.fr} (${c.fr} : repérage, prise de rendez-vous, contacts avant le diagnostic), jamais du soutien renforcé.`,
      };
    }
    case 'reinforced_support':
    case 'one_year_follow_up': {
      const c = count(n, ['support activity', 'support activities'], ['activité de soutien', 'activités de soutien']);
      const by =
        d.rule === 'rs.new_problem'
          ? { en: `a new problem (${d.newProblem})`, fr: `un nouveau problème (${d.newProblem})` }
          : (OPENED_BY[d.rule] ?? { en: d.rule, fr: d.rule });
      if (d.kind === 'reinforced_support') {
        return {
          en: `Reinforced support ${s.en}: ${c.en} with no pause of ${p.pauseDays} days or more between them, opened by ${by.en}.`,
          fr: `Soutien renforcé ${s.fr} : ${c.fr} sans pause de ${p.pauseDays} jours ou plus entre elles, ouvert par ${by.fr}.`,
        };
      }
      const diag = d.diagnosticDate ?? d.startDate;
      const after = days(daysBetween(diag, d.startDate));
      const due = addDays(diag, p.n1TargetDays);
      return {
        en: `One-year follow-up ${s.en}: ${c.en}, starting ${after.en} after the diagnostic of ${diag} (due on ${due}), opened by ${by.en}.`,
        fr: `Suivi à N+1 ${s.fr} : ${c.fr}, débutant ${after.fr} après le diagnostic du ${diag} (attendu le ${due}), ouvert par ${by.fr}.`,
      };
    }
    case 'observed_pause': {
      const g = days(daysBetween(d.startDate, d.endDate ?? d.startDate));
      return {
        en: `No support activity for ${g.en} between ${d.startDate} and ${d.endDate}, at least the ${p.pauseDays}-day threshold: observed pause.`,
        fr: `Aucune activité de soutien pendant ${g.fr} entre le ${d.startDate} et le ${d.endDate}, soit au moins le seuil de ${p.pauseDays} jours : pause observée.`,
      };
    }
    case 'declared_pause':
      return d.endDate
        ? { en: `Pause declared from ${d.startDate} to ${d.endDate}.`, fr: `Pause déclarée du ${d.startDate} au ${d.endDate}.` }
        : { en: `Pause declared from ${d.startDate}, not ended.`, fr: `Pause déclarée à partir du ${d.startDate}, non terminée.` };
    case 'orientation': {
      const o = d.orientation ?? { id: '?' };
      const en = [o.category, o.relay && `relay: ${o.relay}`].filter(Boolean).join(', ');
      const fr = [o.category, o.relay && `relais : ${o.relay}`].filter(Boolean).join(', ');
      const st = o.status
        ? { en: `; status ${o.status} on ${o.statusOn}`, fr: ` ; statut « ${o.status} » le ${o.statusOn}` }
        : { en: '', fr: '' };
      return {
        en: `Orientation ${o.id}${en ? ` (${en})` : ''} proposed on ${d.startDate}${st.en}.`,
        fr: `Orientation ${o.id}${fr ? ` (${fr})` : ''} proposée le ${d.startDate}${st.fr}.`,
      };
    }
    case 'exit': {
      const type = d.exitType ? ` (${d.exitType})` : '';
      return d.reopened && d.endDate
        ? { en: `Pathway exited on ${d.startDate}${type}, reopened on ${d.endDate}.`, fr: `Sortie du parcours le ${d.startDate}${type}, réouvert le ${d.endDate}.` }
        : { en: `Pathway exited on ${d.startDate}${type}.`, fr: `Sortie du parcours le ${d.startDate}${type}.` };
    }
    default:
      return { en: `${d.kind} ${s.en}.`, fr: `${d.kind} ${s.fr}.` };
  }
}
