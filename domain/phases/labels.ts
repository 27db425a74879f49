// Words the explanations are made of, in both languages. Kept apart from the sentences so a
// wording change to one label reaches every explanation that uses it.
import type { Bilingual, Phase } from './model.js';
import type { PhaseEvent } from './input.js';

export const PHASE_LABEL: Record<Phase, Bilingual> = {
  pre_diagnostic: { en: 'pre-diagnostic', fr: 'pré-diagnostic' },
  diagnostic: { en: 'diagnostic', fr: 'diagnostic' },
  reinforced_support: { en: 'reinforced support', fr: 'soutien renforcé' },
  one_year_follow_up: { en: 'one-year follow-up', fr: 'suivi à N+1' },
  evaluation: { en: 'evaluation', fr: 'évaluation' },
  other: { en: 'other', fr: 'autre' },
  unclassifiable: { en: 'unclassifiable', fr: 'non classable' },
};

const CHANNEL: Record<string, Bilingual> = {
  phone: { en: 'phone contact', fr: 'contact téléphonique' },
  home_visit: { en: 'home visit', fr: 'visite à domicile' },
  email: { en: 'email contact', fr: 'échange par courriel' },
  digital: { en: 'digital help', fr: 'aide numérique' },
  office: { en: 'office meeting', fr: 'rendez-vous au bureau' },
  mediation: { en: 'mediation act', fr: 'acte de médiation' },
};

const SEASON: Record<string, Bilingual> = {
  summer: { en: 'summer', fr: 'été' },
  winter: { en: 'winter', fr: 'hiver' },
  mid_season: { en: 'mid-season', fr: 'mi-saison' },
};

/** "winter diagnostic visit" / "visite de diagnostic d'hiver". */
const SEASON_ADJECTIVE: Record<string, Bilingual> = {
  summer: { en: 'summer ', fr: " d'été" },
  winter: { en: 'winter ', fr: " d'hiver" },
  mid_season: { en: 'mid-season ', fr: ' de mi-saison' },
};

export function seasonLabel(season: string | undefined): Bilingual {
  return (season && SEASON[season]) || { en: 'season not stated', fr: 'saison non précisée' };
}

/** What an event is, in lower case, as it reads inside a sentence. */
export function subjectOf(e: PhaseEvent, complementary = false): Bilingual {
  switch (e.kind) {
    case 'support_contact':
      return CHANNEL[e.channel] ?? { en: 'support contact', fr: "contact d'accompagnement" };
    case 'diagnostic': {
      const s = SEASON_ADJECTIVE[e.season ?? ''] ?? { en: '', fr: '' };
      return complementary
        ? { en: `complementary ${s.en}diagnostic visit`, fr: `visite de diagnostic complémentaire${s.fr}` }
        : { en: `${s.en}diagnostic visit`, fr: `visite de diagnostic${s.fr}` };
    }
    case 'contact_attempted':
      return { en: 'contact attempt', fr: 'tentative de contact' };
    case 'visit_scheduled':
      return { en: 'visit scheduling', fr: 'prise de rendez-vous de visite' };
    case 'evaluation':
      return { en: 'evaluation', fr: 'évaluation' };
    case 'referred':
      return { en: 'referral', fr: 'repérage' };
    case 'orientation_proposed':
      return { en: 'orientation', fr: 'orientation' };
    case 'orientation_status':
      return { en: 'orientation status', fr: "statut d'orientation" };
    case 'pause_declared':
      return { en: 'declared pause', fr: 'pause déclarée' };
    case 'pause_ended':
      return { en: 'end of pause', fr: 'fin de pause' };
    case 'exited':
      return { en: 'exit', fr: 'sortie' };
    case 'reopened':
      return { en: 'reopening', fr: 'réouverture' };
    case 'settled':
      return { en: "coordinator's settlement", fr: 'arbitrage du coordinateur' };
  }
}

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function days(n: number): Bilingual {
  return { en: n === 1 || n === -1 ? `${n} day` : `${n} days`, fr: Math.abs(n) <= 1 ? `${n} jour` : `${n} jours` };
}

export function count(n: number, en: [string, string], fr: [string, string]): Bilingual {
  return { en: `${n} ${n === 1 ? en[0] : en[1]}`, fr: `${n} ${n <= 1 ? fr[0] : fr[1]}` };
}

/** Builds both languages from one template, so the two wordings stay side by side in the source. */
export function both(f: (lang: 'en' | 'fr') => string): Bilingual {
  return { en: f('en'), fr: f('fr') };
}

/** Who settled, for a sentence; 'unknown' is what the reader records when no identity came with it. */
export function settlerLabel(by: string): Bilingual {
  return by === 'unknown'
    ? { en: 'an unidentified coordinator', fr: 'un coordinateur non identifié' }
    : { en: `coordinator ${by}`, fr: `le coordinateur ${by}` };
}
