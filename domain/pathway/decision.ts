// The decider's types: what it is given and what it answers.
import type { PathwayCommand } from '../../contracts/commands/index.js';
import type { PathwayEvent } from '../../contracts/events/index.js';
import type { PathwayRejection } from './rejections.js';

export interface Principal {
  id: string;
  role: string;
  organisationId: string;
}

/** Everything impure the decider needs, passed in: the clock, id generation, who is acting. */
export interface DecideContext {
  now: Date;
  newId: () => string;
  principal: Principal;
}

export type Decision =
  | { ok: true; events: PathwayEvent[] }
  | { ok: false; rejection: PathwayRejection };

export type { PathwayCommand, PathwayEvent, PathwayRejection };
