// The access policy alone (pure): HTTP tests hold the routes to it; these hold its rules.
import t from 'tap';
import { canCommand, referringOrganisation, roleMayCommand, type Actor, type Role } from '../../../domain/access/policy.js';

const actor = (role: Role, territories = ['calaisis']): Actor => ({ id: `${role}-1`, role, organisationId: 'org-own', territories });
const ROLES: Role[] = ['referrer', 'visit_officer', 'coordinator', 'auditor', 'partner_system', 'admin'];
const COMMANDS = ['RecordSupportContact', 'AcceptEntry', 'AssignVisitOfficer', 'SettlePhase', 'PathwayExited'];

t.test('the referring organisation: a referrer’s or partner’s own, else the one the referral names, else the recorder’s', async (t) => {
  for (const role of ROLES) {
    const named = referringOrganisation(actor(role), { organisationId: 'org-named' });
    t.equal(named, role === 'referrer' || role === 'partner_system' ? 'org-own' : 'org-named', `${role}, a referral naming another organisation`);
    t.equal(referringOrganisation(actor(role), {}), 'org-own', `${role}, a referral naming none`);
  }
  t.equal(referringOrganisation({ role: 'coordinator', organisationId: null }, {}), '', 'a principal without organisation, a referral naming none');
});

t.test('a refusal by role alone is the same whatever the pathway; canCommand adds the territory only', async (t) => {
  const here = { territory: 'calaisis', referrerOrganisationId: 'org-x' };
  const there = { territory: 'artois', referrerOrganisationId: 'org-x' };
  for (const role of ROLES) {
    for (const type of COMMANDS) {
      const byRole = roleMayCommand(actor(role), type);
      const inside = canCommand(actor(role), type, here);
      const outside = canCommand(actor(role), type, there);
      if (!byRole.allowed) {
        t.same(inside, byRole, `${role} ${type}: refused by role in its territory`);
        t.same(outside, byRole, `${role} ${type}: and outside it, alike`);
        continue;
      }
      t.ok(inside.allowed, `${role} ${type}: allowed in its territory`);
      t.equal(outside.allowed, role === 'admin', `${role} ${type}: outside it only an admin`);
    }
  }
  t.notOk(roleMayCommand(actor('visit_officer'), 'AcceptEntry').allowed, 'entry decisions are the coordinator’s');
  t.ok(roleMayCommand(actor('visit_officer'), 'RecordSupportContact').allowed);
});
