// How an event type is described: its name, its schema version and the zod schema of its data.
// A change of shape is a new definition with version + 1, plus an upcaster (see upcasters.ts).
import type { z } from 'zod';

export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly version: number;
  readonly schema: S;
}

export function defineEvent<const T extends string, S extends z.ZodType>(
  type: T,
  version: number,
  schema: S,
): EventDefinition<T, S> {
  if (!Number.isInteger(version) || version < 1) throw new Error(`${type}: versions start at 1`);
  return { type, version, schema };
}
