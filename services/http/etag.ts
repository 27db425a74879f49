import { ProblemError } from './problem.js';

export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/**
 * If-Match (RFC 9110 §13.1.1): undefined when absent or `*` (any current revision will do: a
 * missing pathway is a 404 either way), else the revisions it names, any of which matches. The
 * comparison is strong: a weak tag (W/"3") matches nothing, nor does a tag this API never gives
 * ("007", "abc"); such a list is empty and the command gets 412. Unquoted text is a 400.
 */
export function parseIfMatch(header: string | string[] | undefined): readonly number[] | undefined {
  if (header === undefined) return undefined;
  const text = (Array.isArray(header) ? header.join(',') : header).trim();
  if (text === '*') return undefined;
  const revisions: number[] = [];
  let tags = 0;
  // A list of entity tags (RFC 9110 §5.6.1, §8.8.3): empty elements are allowed, and a comma may
  // stand inside a quoted tag, so the text is read tag by tag rather than split on commas.
  for (let at = 0; at < text.length; ) {
    LIST_ELEMENT.lastIndex = at;
    const element = LIST_ELEMENT.exec(text);
    if (!element || element[0].length === 0) throw invalidIfMatch();
    at = LIST_ELEMENT.lastIndex;
    if (element[2] === undefined) continue;
    tags++;
    if (element[1] === undefined && /^(?:0|[1-9]\d{0,14})$/.test(element[2])) revisions.push(Number(element[2]));
  }
  if (tags === 0) throw invalidIfMatch();
  return revisions;
}

/** One element of the list: an optional entity tag (weak or strong), then a comma or the end. */
const LIST_ELEMENT = /[ \t]*(?:(W\/)?"([\x21\x23-\x7e\x80-\xff]*)")?[ \t]*(?:,|$)/y;

function invalidIfMatch(): ProblemError {
  return new ProblemError(400, 'request.invalid_if_match', 'If-Match must be *, or entity tags received from this API, such as "3" (a list: "3", "4").');
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
