import t from 'tap';
import { commands as c, events as e } from './fixtures.js';
import { given } from './given.js';

const slime = [e.referred()];

t.test('a contact attempt is recorded with its channel and outcome', async (t) => {
  const state = given(t, slime).when(c.attempt('2026-06-03', 'phone', 'no_answer')).then([
    { type: 'ContactAttempted', data: { attemptId: 'id-1', attemptedOn: '2026-06-03', channel: 'phone', outcome: 'no_answer' } },
  ]);
  t.equal(state?.stage, 'contact');
});

t.test('a visit is scheduled for a date to come, not before the day it was agreed', async (t) => {
  given(t, slime)
    .when({ type: 'ScheduleVisit', data: { scheduledOn: '2026-09-10', scheduledFor: '2026-10-01', problemNote: 'Factures élevées' } })
    .then([{ type: 'VisitScheduled', data: { visitId: 'id-1', scheduledOn: '2026-09-10', scheduledFor: '2026-10-01', purpose: 'diagnostic', problemNote: 'Factures élevées' } }]);
  given(t, slime)
    .when({ type: 'ScheduleVisit', data: { scheduledOn: '2026-09-10', scheduledFor: '2026-09-01' } })
    .thenRejects('date.out_of_order', 'scheduledFor');
});

t.test('closed door: two failed home visits', async (t) => {
  const twoFailed = [...slime, e.attempt('a-1', '2026-06-10'), e.attempt('a-2', '2026-06-17')];

  t.test('the two latest uncounted failed visits are used by default', async (t) => {
    const state = given(t, twoFailed).when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-17' } }).then([
      { type: 'ClosedDoorRecorded', data: { closedDoorId: 'id-1', recordedOn: '2026-06-17', attemptIds: ['a-1', 'a-2'] } },
    ]);
    t.equal(state?.contactAttempts.every((a) => a.closedDoorId === 'id-1'), true);
  });
  t.test('one failed visit is not enough', async (t) => {
    given(t, [...slime, e.attempt('a-1', '2026-06-10')]).when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-17' } }).thenRejects('closed_door.insufficient_attempts');
  });
  t.test('a phone call nobody answered is not a failed home visit', async (t) => {
    const past = [...slime, e.attempt('a-1', '2026-06-10'), e.attempt('p-1', '2026-06-12', 'phone', 'no_answer')];
    given(t, past).when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-17', attemptIds: ['a-1', 'p-1'] } }).thenRejects('closed_door.insufficient_attempts', 'attemptIds.1');
  });
  t.test('a failed visit counts in one closed door only', async (t) => {
    const past = [
      ...twoFailed,
      { type: 'ClosedDoorRecorded' as const, data: { closedDoorId: 'cd-1', recordedOn: '2026-06-17', attemptIds: ['a-1', 'a-2'] as [string, string] } },
      e.attempt('a-3', '2026-06-24'),
    ];
    given(t, past).when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-24', attemptIds: ['a-2', 'a-3'] } }).thenRejects('closed_door.insufficient_attempts', 'attemptIds.0');
    given(t, past).when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-24' } }).thenRejects('closed_door.insufficient_attempts');
  });
  t.test('named attempts must exist and differ', async (t) => {
    given(t, twoFailed).when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-17', attemptIds: ['a-1', 'a-9'] } }).thenRejects('contact_attempt.not_found', 'attemptIds.1');
    given(t, twoFailed).when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-17', attemptIds: ['a-1', 'a-1'] } }).thenRejects('closed_door.insufficient_attempts');
  });
  t.test('a closed door is recorded after the visits it counts', async (t) => {
    given(t, twoFailed).when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-15', attemptIds: ['a-1', 'a-2'] } }).thenRejects('date.out_of_order', 'recordedOn');
  });
  t.test('where the entry is validated, a closed door waits for it (it is billable)', async (t) => {
    given(t, [e.referred({ programme: 'pdc-energy-2026' }), e.attempt('a-1', '2026-06-10'), e.attempt('a-2', '2026-06-17')])
      .when({ type: 'RecordClosedDoor', data: { recordedOn: '2026-06-17' } })
      .thenRejects('entry.validation_required');
  });
});
