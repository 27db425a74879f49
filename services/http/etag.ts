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
