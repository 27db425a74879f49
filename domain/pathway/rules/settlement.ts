// A coordinator's settlement of the phase of some stored events.
import type { PathwayCommandDataMap } from '../../../contracts/commands/index.js';
import type { Role } from '../../../contracts/enums.js';
import type { Decision } from '../decision.js';
import { accept, checkDates, idFor, refuse, refusal, type RuleContext } from './common.js';

/** Roles that coordinate a programme and may therefore settle how its history is read. */
export const SETTLING_ROLES: readonly Role[] = ['coordinator', 'programme_manager'];

export function settlePhase(data: PathwayCommandDataMap['SettlePhase'], rc: RuleContext): Decision {
  const { principal } = rc.ctx;
  if (!(SETTLING_ROLES as readonly string[]).includes(principal.role)) {
    return refuse('settlement.not_allowed', `Role ${principal.role} cannot settle phases; a coordinator can.`);
  }
  const problem = checkDates(rc, [['settledOn', data.settledOn]]);
  if (problem) return refusal(problem);
  const id = idFor(rc, data.settlementId, (x) => rc.state.settlements.some((s) => s.settlementId === x), 'settlementId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({
    type: 'PhaseSettled',
    data: {
      settlementId: id.id,
      eventIds: [...data.eventIds],
      phase: data.phase,
      reason: data.reason,
      settledOn: data.settledOn,
      settledBy: { actorId: principal.id, role: principal.role, organisationId: principal.organisationId },
    },
  });
}
