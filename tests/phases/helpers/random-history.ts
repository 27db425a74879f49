// Random pathway histories that are valid by construction: random commands go through the
// published command schemas and the real decider, and only what it accepts is stored, as the
// store would hold it (JSON round trip, revisions, principals, increasing recording times).
// Dates drift forward by up to ~5 months a step (sometimes back), so gaps straddle the pause
// threshold and the follow-up window; settlements point at earlier events, or at none.
import fc from 'fast-check';
import { safeParsePathwayCommand, type CommandType } from '../../../contracts/commands/index.js';
import { CURRENT_EVENT_VERSIONS } from '../../../contracts/events/index.js';
import { SETTLED_PHASES } from '../../../contracts/enums.js';
import { decidePathway, evolvePathway, type PathwayState, type Principal } from '../../../domain/pathway/index.js';
import { addDays } from '../../../domain/shared/dates.js';
import type { StoredEvent } from '../../../infra/eventstore/port.js';
import { commands as c } from '../../domain/pathway/fixtures.js';
import type { CommandInput } from '../../domain/pathway/given.js';

const REFERRED_ON = '2024-01-08';
const NOW = new Date('2030-01-01T10:00:00Z');
const RECORDING_START = Date.parse('2024-01-08T09:00:00Z');
const COORDINATOR: Principal = { id: 'coord-1', role: 'coordinator', organisationId: 'org-op' };

type Kind = Exclude<CommandType, 'ReferHousehold'>;
const KINDS: [Kind, number][] = [
  ['RecordSupportContact', 10],
  ['CompleteDiagnosticVisit', 2],
  ['ProposeOrientation', 2],
  ['ChangeOrientationStatus', 1],
  ['DeclarePause', 1],
  ['EndPause', 1],
  ['RecordEvaluation', 1],
  ['RecordExit', 1],
  ['ReopenPathway', 2],
  ['AttemptContact', 1],
  ['ScheduleVisit', 1],
  ['SettlePhase', 2],
  ['AssignVisitOfficer', 1],
  ['IssueDiagnosticReport', 1],
];

const intent = fc.record({
  kind: fc.oneof(...KINDS.map(([k, weight]) => ({ weight, arbitrary: fc.constant(k) }))),
  step: fc.integer({ min: -10, max: 150 }),
  pick: fc.nat({ max: 1000 }),
  flag: fc.boolean(),
});
type Intent = typeof intent extends fc.Arbitrary<infer I> ? I : never;

export const intentsArb = fc.array(intent, { minLength: 1, maxLength: 30, size: 'medium' });

const at = <T>(items: readonly T[], i: number): T | undefined => (items.length ? items[i % items.length] : undefined);

function build(i: Intent, d: string, s: PathwayState, storedIds: string[]): CommandInput {
  const orientationIds = s ? Object.keys(s.orientations) : [];
  switch (i.kind) {
    case 'RecordSupportContact':
      return c.contact(d, {
        channel: at(['phone', 'home_visit', 'email', 'digital', 'office', 'mediation'], i.pick),
        evaluationOnly: i.pick % 7 === 0,
        ...(i.pick % 3 === 0 ? { declaredPhase: at(['reinforced_support', 'one_year_follow_up', 'evaluation', 'other'], i.pick >> 2) } : {}),
        ...(i.pick % 5 === 1 ? { newProblemCategory: at(['rehousing', 'health'], i.pick) } : {}),
      });
    case 'CompleteDiagnosticVisit': return c.diagnostic(d);
    case 'ProposeOrientation': return c.propose(d);
    case 'ChangeOrientationStatus': return c.changeStatus(at(orientationIds, i.pick) ?? 'o-missing', at(['accepted', 'in_progress', 'done', 'refused'], i.pick >> 3)!, d);
    case 'DeclarePause': return c.pause(d);
    case 'EndPause': return c.endPause(d);
    case 'RecordEvaluation': {
      const contact = s ? at(s.contacts.map((x) => x.contactId), i.pick) : undefined;
      return { type: 'RecordEvaluation', data: { evaluationDate: d, comfort: {}, satisfaction: { rating: 3 }, ...(i.flag && contact ? { contactId: contact } : {}) } };
    }
    case 'RecordExit': return c.exit(d, i.flag ? 'completed' : 'contact_lost', i.flag ? undefined : 'Plus de réponse');
    case 'ReopenPathway': return c.reopen(d);
    case 'AttemptContact': return c.attempt(d, i.flag ? 'home_visit' : 'phone', i.pick % 2 ? 'no_answer' : 'reached');
    case 'ScheduleVisit': return { type: 'ScheduleVisit', data: { scheduledOn: d, scheduledFor: addDays(d, 7) } };
    case 'SettlePhase': {
      const ids = [...new Set([at(storedIds, i.pick) ?? 'ev-unknown', ...(i.flag ? [at(storedIds, i.pick >> 1) ?? 'ev-unknown'] : [])])];
      return { type: 'SettlePhase', data: { eventIds: ids, phase: at(SETTLED_PHASES, i.pick >> 4)!, reason: 'Arbitrage de la coordination', settledOn: d } };
    }
    case 'AssignVisitOfficer': return { type: 'AssignVisitOfficer', data: { officerId: `officer-${i.pick % 3}`, assignedOn: d } };
    case 'IssueDiagnosticReport': return { type: 'IssueDiagnosticReport', data: { issuedOn: d } };
    default: throw new Error(`no builder for ${i.kind}`);
  }
}

/** The stored events of one pathway whose commands were these intents (rejected ones leave no trace). */
export function storedHistory(pathwayId: string, intents: readonly Intent[], firstPosition = 1): StoredEvent[] {
  const streamId = `pathway-${pathwayId}`;
  const stored: StoredEvent[] = [];
  let state: PathwayState = null;
  let n = 0;
  let day = 0;
  const attempt = (command: CommandInput) => {
    const parsed = safeParsePathwayCommand(command.type, command.data);
    if (!parsed.success) throw new Error(`generated an invalid ${command.type}: ${JSON.stringify(parsed.issues)}`);
    const decision = decidePathway(parsed.command, state, { now: NOW, newId: () => `${pathwayId}-id-${++n}`, principal: COORDINATOR });
    if (!decision.ok) return;
    for (const event of decision.events) {
      const revision = stored.length;
      stored.push({
        id: `${pathwayId}-ev-${revision}`,
        streamId,
        type: event.type,
        schemaVersion: CURRENT_EVENT_VERSIONS[event.type],
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: { principal: COORDINATOR, correlationId: `corr-${revision}`, occurredAt: new Date(NOW).toISOString() },
        revision,
        globalPosition: firstPosition + revision,
        // Recorded in stream order, an hour apart: asOf cuts fall between events.
        recordedAt: new Date(RECORDING_START + revision * 3_600_000).toISOString(),
        hash: 'not-checked-here',
        previousHash: null,
      });
      state = evolvePathway(state, event);
    }
  };
  attempt(c.refer({ programme: 'slime-plus', referredOn: REFERRED_ON }));
  for (const i of intents) {
    day = Math.max(0, day + i.step);
    attempt(build(i, addDays(REFERRED_ON, day), state, stored.map((e) => e.id)));
  }
  return stored;
}
