// The problem types the API answers with, by stable code: what each means, so that a problem's
// `type` (/problems/{code}) leads somewhere (RFC 9457 §3.1.1). The decider's refusals are listed
// with their own texts (domain/pathway/rejections.ts); these are the HTTP layer's. A test holds
// every code the service's sources send to this list.
export interface ProblemType {
  status: number;
  summary: string;
}

export const HTTP_PROBLEM_TYPES: Record<string, ProblemType> = {
  'auth.token_missing': { status: 401, summary: 'No bearer token (Authorization: Bearer <token>) was sent.' },
  'auth.token_invalid': { status: 401, summary: 'The token could not be verified, was issued in the future, or carries claims the service cannot use.' },
  'auth.token_expired': { status: 401, summary: 'The token has expired: get a new one.' },
  'auth.read_only': { status: 403, summary: 'Auditors read everything and write nothing.' },
  'auth.role_forbidden': { status: 403, summary: 'The caller’s role may not do this (a referrer’s step, an officer’s entry decision, a non-admin’s policy version).' },
  'auth.out_of_territory': { status: 403, summary: 'Visit officers and coordinators act only in the territories of their token.' },
  'auth.not_your_referral': { status: 403, summary: 'Referrers and partner systems see only the pathways their organisation referred.' },
  'auth.outcome_only': { status: 403, summary: 'Referrers and partner systems see outcomes only, not the history, its story or its classification.' },
  'request.invalid': { status: 400, summary: 'A field of the body, path, query or headers is invalid; `errors` gives each with a JSON pointer.' },
  'request.malformed_json': { status: 400, summary: 'The body is not valid JSON.' },
  'request.empty_body': { status: 400, summary: 'The body is empty where JSON was announced.' },
  'request.too_deep': { status: 400, summary: 'The body nests arrays or objects too deeply to be read.' },
  'request.too_large': { status: 413, summary: 'The body is larger than the service accepts (PARCOURS_BODY_LIMIT_BYTES).' },
  'request.unsupported_media_type': { status: 415, summary: 'Bodies are application/json only.' },
  'request.invalid_content_length': { status: 400, summary: 'The Content-Length does not match the body.' },
  'request.invalid_if_match': { status: 400, summary: 'If-Match is not *, nor a list of quoted entity tags.' },
  'request.invalid_cursor': { status: 400, summary: 'The cursor is not one this API returned.' },
  'request.malformed_url': { status: 400, summary: 'The request path’s percent-encoding is malformed.' },
  'request.uri_too_long': { status: 414, summary: 'A path segment is longer than any id.' },
  'idempotency.key_invalid': { status: 400, summary: 'An Idempotency-Key is 1 to 200 letters, digits and . _ : -' },
  'idempotency.key_reused': { status: 422, summary: 'The Idempotency-Key was used before with another request.' },
  'idempotency.in_progress': { status: 409, summary: 'A request with this Idempotency-Key is still running: retry shortly.' },
  'idempotency.busy': { status: 503, summary: 'Another process held the idempotency keys too long; nothing was recorded. Retry after Retry-After.' },
  'pathway.not_found': { status: 404, summary: 'No such pathway (or none at the asOf instant).' },
  'pathway.already_exists': { status: 409, summary: 'A pathway with this id or external reference exists; a household that comes back is reopened.' },
  'pathway.id_reserved': { status: 422, summary: 'Ids of the form the service derives (UUID version 8) may not be chosen by a client.' },
  'pathway.revision_mismatch': { status: 412, summary: 'The pathway is not at a revision the If-Match names: read it again and retry.' },
  'pathway.concurrent_change': { status: 409, summary: 'The pathway kept changing while the command ran: retry.' },
  'policy.invalid': { status: 422, summary: 'The phase policy breaks a rule across its fields; `errors` gives each.' },
  'policy.duplicate': { status: 409, summary: 'A phase policy version with this id exists; versions are never changed.' },
  'policy.not_found': { status: 404, summary: 'No phase policy version with this id.' },
  'policy.unknown': { status: 400, summary: 'The query names a phase policy version that does not exist.' },
  'policy.none_in_force': { status: 422, summary: 'No phase policy version is in force on that day: name one.' },
  'audit.territory_unknown': { status: 403, summary: 'The pathway’s referral cannot be read, so its territory is unknown: an auditor can verify it.' },
  'audit.store_unreadable': { status: 500, summary: 'The store cannot be read to its end.' },
  'store.busy': { status: 503, summary: 'Another process held the store’s write lock too long; nothing was recorded. Retry after Retry-After.' },
  'store.event_unreadable': { status: 500, summary: 'A stored event cannot be read: an auditor can verify the hash chains.' },
  'route.not_found': { status: 404, summary: 'No route has this path (see /docs).' },
  'route.method_not_allowed': { status: 405, summary: 'The path exists but does not answer this method; the Allow header lists those it answers.' },
  'problem.unknown': { status: 404, summary: 'No such problem type: GET /problems lists them.' },
  internal: { status: 500, summary: 'An unexpected error, logged with the request id.' },
};
