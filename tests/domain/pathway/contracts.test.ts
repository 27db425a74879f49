import t from 'tap';
import { COMMAND_TYPES, commandRoutes, pathwayCommandSchemas } from '../../../contracts/commands/index.js';
import * as enums from '../../../contracts/enums.js';
import { PERSONAL_DATA_KEYS, stripPersonalData } from '../../../contracts/personal-data.js';
import { householdSchema } from '../../../contracts/parts/referral.js';
import { commands as c } from './fixtures.js';
import { samples } from './samples.js';

t.test('every command payload rejects unknown fields', async (t) => {
  for (const type of COMMAND_TYPES) {
    const { data } = samples[type].build(samples[type].valid);
    t.ok(pathwayCommandSchemas[type].safeParse(data).success, `${type} sample is valid`);
    const result = pathwayCommandSchemas[type].safeParse({ ...(data as object), unexpected: true });
    t.equal(result.success ? 'accepted' : result.error.issues[0]?.code, 'unrecognized_keys', `${type} rejects an unknown field`);
  }
});

t.test('nested objects reject unknown fields too', async (t) => {
  const data = c.refer().data as { household: { identity: object } };
  const tampered = { ...data, household: { ...data.household, identity: { ...data.household.identity, nir: '1710562...' } } };
  t.notOk(pathwayCommandSchemas.ReferHousehold.safeParse(tampered).success);
});

t.test('strings, amounts, arrays and dates are bounded', async (t) => {
  const contact = (extra: object) => pathwayCommandSchemas.RecordSupportContact.safeParse({ contactDate: '2026-07-01', channel: 'phone', participants: ['A'], ...extra }).success;
  t.ok(contact({}));
  t.notOk(contact({ note: 'x'.repeat(4001) }), 'notes have a maximum length');
  t.notOk(contact({ participants: [] }), 'a contact has participants');
  t.notOk(contact({ participants: Array.from({ length: 11 }, (_, i) => `P${i}`) }), 'participants are bounded');
  t.notOk(contact({ contactDate: '2026-02-30' }), 'dates are real calendar dates');
  t.notOk(contact({ contactDate: '2026-07-01T10:00:00Z' }), 'dates carry no time');
  const sample = samples.CompleteDiagnosticVisit;
  const visit = sample.build(sample.valid).data as { income: object };
  t.notOk(pathwayCommandSchemas.CompleteDiagnosticVisit.safeParse({ ...visit, income: { annualDisposableIncome: -1 } }).success, 'amounts are never negative');
});

t.test('an exit without a type passes the schema so the domain can answer exit.type_required', async (t) => {
  t.ok(pathwayCommandSchemas.RecordExit.safeParse({ exitDate: '2026-07-01' }).success);
});

t.test('every command has a kebab-case route segment of its own', async (t) => {
  t.strictSame(Object.keys(commandRoutes).sort(), [...COMMAND_TYPES].sort());
  const segments = Object.values(commandRoutes).map((r) => r.segment);
  t.equal(new Set(segments).size, segments.length, 'segments are unique');
  for (const { segment, summary } of Object.values(commandRoutes)) {
    t.match(segment, /^[a-z]+(-[a-z]+)*$/);
    t.ok(summary.length > 0);
  }
  t.equal(commandRoutes.RecordSupportContact.segment, 'support-contacts');
  t.equal(commandRoutes.AcceptEntry.segment, 'entry-acceptance');
});

t.test('every enumeration value has a French label', async (t) => {
  const pairs: Array<[readonly string[], Record<string, string>]> = [
    [enums.PROGRAMME_IDS, enums.PROGRAMME_LABELS],
    [enums.REFERRAL_CHANNELS, enums.REFERRAL_CHANNEL_LABELS],
    [enums.REFERRER_KINDS, enums.REFERRER_KIND_LABELS],
    [enums.CONTACT_CHANNELS, enums.CONTACT_CHANNEL_LABELS],
    [enums.SUPPORT_CHANNELS, enums.SUPPORT_CHANNEL_LABELS],
    [enums.CONTACT_OUTCOMES, enums.CONTACT_OUTCOME_LABELS],
    [enums.SETTLED_PHASES, enums.PHASE_LABELS],
    [enums.DECLARED_PHASES, enums.PHASE_LABELS],
    [enums.EXIT_TYPES, enums.EXIT_TYPE_LABELS],
    [enums.EXIT_REPORT_RECIPIENTS, enums.EXIT_REPORT_RECIPIENT_LABELS],
    [enums.ROLES, enums.ROLE_LABELS],
    [enums.ORIENTATION_CATEGORIES, enums.ORIENTATION_CATEGORY_LABELS],
    [enums.ORIENTATION_STATUSES, enums.ORIENTATION_STATUS_LABELS],
    [enums.RELAY_ACTOR_KINDS, enums.RELAY_ACTOR_KIND_LABELS],
    [enums.DIFFICULTY_CODES, enums.DIFFICULTY_LABELS],
    [enums.TENURES, enums.TENURE_LABELS],
    [enums.SEASONS, enums.SEASON_LABELS],
    [enums.VISITOR_ROLES, enums.VISITOR_ROLE_LABELS],
    [enums.UTILITIES, enums.UTILITY_LABELS],
    [enums.DEBT_KINDS, enums.DEBT_KIND_LABELS],
    [enums.FAMILY_SITUATIONS, enums.FAMILY_SITUATION_LABELS],
    [enums.EQUIPMENT_KINDS, enums.EQUIPMENT_KIND_LABELS],
    [enums.REPORT_PARTS, enums.REPORT_PART_LABELS],
    [enums.REPORT_RECIPIENTS, enums.REPORT_RECIPIENT_LABELS],
    [enums.REVIEW_KINDS, enums.REVIEW_KIND_LABELS],
  ];
  for (const [values, labels] of pairs) {
    for (const v of values) t.ok(labels[v]?.trim(), `${v} has a label`);
    t.ok(values.every((v) => /^[a-z0-9_-]+$/.test(v)), 'values are lower-case codes');
  }
});

t.test('orientation categories map to data·inclusion themes where one fits', async (t) => {
  for (const info of enums.ORIENTATION_CATEGORY_INFO) {
    t.ok(Array.isArray(info.dataInclusionThemes), `${info.code} has a (possibly empty) theme list`);
    for (const theme of info.dataInclusionThemes) t.match(theme, /^[a-z-]+(--[a-z-]+)?$/, `${theme} looks like a data·inclusion code`);
  }
  t.ok(enums.ORIENTATION_CATEGORY_DATA_INCLUSION_THEMES.budget_support.includes('gestion-financiere--apprendre-a-gerer-son-budget'));
});

t.test('personal data keys cover the household and its budget', async (t) => {
  for (const key of [...Object.keys(householdSchema.shape), 'income', 'debts', 'bills', 'billsAfter', 'composition', 'note', 'reason']) {
    if (key === 'tenure' || key === 'difficulties') continue; // outcome-level descriptors, not identifying
    t.ok((PERSONAL_DATA_KEYS as readonly string[]).includes(key), `${key} is personal data`);
  }
  t.strictSame(
    stripPersonalData({ pathwayId: 'p', household: { identity: {} }, items: [{ note: 'x', status: 'done' }] }),
    { pathwayId: 'p', items: [{ status: 'done' }] },
  );
});
