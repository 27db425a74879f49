import t from 'tap';
import { isPersonalDataKey } from '../../../contracts/personal-data.js';
import type { PathwayEvent } from '../../../contracts/events/index.js';
import { toFullView, toOutcomeView } from '../../../domain/pathway/index.js';
import { events as e } from './fixtures.js';
import { fold } from './given.js';
import { keysDeep } from '../../support/json-keys.js';

const story: PathwayEvent[] = [
  e.referred({ programme: 'pdc-energy-2026' }),
  e.accepted('2026-06-05'),
  e.diagnostic('visit-1', '2026-06-20'),
  e.report('report-1', 'visit-1', '2026-06-25'),
  { type: 'DiagnosticReportSent', data: { reportId: 'report-1', sentOn: '2026-06-26', recipient: 'landlord', landlordKind: 'private' } },
  e.orientation('o-1', '2026-06-25', 'financial_aid_fsl'),
  e.orientation('o-2', '2026-06-25', 'landlord_mediation'),
  e.orientationStatus('o-1', 'accepted', '2026-06-28'),
  e.contract('2026-07-01', 3),
  e.contact('c-1', '2026-07-02', { orientationIds: ['o-1'], note: 'Mme Martin évoque son asthme', participants: ['Julie Caron', 'Claire Martin'] }),
  {
    type: 'EvaluationRecorded',
    data: { evaluationId: 'ev-1', evaluationDate: '2026-07-10', comfort: { note: 'Froid dans la chambre' }, billsAfter: [], satisfaction: { rating: 4, comment: 'Merci' }, annualIncomeAfter: 17123 },
  },
  e.exited('2026-07-20', 'moved'),
];

t.test('the outcome view carries outcomes only', async (t) => {
  const view = toOutcomeView(fold(story));
  t.ok(view);
  t.equal(view?.status, 'exited');
  t.equal(view?.programme, 'pdc-energy-2026');
  t.strictSame(view?.territory, { code: 'calaisis', label: 'Calaisis' });
  t.strictSame(view?.exit, { exitType: 'moved', exitDate: '2026-07-20' });
  t.strictSame(view?.orientations.map((o) => [o.category, o.status]), [['financial_aid_fsl', 'accepted'], ['landlord_mediation', 'proposed']]);
  t.strictSame(view?.orientations[0]?.dataInclusionThemes, ['gestion-financiere--beneficier-daides-financieres']);
  t.strictSame(view?.referringOrganisation, { id: 'org-mds-calais', kind: 'department_service' });
});

t.test('the outcome view leaves out orientations towards health services, and only those', async (t) => {
  const withHealth = [...story.slice(0, 7), e.orientation('o-3', '2026-06-26', 'health'), ...story.slice(7)];
  const view = toOutcomeView(fold(withHealth));
  t.strictSame(view?.orientations.map((o) => o.orientationId), ['o-1', 'o-2']);
  t.strictSame(Object.keys(toFullView(fold(withHealth))!.orientations), ['o-1', 'o-2', 'o-3'], 'the full view keeps it');
});

t.test('an orientation withheld from the outcome view does not move the stage it shows', async (t) => {
  const stages = (events: PathwayEvent[]) => {
    const state = fold(events);
    return [toFullView(state)!.stage, toOutcomeView(state)!.stage];
  };
  const health = e.orientation('o-h', '2026-06-21', 'health');
  const base = [e.referred({ programme: 'pdc-energy-2026' }), e.accepted('2026-06-05')];
  t.strictSame(stages([...base, health]), ['orientation', 'entry_validated'], 'staff see it oriented; referrers see where it was');
  t.strictSame(stages([...base, health, e.diagnostic('visit-1', '2026-06-22')]), ['orientation', 'diagnosed'], 'a later step moves the stage referrers see');
  t.strictSame(stages([...base, health, e.orientation('o-1', '2026-06-23')]), ['orientation', 'orientation'], 'a shown orientation moves it as before');
  t.strictSame(stages([...base, health, e.exited('2026-06-24', 'moved'), e.reopened('2026-07-01')]), ['reopened', 'reopened'], 'exits and reopenings set both');
  t.notOk('outcomeStage' in toFullView(fold([...base, health]))!, 'the full view has one stage');
});

t.test('the outcome view holds no personal data at all', async (t) => {
  const view = toOutcomeView(fold(story));
  t.strictSame(keysDeep(view).filter(isPersonalDataKey), [], 'no personal-data key at any depth');
  const text = JSON.stringify(view);
  for (const secret of ['Martin', 'Claire', 'Tilleuls', '62100', '06 12', 'example.org', '16800', '17123', '1850', 'EDF', 'Julie', 'Sophie', 'Durand', 'asthme', 'Froid', 'Plus de réponse', 'MDS du Calaisis']) {
    t.notOk(text.includes(secret), `"${secret}" does not appear`);
  }
});

t.test('the full view tells the whole story', async (t) => {
  const view = toFullView(fold(story));
  t.equal(view?.household.identity.lastName, 'Martin');
  t.equal(view?.diagnostics[0]?.income.annualDisposableIncome, 16800);
  t.equal(view?.currentExit?.exitType, 'moved');
  t.equal(view?.measureInProgress, null, 'the exit closed the measure');
  const state = fold(story)!;
  t.ok(state.contacts.length > 0, 'the story has support contacts');
  t.same(Object.keys(view!.contacts), state.contacts.map((c) => c.contactId), 'published keyed by contactId, in recording order');
  t.equal(view!.contacts[state.contacts[0]!.contactId], state.contacts[0], 'each contact as recorded');
});

t.test('the full view leaves the state untouched and shares its immutable parts', async (t) => {
  const state = fold(story);
  const before = structuredClone(state);
  const view = toFullView(state);
  t.same(state, before, 'building the view changes nothing');
  t.equal(view?.household, state?.household, 'no copy: states are immutable values (cached and served as is)');
});

t.test('there is no view of a pathway that does not exist', async (t) => {
  t.equal(toOutcomeView(null), null);
  t.equal(toFullView(null), null);
});
