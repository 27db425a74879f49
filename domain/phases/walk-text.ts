// Clauses for the facts that shape the timeline without being classified themselves
// (referral, orientations, pauses, exit, reopening, settlements), for the auditor's account.
import type { PhaseEvent } from './input.js';
import { quoted } from './explain.js';
import { settlerLabel } from './labels.js';
import type { Bilingual } from './model.js';
import type { Timeline } from './timeline.js';

export interface StructuralContext {
  t: Timeline;
  /** The fact repeats an earlier state (a second exit, a referral after the diagnostic...). */
  repeated?: boolean;
}

export function structuralClause(e: PhaseEvent, ctx: StructuralContext): Bilingual {
  const { t, repeated } = ctx;
  switch (e.kind) {
    case 'referred': {
      const prog = e.programme ? { en: ` to programme ${e.programme}`, fr: ` pour le programme ${e.programme}` } : { en: '', fr: '' };
      return repeated
        ? { en: `household referred again${prog.en} after the diagnostic: no effect on phases`, fr: `ménage repéré à nouveau${prog.fr} après le diagnostic : sans effet sur les phases` }
        : { en: `household referred${prog.en}; the pathway starts in the pre-diagnostic phase`, fr: `ménage repéré${prog.fr} ; le parcours commence en phase pré-diagnostic` };
    }
    case 'orientation_proposed': {
      const what = [e.category, e.relayActor && `relay: ${e.relayActor}`].filter(Boolean).join(', ');
      const quoi = [e.category, e.relayActor && `relais : ${e.relayActor}`].filter(Boolean).join(', ');
      return {
        en: `orientation ${e.orientationId} proposed${what ? ` (${what})` : ''}; from this date, support activities can be reinforced support`,
        fr: `orientation ${e.orientationId} proposée${quoi ? ` (${quoi})` : ''} ; à partir de cette date, les activités de soutien peuvent relever du soutien renforcé`,
      };
    }
    case 'orientation_status':
      return { en: `orientation ${e.orientationId} moves to status ${e.status}`, fr: `l'orientation ${e.orientationId} passe au statut « ${e.status} »` };
    case 'pause_declared': {
      const span = t.declaredPauses.find((p) => p.eventId === e.eventId);
      return span?.end
        ? { en: `pause declared until ${span.end}; the next support activity resumes after a pause`, fr: `pause déclarée jusqu'au ${span.end} ; la prochaine activité de soutien reprendra après une pause` }
        : { en: 'pause declared, with no end recorded; the next support activity resumes after a pause', fr: 'pause déclarée, sans fin enregistrée ; la prochaine activité de soutien reprendra après une pause' };
    }
    case 'pause_ended': {
      const span = t.declaredPauses.find((p) => p.endEventId === e.eventId);
      return { en: `end of the pause declared on ${span?.start}`, fr: `fin de la pause déclarée le ${span?.start}` };
    }
    case 'exited': {
      const type = e.exitType ? ` (${e.exitType})` : '';
      return repeated
        ? { en: `exit recorded again${type} while the pathway is already exited: no effect`, fr: `sortie enregistrée à nouveau${type} alors que le parcours est déjà sorti : sans effet` }
        : {
            en: `exit of the pathway${type}; the current episode ends, and later contacts have no effect until a reopening`,
            fr: `sortie du parcours${type} ; l'épisode en cours se termine et les contacts suivants sont sans effet jusqu'à une réouverture`,
          };
    }
    case 'reopened':
      if (repeated) return { en: 'reopening while the pathway was not exited: no effect', fr: "réouverture alors que le parcours n'était pas sorti : sans effet" };
      return t.newCycleReopenings.has(e.eventId)
        ? {
            en: 'pathway reopened; a new diagnostic follows, so the contacts until then are pre-diagnostic of a new cycle',
            fr: "parcours réouvert ; un nouveau diagnostic suit, les contacts d'ici là relèvent donc du pré-diagnostic d'un nouveau cycle",
          }
        : {
            en: 'pathway reopened; the previous diagnostic and orientations still stand',
            fr: 'parcours réouvert ; le diagnostic et les orientations précédents restent la référence',
          };
    case 'settled': {
      const ids = e.eventIds.join(', ');
      const en = quoted('en', e.phase);
      const fr = quoted('fr', e.phase);
      const who = settlerLabel(e.by);
      return {
        en: `${who.en} settled ${ids} as ${en} (settlement ${e.settlementId}; the reason is recorded with it)`,
        fr: `${who.fr} a tranché : ${ids} en ${fr} (arbitrage ${e.settlementId} ; le motif y est consigné)`,
      };
    }
    default:
      return { en: e.type, fr: e.type };
  }
}
