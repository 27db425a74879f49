// Phase policies: an admin-submitted version is validated with field paths; the catalogue
// refuses duplicates, keeps versions immutable and tells which one is in force on a date.
import t from 'tap';
import { DEFAULT_PHASE_POLICY, PolicyCatalogue, parsePhasePolicy, phasePolicySchema } from '../../../domain/phases/index.js';

const submission = {
  name: 'slime-plus-2025',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  params: { pauseDays: 120, n1MinDays: 240, n1MaxDays: 600, n1TargetDays: 365, splitEpisodeOnNewProblem: true },
};

t.test('the default policy is slime-plus-2025 with the documented parameters', async (t) => {
  t.same(DEFAULT_PHASE_POLICY, {
    name: 'slime-plus-2025', version: '2025.1', id: 'slime-plus-2025@2025.1', effectiveFrom: '2022-01-01',
    params: { pauseDays: 90, n1MinDays: 180, n1MaxDays: 730, n1TargetDays: 365, splitEpisodeOnNewProblem: false },
  });
  t.ok(Object.isFrozen(DEFAULT_PHASE_POLICY.params));
  t.ok(phasePolicySchema.safeParse(DEFAULT_PHASE_POLICY).success);
});

t.test('a valid submission becomes a policy with its id', async (t) => {
  const r = parsePhasePolicy(submission);
  t.ok(r.ok);
  if (r.ok) t.equal(r.policy.id, 'slime-plus-2025@2026.1');
});

t.test('an invalid submission is refused with field paths', async (t) => {
  const bad = (patch: Record<string, unknown>, params: Record<string, unknown> = {}) =>
    parsePhasePolicy({ ...submission, ...patch, params: { ...submission.params, ...params } });
  const paths = (r: ReturnType<typeof parsePhasePolicy>) => (r.ok ? [] : r.issues.map((i) => i.path));
  t.same(paths(bad({}, { n1TargetDays: 240 })), ['params.n1TargetDays']);
  t.same(paths(bad({}, { n1MaxDays: 365 })), ['params.n1MaxDays']);
  t.same(paths(bad({}, { pauseDays: 0 })), ['params.pauseDays']);
  t.same(paths(bad({}, { pauseDays: 90.5 })), ['params.pauseDays']);
  t.same(paths(bad({}, { extra: 1 })), ['params']);
  t.same(paths(bad({ effectiveTo: '2025-12-31' })), ['effectiveTo']);
  t.same(paths(bad({ effectiveFrom: '2026-02-30' })), ['effectiveFrom']);
  t.same(paths(bad({ id: 'other@1' })), ['id']);
  t.same(paths(bad({ name: 'Slime Plus' })), ['name']);
});

t.test('the catalogue refuses duplicates and keeps versions immutable', async (t) => {
  const cat = new PolicyCatalogue();
  t.same(cat.list().map((p) => p.id), ['slime-plus-2025@2025.1']);
  const r = parsePhasePolicy(submission);
  if (!r.ok) throw new Error('fixture');
  const stored = cat.add(r.policy);
  t.throws(() => cat.add(r.policy), { code: 'policy.duplicate' });
  t.throws(() => cat.add({ ...r.policy, version: '2026.2', id: 'slime-plus-2025@2026.2', params: { ...r.policy.params, n1MinDays: 999 } }), { code: 'policy.invalid' });
  r.policy.params.pauseDays = 1;
  t.equal(cat.get('slime-plus-2025@2026.1')?.params.pauseDays, 120, 'the caller cannot change a stored version');
  t.ok(Object.isFrozen(stored.params));
  t.equal(cat.get('nope@1'), undefined);
});

t.test('effectiveAt picks the version in force on a date', async (t) => {
  const cat = new PolicyCatalogue();
  const r = parsePhasePolicy({ ...submission, effectiveTo: '2026-12-31' });
  if (!r.ok) throw new Error('fixture');
  cat.add(r.policy);
  t.equal(cat.effectiveAt('2021-12-31'), undefined);
  t.equal(cat.effectiveAt('2025-06-01')?.id, 'slime-plus-2025@2025.1');
  t.equal(cat.effectiveAt('2026-01-01')?.id, 'slime-plus-2025@2026.1', 'the newer version supersedes the open-ended one');
  t.equal(cat.effectiveAt('2026-12-31T23:00:00Z')?.id, 'slime-plus-2025@2026.1');
  t.equal(cat.effectiveAt('2027-01-01')?.id, 'slime-plus-2025@2025.1', 'after its end, the older open-ended one applies again');
  t.same(cat.list().map((p) => p.id), ['slime-plus-2025@2025.1', 'slime-plus-2025@2026.1']);
});
