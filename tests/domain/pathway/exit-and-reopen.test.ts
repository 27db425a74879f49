import t from 'tap';
import type { PathwayEvent } from '../../../contracts/events/index.js';
import { commands as c, events as e } from './fixtures.js';
import { given } from './given.js';

const supported: PathwayEvent[] = [e.referred(), e.diagnostic('visit-1', '2026-06-20'), e.orientation('o-1', '2026-06-25'), e.contact('c-1', '2026-07-02')];
const exited = [...supported, e.exited('2026-07-15', 'contact_lost')];

t.test('an exit needs a type', async (t) => {
  given(t, supported).when(c.exit('2026-07-15')).thenRejects('exit.type_required', 'exitType');
});

t.test('a rupture is explained; a completed pathway need not be', async (t) => {
  given(t, supported).when(c.exit('2026-07-15', 'refusal')).thenRejects('exit.reason_required', 'reason');
  const state = given(t, supported).when(c.exit('2026-07-15', 'completed')).then([
    { type: 'PathwayExited', data: { exitDate: '2026-07-15', exitType: 'completed' } },
  ]);
  t.equal(state?.status, 'exited');
  t.equal(state?.stage, 'exited');
  given(t, supported).when(c.exit('2026-07-15', 'moved', 'Parti dans le Nord')).then([
    { type: 'PathwayExited', data: { exitDate: '2026-07-15', exitType: 'moved', reason: 'Parti dans le Nord' } },
  ]);
});

t.test('an exit is not dated before the last recorded activity', async (t) => {
  given(t, supported).when(c.exit('2026-07-01', 'contact_lost', 'Injoignable')).thenRejects('date.out_of_order', 'exitDate');
  given(t, supported).when(c.exit('2026-07-02', 'contact_lost', 'Injoignable')).thenAccepts();
});

t.test('a household may leave before its entry is validated', async (t) => {
  given(t, [e.referred({ programme: 'pdc-energy-2026' })]).when(c.exit('2026-06-10', 'refusal', 'Ne souhaite pas être accompagné')).thenAccepts();
});

t.test('nothing is recorded on an exited pathway until it is reopened', async (t) => {
  given(t, exited).when(c.contact('2026-07-20')).thenRejects('pathway.exited');
  given(t, exited).when(c.propose('2026-07-20')).thenRejects('pathway.exited');
  given(t, exited).when(c.changeStatus('o-1', 'accepted', '2026-07-20')).thenRejects('pathway.exited');
  given(t, exited).when(c.pause('2026-07-20')).thenRejects('pathway.exited');
  given(t, exited).when(c.exit('2026-07-20', 'completed')).thenRejects('pathway.exited');
  given(t, exited).when(c.attempt('2026-07-20')).thenRejects('pathway.exited');
});

t.test('an exit ends a pause in progress', async (t) => {
  const state = given(t, [...supported, e.pause('2026-07-05'), e.exited('2026-08-01')]).state;
  t.equal(state?.pauses[0]?.endDate, '2026-08-01');
});

t.test('reporting the exit to the coordinator and the referrer', async (t) => {
  given(t, supported).when({ type: 'ReportExit', data: { reportedOn: '2026-07-16', recipients: ['referrer'] } }).thenRejects('pathway.not_exited');
  const state = given(t, exited).when({ type: 'ReportExit', data: { reportedOn: '2026-07-16', recipients: ['coordinator', 'referrer'] } }).then([
    { type: 'ExitReported', data: { exitDate: '2026-07-15', reportedOn: '2026-07-16', recipients: ['coordinator', 'referrer'] } },
  ]);
  t.equal(state?.exits[0]?.reportedTo.length, 2);
  const told = [...exited, e.exitReported('2026-07-15', '2026-07-16', ['coordinator'])];
  given(t, told).when({ type: 'ReportExit', data: { reportedOn: '2026-07-17', recipients: ['referrer', 'coordinator'] } }).thenRejects('exit.already_reported', 'recipients.1');
  given(t, told).when({ type: 'ReportExit', data: { reportedOn: '2026-07-17', recipients: ['referrer'] } }).thenAccepts();
  given(t, exited).when({ type: 'ReportExit', data: { reportedOn: '2026-07-14', recipients: ['referrer'] } }).thenRejects('date.out_of_order', 'reportedOn');
});

t.test('reopening: the right to start again', async (t) => {
  given(t, supported).when(c.reopen('2026-07-20')).thenRejects('pathway.not_exited');
  given(t, exited).when(c.reopen('2026-07-14')).thenRejects('date.out_of_order', 'reopenedOn');
  const state = given(t, exited).when(c.reopen('2026-09-01')).then([
    { type: 'PathwayReopened', data: { reopenedOn: '2026-09-01', reason: 'Nouvelle demande du ménage' } },
  ]);
  t.equal(state?.status, 'active', 'Slime+ needs no new validation');
  t.equal(state?.stage, 'reopened');
  t.equal(state?.reopenCount, 1);
  t.equal(state?.exits[0]?.reopenedOn, '2026-09-01');

  const back = [...exited, e.reopened('2026-09-01')];
  given(t, back).when(c.contact('2026-09-02', { orientationIds: ['o-1'] })).thenAccepts();
  t.test('the days between the exit and the reopening belong to no support', async (t) => {
    given(t, back).when(c.contact('2026-08-15')).thenRejects('date.while_exited', 'contactDate');
    given(t, back).when(c.propose('2026-08-15')).thenRejects('date.while_exited', 'proposedOn');
  });
  t.test('it can exit again', async (t) => {
    given(t, back).when(c.exit('2026-09-05', 'completed')).thenAccepts();
  });
});

t.test('in Pas-de-Calais, a re-entry is validated again', async (t) => {
  const past = [
    e.referred({ programme: 'pdc-energy-2026' }), e.accepted('2026-06-05'), e.diagnostic('visit-1', '2026-06-20'),
    e.exited('2026-07-01', 'moved'), e.reopened('2026-08-01'),
  ];
  const state = given(t, past).state;
  t.equal(state?.status, 'awaiting_validation');
  t.equal(state?.entry, null);
  t.equal(state?.entryDecisions.length, 1, 'the first decision stays in the history');
  given(t, past).when(c.diagnostic('2026-08-10')).thenRejects('entry.validation_required');
  given(t, past).when(c.acceptEntry('2026-08-02')).thenAccepts();
});

t.test('a household that left before its entry was decided waits for a decision when it comes back', async (t) => {
  // ADSL does not re-validate re-entries, but this household was never validated at all.
  const past = [e.referred({ programme: 'pdc-adsl-2026' }), e.exited('2026-06-10', 'refusal'), e.reopened('2026-07-01')];
  const state = given(t, past).state;
  t.equal(state?.status, 'awaiting_validation');
  given(t, past).when(c.contract('2026-07-02', 12)).thenRejects('entry.validation_required');
  given(t, past).when(c.acceptEntry('2026-07-02')).thenAccepts();
});
