import type { Test } from 'tap';
import type { z } from 'zod';

/**
 * Holds a body the service sent to the schema /docs/json publishes for it: the strict parse
 * succeeds, and adds nothing (a field with a default could otherwise go missing unseen).
 */
export function holdsToPublished(t: Test, schema: z.ZodType, body: unknown, what: string): void {
  const parsed = schema.safeParse(body);
  t.ok(parsed.success, `${what} is as published${parsed.success ? '' : `: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`}`);
  if (parsed.success) t.same(parsed.data, body, `${what} has every published field itself`);
}
