// Who may see and do what. Pure: the HTTP layer passes the principal and the pathway's scope.

export type Role = 'referrer' | 'visit_officer' | 'coordinator' | 'auditor' | 'partner_system' | 'admin';

export interface Actor {
  id: string;
  role: Role;
  organisationId: string;
  /** `*` stands for every territory. */
  territories: string[];
}

/** What decides access to one pathway. */
export interface PathwayScope {
  territory: string;
  referrerOrganisationId: string;
}

/**
 * The organisation that referred a household: the one whose referrers and partner systems see
 * the pathway. A referrer or partner system refers for its own organisation, whatever the body
 * names; staff recording a referral they received (by phone, letter or form) record it for the
 * organisation the referral names, or for their own when it names none.
 */
export function referringOrganisation(recordedBy: { role: string; organisationId?: string | null }, referrer: { organisationId?: string | undefined }): string {
  const own = recordedBy.organisationId ?? '';
  if (recordedBy.role === 'referrer' || recordedBy.role === 'partner_system') return own;
  return referrer.organisationId ?? own;
}

/** `full`: the whole record; `outcome`: stage, orientations and exit only, no personal data. */
export type ReadView = 'full' | 'outcome';

export type AccessDecision = { allowed: true } | { allowed: false; code: string; detail: string };

const ALLOWED: AccessDecision = { allowed: true };

export function actsIn(actor: Actor, territory: string): boolean {
  return actor.territories.includes('*') || actor.territories.includes(territory);
}

/** Referrers and partner systems see outcomes only, whichever pathway it is. */
export function seesOutcomeOnly(actor: Actor): boolean {
  return actor.role === 'referrer' || actor.role === 'partner_system';
}

export function readView(actor: Actor, scope: PathwayScope): ReadView | null {
  switch (actor.role) {
    case 'admin':
    case 'auditor':
      return 'full';
    case 'coordinator':
    case 'visit_officer':
      return actsIn(actor, scope.territory) ? 'full' : null;
    case 'referrer':
    case 'partner_system':
      return actor.organisationId === scope.referrerOrganisationId ? 'outcome' : null;
  }
}

export function canRead(actor: Actor, scope: PathwayScope): AccessDecision {
  if (readView(actor, scope)) return ALLOWED;
  if (actor.role === 'referrer' || actor.role === 'partner_system') {
    return { allowed: false, code: 'auth.not_your_referral', detail: 'Referrers and partner systems see only the pathways their organisation referred.' };
  }
  return { allowed: false, code: 'auth.out_of_territory', detail: `Your role acts only in your territories; this pathway belongs to territory ${scope.territory}.` };
}

/** Steps that belong to the programme's coordination, not to the visit officers. */
const COORDINATOR_ONLY = new Set(['AcceptEntry', 'RejectEntry', 'AssignVisitOfficer', 'SettlePhase']);

/** May the actor refer a new household in this territory? */
export function canRefer(actor: Actor, territory: string): AccessDecision {
  if (actor.role === 'auditor') return readOnly();
  if ((actor.role === 'coordinator' || actor.role === 'visit_officer') && !actsIn(actor, territory)) {
    return { allowed: false, code: 'auth.out_of_territory', detail: `Your role acts only in your territories, not in ${territory}.` };
  }
  return ALLOWED;
}

/**
 * May the actor's role ever send this command, whatever its body and pathway? Answered before
 * the body is read, so a role that may not write is told so, not told its body is invalid.
 */
export function roleMaySend(actor: Actor, commandType: string): AccessDecision {
  if (commandType === 'ReferHousehold') return actor.role === 'auditor' ? readOnly() : ALLOWED;
  return roleMayCommand(actor, commandType);
}

/** May the actor's role run this command on some pathway (whichever it is)? */
export function roleMayCommand(actor: Actor, commandType: string): AccessDecision {
  switch (actor.role) {
    case 'admin':
    case 'coordinator':
      return ALLOWED;
    case 'auditor':
      return readOnly();
    case 'referrer':
    case 'partner_system':
      return { allowed: false, code: 'auth.role_forbidden', detail: 'Referrers and partner systems submit referrals and read outcomes; they do not record pathway steps.' };
    case 'visit_officer':
      return COORDINATOR_ONLY.has(commandType) ? { allowed: false, code: 'auth.role_forbidden', detail: `${commandType} is a coordinator's decision.` } : ALLOWED;
  }
}

/** May the actor run this command on an existing pathway? */
export function canCommand(actor: Actor, commandType: string, scope: PathwayScope): AccessDecision {
  const byRole = roleMayCommand(actor, commandType);
  if (!byRole.allowed || actor.role === 'admin') return byRole;
  return actsIn(actor, scope.territory)
    ? ALLOWED
    : { allowed: false, code: 'auth.out_of_territory', detail: `Your role acts only in your territories; this pathway belongs to territory ${scope.territory}.` };
}

/** Only admins manage phase policy versions. */
export function canManagePolicies(actor: Actor): AccessDecision {
  return actor.role === 'admin' ? ALLOWED : { allowed: false, code: 'auth.role_forbidden', detail: 'Only administrators add phase policy versions.' };
}

/** Auditors, admins and coordinators may run audits; auditors everywhere, coordinators in their territories (checked per pathway). */
export function canAudit(actor: Actor): AccessDecision {
  return actor.role === 'auditor' || actor.role === 'admin' || actor.role === 'coordinator'
    ? ALLOWED
    : { allowed: false, code: 'auth.role_forbidden', detail: 'Audit replays and chain verification are for auditors, coordinators and administrators.' };
}

function readOnly(): AccessDecision {
  return { allowed: false, code: 'auth.read_only', detail: 'Auditors read everything and write nothing.' };
}
