import { ProblemError } from './problem.js';

export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/** If-Match carries the revision the caller last read, as the ETag we gave ("5", W/"5" or 5). */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec((value ?? '').trim());
  if (!match) throw new ProblemError(400, 'request.invalid_if_match', 'If-Match must be an ETag received from this API, such as "3".');
  return Number(match[1]);
}

/**
 * Whether If-None-Match names the current representation (RFC 9110 §13.1.2: `*`, or a list of
 * entity tags compared weakly). Anything unreadable matches nothing: the full answer is sent.
 */
export function ifNoneMatchHolds(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  for (const value of Array.isArray(header) ? header : [header]) {
    for (const tag of value.split(',')) {
      const t = tag.trim();
      // Our ETags are strong: a weak copy of one (W/"3") names the same revision.
      if (t === '*' || t === etag || t === `W/${etag}`) return true;
    }
  }
  return false;
}
