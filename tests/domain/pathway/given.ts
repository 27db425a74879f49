// Story helper for the pathway decider: given(past events).when(command).then(new events) or
// .thenRejects(code). Commands go through their published schema first (as the API would do)
// and every event, given or produced, must match its published contract, so a story also
// checks that the decider and the contracts agree.
import type { PathwayCommandInputMap, CommandType } from '../../../contracts/commands/index.js';
import { safeParsePathwayCommand } from '../../../contracts/commands/index.js';
import { CURRENT_EVENT_VERSIONS, parsePathwayEvent, type PathwayEvent } from '../../../contracts/events/index.js';
import {
  decidePathway, evolvePathway, initialPathwayState, type DecideContext, type Decision, type PathwayState, type Principal,
  type RejectionCode,
} from '../../../domain/pathway/index.js';

/** The fixed clock of every story: 15 September 2026, late morning in Paris. */
export const FIXED_NOW = new Date('2026-09-15T10:00:00Z');
export const TODAY = '2026-09-15';

export const COORDINATOR: Principal = { id: 'user-coordinator', role: 'coordinator', organisationId: 'org-operator' };
export const VISIT_OFFICER: Principal = { id: 'user-officer', role: 'visit_officer', organisationId: 'org-operator' };

/** Sequential ids: the n-th id the decider asks for is `id-n`. */
export function fixedContext(overrides: Partial<DecideContext> = {}): DecideContext {
  let n = 0;
  return { now: FIXED_NOW, newId: () => `id-${++n}`, principal: COORDINATOR, ...overrides };
}

/** The few assertions the helper needs, so it works with any tap test object. */
/* eslint-disable @typescript-eslint/no-explicit-any -- tap's own signatures are variadic */
export interface Asserts {
  strictSame(found: any, wanted: any, ...rest: any[]): boolean;
  equal(found: any, wanted: any, ...rest: any[]): boolean;
  fail(...rest: any[]): boolean;
}

export type CommandInput = { [K in CommandType]: { type: K; data: PathwayCommandInputMap[K] } }[CommandType];

export function fold(events: readonly PathwayEvent[]): PathwayState {
  return events.reduce<PathwayState>(evolvePathway, initialPathwayState());
}

function conforms(t: Asserts, events: readonly PathwayEvent[], what: string): boolean {
  for (const e of events) {
    try {
      parsePathwayEvent(e.type, CURRENT_EVENT_VERSIONS[e.type], e.data);
    } catch (error) {
      t.fail(`${what} ${e.type} does not match its contract`, { error: (error as { issues?: unknown }).issues ?? error });
      return false;
    }
  }
  return true;
}

export interface Outcome {
  readonly result: Decision;
  /** Asserts the exact new events; returns the state after them. */
  then(expected: PathwayEvent[]): PathwayState;
  /** Asserts acceptance without spelling the events out; returns them. */
  thenAccepts(): PathwayEvent[];
  thenRejects(code: RejectionCode, field?: string): void;
}

export function given(t: Asserts, events: PathwayEvent[] = []) {
  conforms(t, events, 'given event');
  const state = fold(events);
  return {
    state,
    when(command: CommandInput, ctx: DecideContext = fixedContext()): Outcome {
      const parsed = safeParsePathwayCommand(command.type, command.data);
      if (!parsed.success) {
        t.fail(`${command.type} payload does not match its schema`, { issues: parsed.issues });
        throw new Error('invalid command in a story');
      }
      const result = decidePathway(parsed.command, state, ctx);
      const produced = (): PathwayEvent[] => {
        if (result.ok) return result.events;
        t.fail(`expected ${command.type} to be accepted, got ${result.rejection.code}: ${result.rejection.detail}`);
        return [];
      };
      return {
        result,
        then(expected) {
          const got = produced();
          conforms(t, got, 'decided event');
          t.strictSame(got, expected, `${command.type} decides the expected events`);
          return got.reduce<PathwayState>(evolvePathway, state);
        },
        thenAccepts() {
          const got = produced();
          conforms(t, got, 'decided event');
          return got;
        },
        thenRejects(code, field) {
          if (result.ok) {
            t.fail(`expected ${command.type} to be rejected with ${code}, it was accepted`, { events: result.events });
            return;
          }
          t.equal(result.rejection.code, code, `${command.type} is rejected with ${code}`);
          if (field !== undefined) t.equal(result.rejection.field, field, `the rejection names ${field}`);
        },
      };
    },
  };
}
