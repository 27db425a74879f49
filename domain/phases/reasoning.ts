// The auditor's replay as a plain account: numbered steps, each naming the date, the fact, the
// reasoning and the rule that produced it. Built only from the classification, so the text an
// auditor reads is exactly what the live read model holds for the same inputs.
import { cap } from './labels.js';
import type { PathwayClassification, ReasoningStep } from './model.js';

export type ReasoningLanguage = 'fr' | 'en';

const WORDS = {
  en: { event: 'event', rule: 'rule', colon: ':' },
  fr: { event: 'événement', rule: 'règle', colon: ' :' },
} as const;

export function renderStep(s: ReasoningStep, lang: ReasoningLanguage): string {
  const w = WORDS[lang];
  const text = s.text[lang];
  const ruleTail = ` (${w.rule} ${s.rule}).`;
  if (s.subject) {
    const date = s.date ? `${s.date} — ` : '';
    const id = s.eventId ? ` (${w.event} ${s.eventId})` : '';
    return `${s.n}. ${date}${s.subject[lang]}${id}${w.colon} ${text}${ruleTail}`;
  }
  if (s.eventId) return `${s.n}. ${cap(w.event)} ${s.eventId}${w.colon} ${text}${ruleTail}`;
  return `${s.n}. ${cap(text)}${ruleTail}`;
}

export function renderReasoning(c: PathwayClassification, lang: ReasoningLanguage): string {
  const title =
    lang === 'en'
      ? `Classification of the pathway under policy ${c.policyId}${c.asOf ? `, facts as recorded up to ${c.asOf}` : ''}.`
      : `Classification du parcours selon la politique ${c.policyId}${c.asOf ? `, faits tels qu'enregistrés au ${c.asOf}` : ''}.`;
  return [title, ...c.reasoning.map((s) => renderStep(s, lang))].join('\n') + '\n';
}
