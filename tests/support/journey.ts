import type { Caller } from './api.js';
import { commands } from '../domain/pathway/fixtures.js';

export { commands };

/** Creates a pathway through the API and returns its id. */
export async function referHousehold(c: Caller, o: Parameters<typeof commands.refer>[0] = {}, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await c.post('/v1/pathways', { ...commands.refer(o).data, ...extra });
  if (res.statusCode !== 201) throw new Error(`referral failed: ${res.statusCode} ${res.body}`);
  return res.json().pathwayId as string;
}
