import t from 'tap';
import { COMMAND_TYPES } from '../../../contracts/commands/index.js';
import { calendarDateIn } from '../../../domain/shared/dates.js';
import { commands as c, events as e } from './fixtures.js';
import { fixedContext, given, TODAY } from './given.js';
import { samples } from './samples.js';

t.test('the fixed clock reads 15 September 2026 in Paris', async (t) => {
  t.equal(calendarDateIn(fixedContext().now), TODAY);
});

for (const type of COMMAND_TYPES) {
  const sample = samples[type];
  t.test(`${type}: its date is checked`, async (t) => {
    given(t, sample.past).when(sample.build(sample.valid)).thenAccepts();
    given(t, sample.past).when(sample.build('2026-09-16')).thenRejects('date.in_future', sample.field);
    if (type !== 'ReferHousehold') {
      given(t, sample.past).when(sample.build('2026-06-01')).thenRejects('date.before_referral', sample.field);
    }
  });
}

t.test('"today" is the day in Paris, not in UTC', async (t) => {
  const past = [e.referred(), e.diagnostic()];
  // 22:30 UTC on the 15th is 00:30 on the 16th in Paris (summer time): the 16th is today
  given(t, past).when(c.contact('2026-09-16'), fixedContext({ now: new Date('2026-09-15T22:30:00Z') })).thenAccepts();
  // 21:30 UTC is still the 15th in Paris: the 16th is tomorrow
  given(t, past).when(c.contact('2026-09-16'), fixedContext({ now: new Date('2026-09-15T21:30:00Z') })).thenRejects('date.in_future');
});

t.test('a visit may be scheduled for a day to come, but not before the referral', async (t) => {
  given(t, [e.referred()]).when({ type: 'ScheduleVisit', data: { scheduledOn: '2026-09-15', scheduledFor: '2026-10-15' } }).thenAccepts();
  given(t, [e.referred({ referredOn: '2026-09-15' })])
    .when({ type: 'ScheduleVisit', data: { scheduledOn: '2026-09-15', scheduledFor: '2026-09-14' } })
    .thenRejects('date.before_referral', 'scheduledFor');
});

t.test('a measure contract’s other dates are checked too', async (t) => {
  const { past } = samples.SignMeasureContract;
  given(t, past)
    .when({ type: 'SignMeasureContract', data: { signedOn: '2026-07-01', measureStartDate: '2026-07-01', durationMonths: 3, sentToFunderOn: '2026-09-20' } })
    .thenRejects('date.in_future', 'sentToFunderOn');
  given(t, past)
    .when({ type: 'SignMeasureContract', data: { signedOn: '2026-07-01', measureStartDate: '2026-07-01', durationMonths: 3, sentToFunderOn: '2026-06-30' } })
    .thenRejects('date.out_of_order', 'sentToFunderOn');
  given(t, past)
    .when({ type: 'SignMeasureContract', data: { signedOn: '2026-07-01', measureStartDate: '2026-06-04', durationMonths: 3 } })
    .thenRejects('date.before_entry_validation', 'measureStartDate');
});
