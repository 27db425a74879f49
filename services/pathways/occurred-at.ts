import type { PathwayEvent } from '../../contracts/events/index.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * When the fact happened in the world, for the event's metadata: the business date the event
 * carries (visit date, contact date, decision date...), else the moment it was stated.
 * Date fields of the contracts end in On, Date, At or For; the first one found is the fact's date.
 */
export function occurredAtOf(event: PathwayEvent, now: Date): string {
  const data = event.data as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || !/(On|Date|At)$/.test(key)) continue;
    if (ISO_DATE.test(value)) return `${value}T00:00:00.000Z`;
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  }
  return now.toISOString();
}
