// The one place where stored events are brought up to the current shape. A stored event is
// (type, version, data); an upcaster turns version n data into version n + 1 data, and the
// chain runs until the current version. Stored events are never rewritten.
import type { z } from 'zod';
import { CURRENT_EVENT_VERSIONS, isPathwayEventType, pathwayEventSchemaHistory, type PathwayEvent } from './registry.js';

export type Upcaster = (data: unknown) => unknown;
/** type → version it upgrades FROM → function producing the next version's data. */
export type UpcasterTable = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

export type EventContractErrorCode =
  | 'event.unknown_type'
  | 'event.unknown_version'
  | 'event.missing_upcaster'
  | 'event.invalid_data';

export class EventContractError extends Error {
  constructor(
    readonly code: EventContractErrorCode,
    message: string,
    readonly issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(message);
    this.name = 'EventContractError';
  }
}

export interface EventContract {
  readonly currentVersions: Readonly<Record<string, number>>;
  readonly schemaHistory: Readonly<Record<string, Readonly<Record<number, z.ZodType>>>>;
  readonly upcasters: UpcasterTable;
}

export interface EventReader<E> {
  /** Applies the upcaster chain without validating (stored data was validated when written). */
  upcast(type: string, version: number, data: unknown): E;
  /** Validates the data against its stored version, upcasts it, and validates the result. */
  parse(type: string, version: number, data: unknown): E;
}

/** Builds a reader for any event contract (the pathway one below, or a test registry). */
export function createEventReader<E extends { type: string; data: unknown }>(contract: EventContract): EventReader<E> {
  const currentVersionOf = (type: string, version: number): number => {
    const current = contract.currentVersions[type];
    if (current === undefined) throw new EventContractError('event.unknown_type', `unknown event type ${type}`);
    if (!Number.isInteger(version) || version < 1 || version > current) {
      throw new EventContractError('event.unknown_version', `${type} v${version} is not a known version (current is v${current})`);
    }
    return current;
  };

  const runChain = (type: string, from: number, to: number, data: unknown): unknown => {
    let shaped = data;
    for (let v = from; v < to; v++) {
      const step = contract.upcasters[type]?.[v];
      if (!step) throw new EventContractError('event.missing_upcaster', `no upcaster from ${type} v${v} to v${v + 1}`);
      shaped = step(shaped);
    }
    return shaped;
  };

  const validate = (type: string, version: number, data: unknown): unknown => {
    const schema = contract.schemaHistory[type]?.[version];
    if (!schema) throw new EventContractError('event.unknown_version', `no schema for ${type} v${version}`);
    const result = schema.safeParse(data);
    if (!result.success) {
      throw new EventContractError('event.invalid_data', `${type} v${version} data does not match its schema`, result.error.issues);
    }
    return result.data;
  };

  return {
    upcast(type, version, data) {
      const current = currentVersionOf(type, version);
      return { type, data: runChain(type, version, current, data) } as E;
    },
    parse(type, version, data) {
      const current = currentVersionOf(type, version);
      const stored = validate(type, version, data);
      const shaped = version === current ? stored : validate(type, current, runChain(type, version, current, stored));
      return { type, data: shaped } as E;
    },
  };
}

/** No pathway event has a second version yet; add `Type: { 1: (v1) => v2 }` entries here. */
export const pathwayUpcasters: UpcasterTable = {};

const pathwayEventReader = createEventReader<PathwayEvent>({
  currentVersions: CURRENT_EVENT_VERSIONS,
  schemaHistory: pathwayEventSchemaHistory,
  upcasters: pathwayUpcasters,
});

export function upcastPathwayEvent(type: string, version: number, data: unknown): PathwayEvent {
  return pathwayEventReader.upcast(type, version, data);
}

export function parsePathwayEvent(type: string, version: number, data: unknown): PathwayEvent {
  return pathwayEventReader.parse(type, version, data);
}

/** The (type, version, data) triple to store for a freshly decided event. */
export function toStoredPathwayEvent(event: PathwayEvent): { type: PathwayEvent['type']; version: number; data: unknown } {
  if (!isPathwayEventType(event.type)) throw new EventContractError('event.unknown_type', `unknown event type ${event.type}`);
  return { type: event.type, version: CURRENT_EVENT_VERSIONS[event.type], data: event.data };
}
