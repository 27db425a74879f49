// Business dates over HTTP: nothing that happened is dated in the future, before the referral,
// before the entry validation (funded work), or in a period when the pathway had exited.
import t from 'tap';
import { commands, daysFromToday, Pathway, setUp, step, type CommandInput } from '../journeys/steps.js';

const FUTURE = daysFromToday(2);
const BEFORE_REFERRAL = '2026-05-30'; // the fixtures refer households on 2 June 2026

t.test('a date in the future is refused, whatever the command', async (t) => {
  const { svc, as } = await setUp(t);
  const energy = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await energy.rejects(commands.acceptEntry(FUTURE), { status: 422, code: 'date.in_future', field: 'decidedOn' });
  await energy.rejects(step.assign(FUTURE), { status: 422, code: 'date.in_future', field: 'assignedOn' });

  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(step.propose('2026-06-25', 'financial_aid_fsl', 'fsl'), as.officer);
  const cases: Array<[CommandInput, string]> = [
    [step.attempt(FUTURE), 'attemptedOn'],
    [step.schedule(FUTURE, FUTURE), 'scheduledOn'],
    [commands.diagnostic(FUTURE), 'visitDate'],
    [step.issueReport(FUTURE), 'issuedOn'],
    [step.propose(FUTURE, 'health', 'health-1'), 'proposedOn'],
    [commands.changeStatus('fsl', 'accepted', FUTURE), 'changedOn'],
    [commands.contact(FUTURE), 'contactDate'],
    [commands.pause(FUTURE), 'startDate'],
    [step.evaluation(FUTURE), 'evaluationDate'],
    [step.exit(FUTURE, 'completed'), 'exitDate'],
  ];
  for (const [command, field] of cases) {
    await p.rejects(command, { status: 422, code: 'date.in_future', field }, as.officer);
  }
});

// run only when the Paris calendar day cannot change during the test
const parisHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));

t.test('today is not the future', { skip: parisHour === 23 ? 'too close to midnight in Paris' : false }, async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  const today = daysFromToday(0);
  const tomorrow = daysFromToday(1);
  await p.do(step.attempt(today), as.officer);
  await p.do(step.schedule(today, daysFromToday(14)), as.officer);
  await p.rejects(commands.contact(tomorrow), { status: 422, code: 'date.in_future', field: 'contactDate' }, as.officer);
});

t.test('a date before the referral is refused, whatever the command', async (t) => {
  const { svc, as } = await setUp(t);
  const energy = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await energy.rejects(commands.acceptEntry(BEFORE_REFERRAL), { status: 422, code: 'date.before_referral', field: 'decidedOn' });
  await energy.rejects(commands.rejectEntry(BEFORE_REFERRAL), { status: 422, code: 'date.before_referral', field: 'decidedOn' });

  const p = await Pathway.refer(t, svc, as);
  const cases: Array<[CommandInput, string]> = [
    [step.assign(BEFORE_REFERRAL), 'assignedOn'],
    [step.attempt(BEFORE_REFERRAL), 'attemptedOn'],
    [step.schedule(BEFORE_REFERRAL, '2026-06-10'), 'scheduledOn'],
    [step.schedule('2026-06-03', '2026-06-01'), 'scheduledFor'],
    [commands.diagnostic(BEFORE_REFERRAL), 'visitDate'],
    [step.propose(BEFORE_REFERRAL, 'health', 'health-1'), 'proposedOn'],
    [commands.contact(BEFORE_REFERRAL), 'contactDate'],
    [commands.pause(BEFORE_REFERRAL), 'startDate'],
    [step.exit(BEFORE_REFERRAL, 'refusal', 'Refus'), 'exitDate'],
  ];
  for (const [command, field] of cases) {
    await p.rejects(command, { status: 422, code: 'date.before_referral', field }, as.coordinator);
  }
  await p.do(commands.diagnostic('2026-06-02'), as.officer);
  t.equal((await p.state()).diagnostics.length, 1, 'the day of the referral itself is fine');
});

t.test('funded work is not dated before the entry validation', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.do(commands.acceptEntry('2026-06-10'));
  await p.rejects(commands.diagnostic('2026-06-09'), { status: 422, code: 'date.before_entry_validation', field: 'visitDate' }, as.officer);
  await p.do(commands.diagnostic('2026-06-12'), as.officer);
  await p.rejects(step.contract('2026-06-09', 3, { signedOn: '2026-06-12' }), { status: 422, code: 'date.before_entry_validation', field: 'measureStartDate' });
  await p.do(step.contract('2026-06-15', 3));
  // orientations, support contacts and evaluations are work on the household too
  await p.rejects(step.propose('2026-06-09', 'health', 'health-1'), { status: 422, code: 'date.before_entry_validation', field: 'proposedOn' }, as.officer);
  await p.rejects(commands.contact('2026-06-09'), { status: 422, code: 'date.before_entry_validation', field: 'contactDate' }, as.officer);
  await p.rejects(step.evaluation('2026-06-09'), { status: 422, code: 'date.before_entry_validation', field: 'evaluationDate' }, as.officer);
  await p.do(step.propose('2026-06-16', 'health', 'health-1'), as.officer);
  await p.do(commands.contact('2026-06-16'), as.officer);
});

t.test('nothing is dated in the days a pathway had exited, once it is reopened', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(step.exit('2026-07-01', 'contact_lost', 'Plus de réponse'), as.officer);
  await p.do(step.reopen('2026-09-01'));
  const gap = '2026-08-01';
  const cases: Array<[CommandInput, string]> = [
    [step.attempt(gap), 'attemptedOn'],
    [commands.diagnostic(gap), 'visitDate'],
    [step.propose(gap, 'health', 'health-1'), 'proposedOn'],
    [commands.contact(gap), 'contactDate'],
    [step.evaluation(gap), 'evaluationDate'],
  ];
  for (const [command, field] of cases) {
    await p.rejects(command, { status: 422, code: 'date.while_exited', field }, as.officer);
  }
  // the first stay, exit day included, is closed: nothing is slipped into it after the reopening
  for (const day of ['2026-06-25', '2026-07-01']) {
    await p.rejects(step.attempt(day), { status: 422, code: 'date.before_reopening', field: 'attemptedOn' }, as.officer);
  }
  await p.do(step.attempt('2026-09-01'), as.officer);
});
