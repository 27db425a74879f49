// A complete, small history recorded through the API: referral, winter diagnostic, one
// orientation, a contact 12 days later (reinforced support) and a home visit after a 7-month
// gap. Under slime-plus-2025@2025.1 the visit is the one-year follow-up (224 days after the
// diagnostic, window 180-730); under FOLLOW_UP_FROM_300 (window 300-730) it is not.
import type { Caller } from '../../support/api.js';
import { commands, referHousehold } from '../../support/journey.js';

// Takes effect far in the future so that, whenever the tests run, it is added without
// becoming the version in force: the live read model stays under the built-in version.
export const FOLLOW_UP_FROM_300 = {
  name: 'slime-plus-2026',
  version: '2026.1',
  effectiveFrom: '2090-01-01',
  params: { pauseDays: 90, n1MinDays: 300, n1TargetDays: 365, n1MaxDays: 730, splitEpisodeOnNewProblem: false },
};
export const FOLLOW_UP_FROM_300_ID = 'slime-plus-2026@2026.1';
export const DEFAULT_ID = 'slime-plus-2025@2025.1';

export interface Story {
  pathwayId: string;
  diagnosticId: string;
  firstContactId: string;
  /** The home visit after the pause: N+1 under the default policy only. */
  visitId: string;
}

async function step(c: Caller, pathwayId: string, segment: string, body: unknown): Promise<string> {
  const res = await c.post(`/v1/pathways/${pathwayId}/${segment}`, body);
  if (res.statusCode !== 200) throw new Error(`${segment}: ${res.statusCode} ${res.body}`);
  return res.json().events[0].id as string;
}

export async function recordStory(c: Caller, territory = 'calaisis'): Promise<Story> {
  const pathwayId = await referHousehold(c, { referredOn: '2025-01-10' }, { territory: { code: territory, label: territory } });
  const diagnosticId = await step(c, pathwayId, 'diagnostic-visits', commands.diagnostic('2025-01-20').data);
  await step(c, pathwayId, 'orientations', commands.propose('2025-01-20').data);
  const firstContactId = await step(c, pathwayId, 'support-contacts', commands.contact('2025-02-01').data);
  const visitId = await step(c, pathwayId, 'support-contacts', { ...(commands.contact('2025-09-01').data as object), channel: 'home_visit' });
  return { pathwayId, diagnosticId, firstContactId, visitId };
}
