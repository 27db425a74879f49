// Referral, entry decision, visit officer assignment.
import type { PathwayCommandDataMap } from '../../../contracts/commands/index.js';
import { getProgrammeProfile } from '../../programmes/profiles.js';
import type { DecideContext, Decision } from '../decision.js';
import { accept, checkDates, defined, refuse, refusal, type RuleContext } from './common.js';

type Data<K extends keyof PathwayCommandDataMap> = PathwayCommandDataMap[K];

export function referHousehold(data: Data<'ReferHousehold'>, ctx: DecideContext, today: string): Decision {
  if (!getProgrammeProfile(data.programme)) return refuse('programme.unknown', undefined, 'programme');
  if (!data.consent.given) return refuse('referral.consent_required', undefined, 'consent.given');
  if (data.referredOn > today) return refuse('date.in_future', `referredOn ${data.referredOn} is after today (${today}).`, 'referredOn');
  if (data.consent.givenOn > today) return refuse('date.in_future', `consent.givenOn ${data.consent.givenOn} is after today (${today}).`, 'consent.givenOn');
  // a household is referred with its consent: given on the day of the referral at the latest
  if (data.consent.givenOn > data.referredOn) {
    return refuse('referral.consent_required', `consent.givenOn ${data.consent.givenOn} is after the referral (${data.referredOn}).`, 'consent.givenOn');
  }
  const { pathwayId, ...rest } = data;
  return accept({ type: 'HouseholdReferred', data: defined({ pathwayId: pathwayId ?? ctx.newId(), ...rest }) });
}

function decidedBy(rc: RuleContext, deciderName: string | undefined) {
  const { id, role, organisationId } = rc.ctx.principal;
  return defined({ actorId: id, role, organisationId, name: deciderName });
}

export function acceptEntry(data: Data<'AcceptEntry'>, rc: RuleContext): Decision {
  const problem = checkDates(rc, [['decidedOn', data.decidedOn]]);
  if (problem) return refusal(problem);
  return accept({
    type: 'EntryAccepted',
    data: defined({ decidedOn: data.decidedOn, decidedBy: decidedBy(rc, data.deciderName), reason: data.reason }),
  });
}

export function rejectEntry(data: Data<'RejectEntry'>, rc: RuleContext): Decision {
  const problem = checkDates(rc, [['decidedOn', data.decidedOn]]);
  if (problem) return refusal(problem);
  return accept({
    type: 'EntryRejected',
    data: { decidedOn: data.decidedOn, decidedBy: decidedBy(rc, data.deciderName), reason: data.reason },
  });
}

export function assignVisitOfficer(data: Data<'AssignVisitOfficer'>, rc: RuleContext): Decision {
  const problem = checkDates(rc, [['assignedOn', data.assignedOn]]);
  if (problem) return refusal(problem);
  // assigning the officer already in charge changes nothing: no event, so retries are harmless
  if (rc.state.assignedOfficerId === data.officerId) return accept();
  return accept({ type: 'VisitOfficerAssigned', data: defined(data) });
}
