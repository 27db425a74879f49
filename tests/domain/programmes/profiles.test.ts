import t from 'tap';
import { COMMAND_TYPES, type CommandType } from '../../../contracts/commands/index.js';
import { DECLARED_PHASES } from '../../../contracts/enums.js';
import { getProgrammeProfile, PROGRAMME_IDS, PROGRAMME_PROFILES } from '../../../domain/programmes/index.js';

const MEASURE_COMMANDS: CommandType[] = ['SignMeasureContract', 'RecordPeriodicReview', 'RenewMeasure', 'SignMonthlyProgressNote'];

t.test('every programme has a profile, and only those', async (t) => {
  t.strictSame(PROGRAMME_PROFILES.map((p) => p.id), [...PROGRAMME_IDS]);
  for (const id of PROGRAMME_IDS) t.equal(getProgrammeProfile(id).id, id);
  t.equal(getProgrammeProfile('slime-2019'), undefined);
});

t.test('profiles are consistent', async (t) => {
  for (const p of PROGRAMME_PROFILES) {
    t.equal(new Set(p.commands).size, p.commands.length, `${p.id}: no command listed twice`);
    t.ok(p.commands.every((c) => COMMAND_TYPES.includes(c)), `${p.id}: only known commands`);
    for (const always of ['ReferHousehold', 'RecordExit', 'ReportExit', 'ReopenPathway', 'SettlePhase'] as const) {
      t.ok(p.commands.includes(always), `${p.id} allows ${always}`);
    }
    t.equal(p.commands.includes('AcceptEntry'), p.requiresEntryValidation, `${p.id}: entry decisions iff validation`);
    t.equal(p.commands.includes('SignMeasureContract'), p.measure !== null, `${p.id}: contracts iff a measure`);
    t.ok(p.declarablePhases.every((ph) => DECLARED_PHASES.includes(ph)));
    if (p.measure) {
      const m = p.measure;
      t.ok(m.durationMonths.min <= m.durationMonths.max);
      t.ok(m.reviewMonths.every((mark) => mark >= 1 && mark <= (m.renewal?.maxTotalMonths ?? m.durationMonths.max)));
      t.ok(m.informalReviewMonths.every((mark) => m.reviewMonths.includes(mark)));
      t.equal(p.commands.includes('RenewMeasure'), m.renewal !== null, `${p.id}: renewals iff renewal settings`);
      t.equal(p.commands.includes('SignMonthlyProgressNote'), m.monthlyProgressNote, `${p.id}: monthly notes iff the programme asks`);
      if (m.renewal) t.ok(m.renewal.maxTotalMonths >= m.durationMonths.max);
    } else {
      t.ok(MEASURE_COMMANDS.every((c) => !p.commands.includes(c)), `${p.id}: no measure command without a measure`);
    }
  }
});

t.test('Slime+: national, no entry validation, its five steps', async (t) => {
  const p = getProgrammeProfile('slime-plus');
  t.equal(p.requiresEntryValidation, false);
  t.strictSame(p.steps, ['diagnostic', 'orientation', 'reinforced_support', 'one_year_follow_up', 'evaluation']);
  t.ok(p.declarablePhases.includes('one_year_follow_up'));
  t.equal(p.measure, null);
});

t.test('Pas-de-Calais energy accompaniment 2026: SLISL validation, 3 to 6 months at 2 home visits a month', async (t) => {
  const p = getProgrammeProfile('pdc-energy-2026');
  t.equal(p.requiresEntryValidation, true);
  t.equal(p.entryValidator, 'SLISL');
  t.strictSame(p.measure?.durationMonths, { min: 3, max: 6 });
  t.equal(p.measure?.homeVisitsPerMonth, 2);
  t.equal(p.measure?.monthlyProgressNote, true);
  t.strictSame(p.measure?.finalReview, { required: true, signedByHousehold: true });
  t.strictSame(p.operationPeriod, { from: '2026-06-01', to: '2027-05-31' });
});

t.test('ASTRE 2026: a 12-month measure, a home visit a month, reviews at 3, 6 and 9 months, contract within a month', async (t) => {
  const p = getProgrammeProfile('pdc-astre-2026');
  t.strictSame(p.measure?.durationMonths, { min: 12, max: 12 });
  t.equal(p.measure?.homeVisitsPerMonth, 1);
  t.strictSame(p.measure?.reviewMonths, [3, 6, 9]);
  t.equal(p.measure?.contractDeadlineDays, 30);
  t.equal(p.measure?.renewal, null);
});

t.test('ADSL 2026: renewals by 6 months up to 24', async (t) => {
  const p = getProgrammeProfile('pdc-adsl-2026');
  t.strictSame(p.measure?.renewal, { maxStepMonths: 6, maxTotalMonths: 24, exceptionalMaxTotalMonths: null });
  t.strictSame(p.measure?.reviewMonths, [3, 6, 12]);
  t.strictSame(p.measure?.informalReviewMonths, [3]);
});
