import t from 'tap';
import { decidedBy, events as e, commands as c } from './fixtures.js';
import { fixedContext, given, VISIT_OFFICER } from './given.js';

t.test('a referral creates the pathway, with a generated id when the partner gives none', async (t) => {
  const expected = e.referred();
  const state = given(t, []).when(c.refer()).then([{ ...expected, data: { ...expected.data, pathwayId: 'id-1' } }]);
  t.equal(state?.status, 'active', 'Slime+ needs no entry validation');
  t.equal(state?.stage, 'referred');
});

t.test('a partner may choose the pathway id', async (t) => {
  const [event] = given(t, []).when(c.refer({ pathwayId: 'partner-42' })).thenAccepts();
  t.equal(event?.type === 'HouseholdReferred' && event.data.pathwayId, 'partner-42');
});

t.test('the same pathway cannot be referred twice', async (t) => {
  given(t, [e.referred()]).when(c.refer()).thenRejects('pathway.already_exists');
});

t.test('nothing can be recorded for a household that was never referred', async (t) => {
  given(t, []).when(c.attempt('2026-06-03')).thenRejects('pathway.not_found');
});

t.test('a household is referred only with its consent', async (t) => {
  const refer = c.refer();
  const data = refer.data as { consent: { given: boolean } };
  given(t, []).when({ ...refer, data: { ...data, consent: { ...data.consent, given: false } } } as never).thenRejects('referral.consent_required', 'consent.given');
});

t.test('a referral cannot be dated in the future', async (t) => {
  given(t, []).when(c.refer({ referredOn: '2026-09-16' })).thenRejects('date.in_future', 'referredOn');
});

t.test('Slime+ has no entry validation step', async (t) => {
  given(t, [e.referred()]).when(c.acceptEntry()).thenRejects('command.not_applicable_to_programme');
});

t.test('Pas-de-Calais: an entry waits for the SLISL', async (t) => {
  const past = [e.referred({ programme: 'pdc-energy-2026' })];
  t.equal(given(t, past).state?.status, 'awaiting_validation');

  t.test('no diagnostic before the entry is validated', async (t) => {
    given(t, past).when(c.diagnostic()).thenRejects('entry.validation_required');
  });
  t.test('no visit scheduled before the entry is validated', async (t) => {
    given(t, past)
      .when({ type: 'ScheduleVisit', data: { scheduledOn: '2026-06-03', scheduledFor: '2026-06-10' } })
      .thenRejects('entry.validation_required');
  });
  t.test('but the household may be phoned to explain the service', async (t) => {
    given(t, past).when(c.attempt('2026-06-03')).thenAccepts();
  });
  t.test('the validation is recorded with who decided', async (t) => {
    const state = given(t, past)
      .when({ type: 'AcceptEntry', data: { decidedOn: '2026-06-05', deciderName: 'Chef SLISL Calaisis' } })
      .then([{ type: 'EntryAccepted', data: { decidedOn: '2026-06-05', decidedBy: { ...decidedBy, name: 'Chef SLISL Calaisis' } } }]);
    t.equal(state?.status, 'active');
    t.equal(state?.stage, 'entry_validated');
  });
  t.test('an entry is decided once', async (t) => {
    given(t, [...past, e.accepted()]).when(c.acceptEntry('2026-06-06')).thenRejects('entry.already_decided');
    given(t, [...past, e.accepted()]).when(c.rejectEntry('2026-06-06')).thenRejects('entry.already_decided');
  });
  t.test('an entry decision is not dated before the referral', async (t) => {
    given(t, past).when(c.acceptEntry('2026-06-01')).thenRejects('date.before_referral', 'decidedOn');
  });
});

t.test('a rejected entry stops the pathway until it is reopened', async (t) => {
  const past = [e.referred({ programme: 'pdc-energy-2026' })];
  const state = given(t, past)
    .when(c.rejectEntry())
    .then([{ type: 'EntryRejected', data: { decidedOn: '2026-06-05', decidedBy, reason: 'Hors critères de ressources' } }]);
  t.equal(state?.status, 'rejected');
  const rejected = [...past, e.rejected()];
  given(t, rejected).when(c.attempt('2026-06-10')).thenRejects('pathway.rejected');
  given(t, rejected).when(c.exit('2026-06-10', 'refusal', 'Refus')).thenRejects('pathway.rejected');
  const reopened = given(t, rejected).when(c.reopen('2026-07-01')).then([
    { type: 'PathwayReopened', data: { reopenedOn: '2026-07-01', reason: 'Nouvelle demande du ménage' } },
  ]);
  t.equal(reopened?.status, 'awaiting_validation', 'a re-submitted entry is decided again');
  t.equal(reopened?.entry, null);
  given(t, [...rejected, e.reopened('2026-07-01')]).when(c.acceptEntry('2026-07-02')).thenAccepts();
});

t.test('assigning a visit officer', async (t) => {
  const state = given(t, [e.referred()])
    .when({ type: 'AssignVisitOfficer', data: { officerId: 'officer-7', officerName: 'Julie Caron', assignedOn: '2026-06-03' } })
    .then([{ type: 'VisitOfficerAssigned', data: { officerId: 'officer-7', officerName: 'Julie Caron', assignedOn: '2026-06-03' } }]);
  t.equal(state?.assignedOfficerId, 'officer-7');
  t.test('assigning the same officer again changes nothing', async (t) => {
    given(t, [e.referred(), { type: 'VisitOfficerAssigned', data: { officerId: 'officer-7', assignedOn: '2026-06-03' } }])
      .when({ type: 'AssignVisitOfficer', data: { officerId: 'officer-7', assignedOn: '2026-06-04' } })
      .then([]);
  });
});

t.test('who decides is taken from the principal, not from the payload', async (t) => {
  const [event] = given(t, [e.referred({ programme: 'pdc-astre-2026' })])
    .when(c.acceptEntry(), fixedContext({ principal: VISIT_OFFICER }))
    .thenAccepts();
  t.strictSame(event?.type === 'EntryAccepted' && event.data.decidedBy, {
    actorId: VISIT_OFFICER.id, role: VISIT_OFFICER.role, organisationId: VISIT_OFFICER.organisationId,
  });
});
