import t from 'tap';
import { ORIENTATION_STATUSES, ORIENTATION_TARGET_STATUSES, type OrientationStatus } from '../../../contracts/enums.js';
import type { PathwayEvent } from '../../../contracts/events/index.js';
import { ORIENTATION_TRANSITIONS } from '../../../domain/pathway/index.js';
import { commands as c, events as e } from './fixtures.js';
import { given } from './given.js';

const diagnosed = [e.referred(), e.diagnostic('visit-1', '2026-06-20')];

t.test('an orientation is proposed with its category and relay actor', async (t) => {
  const state = given(t, diagnosed).when(c.propose('2026-06-25', 'renovation_works')).then([
    { type: 'OrientationProposed', data: { orientationId: 'id-1', proposedOn: '2026-06-25', category: 'renovation_works', relayActor: { name: 'FSL Pas-de-Calais', kind: 'fsl' } } },
  ]);
  t.equal(state?.orientations['id-1']?.status, 'proposed');
  t.equal(state?.stage, 'orientation');
});

t.test('a supplied orientation id is not reused', async (t) => {
  given(t, [...diagnosed, e.orientation('o-1')]).when(c.propose('2026-06-26', 'health', 'o-1')).thenRejects('id.already_used', 'orientationId');
});

t.test('an orientation goes proposed → accepted → in progress → done', async (t) => {
  let past: PathwayEvent[] = [...diagnosed, e.orientation('o-1', '2026-06-25')];
  const steps = [['accepted', '2026-06-28'], ['in_progress', '2026-07-10'], ['done', '2026-08-01']] as const;
  for (const [status, on] of steps) {
    const state = given(t, past).when(c.changeStatus('o-1', status, on)).then([
      { type: 'OrientationStatusChanged', data: { orientationId: 'o-1', status, changedOn: on } },
    ]);
    t.equal(state?.orientations['o-1']?.status, status);
    past = [...past, e.orientationStatus('o-1', status, on)];
  }
  t.strictSame(
    given(t, past).state?.orientations['o-1']?.history.map((h) => h.status),
    ['proposed', 'accepted', 'in_progress', 'done'],
  );
});

/** Past events that bring orientation o-1 to `status` through the lifecycle. */
function pathTo(status: OrientationStatus): PathwayEvent[] {
  const route: Record<OrientationStatus, OrientationStatus[]> = {
    proposed: [],
    accepted: ['accepted'],
    refused: ['refused'],
    in_progress: ['accepted', 'in_progress'],
    done: ['accepted', 'done'],
    abandoned: ['abandoned'],
  };
  return [
    ...diagnosed,
    e.orientation('o-1', '2026-06-25'),
    ...route[status].map((s) => e.orientationStatus('o-1', s as Exclude<OrientationStatus, 'proposed'>, '2026-07-01')),
  ];
}

/** proposed → accepted / refused → in progress → done / abandoned, as the sources put it. */
const EXPECTED: Record<OrientationStatus, readonly string[]> = {
  proposed: ['accepted', 'refused', 'abandoned'],
  accepted: ['in_progress', 'done', 'abandoned'],
  in_progress: ['done', 'abandoned'],
  refused: [],
  done: [],
  abandoned: [],
};

t.test('every status change follows the lifecycle, and only the lifecycle', async (t) => {
  t.strictSame(ORIENTATION_TRANSITIONS, EXPECTED, 'the published lifecycle is the one the sources describe');
  for (const from of ORIENTATION_STATUSES) {
    for (const to of ORIENTATION_TARGET_STATUSES) {
      const outcome = given(t, pathTo(from)).when(c.changeStatus('o-1', to, '2026-07-15'));
      if (EXPECTED[from].includes(to)) outcome.thenAccepts();
      else outcome.thenRejects('orientation.invalid_transition', 'status');
    }
  }
});

t.test('refused, done and abandoned are final', async (t) => {
  for (const from of ['refused', 'done', 'abandoned'] as const) {
    t.strictSame(ORIENTATION_TRANSITIONS[from], [], `${from} leads nowhere`);
  }
});

t.test('an orientation marked done never blocks the others', async (t) => {
  const past = [
    ...diagnosed,
    e.orientation('o-1', '2026-06-25', 'financial_aid_fsl'),
    e.orientation('o-2', '2026-06-25', 'landlord_mediation'),
    e.orientationStatus('o-1', 'accepted', '2026-06-28'),
    e.orientationStatus('o-1', 'done', '2026-07-05'),
  ];
  given(t, past).when(c.changeStatus('o-2', 'accepted', '2026-07-06')).thenAccepts();
  given(t, past).when(c.propose('2026-07-06', 'rehousing')).thenAccepts();
  given(t, past).when(c.contact('2026-07-06', { orientationIds: ['o-1', 'o-2'] })).thenAccepts();
  given(t, past).when(c.exit('2026-07-06', 'completed')).thenAccepts();
});

t.test('a status change names an orientation of this pathway', async (t) => {
  given(t, diagnosed).when(c.changeStatus('o-9', 'accepted', '2026-07-01')).thenRejects('orientation.not_found', 'orientationId');
});

t.test('a status change is not dated before the orientation’s last change', async (t) => {
  const past = [...diagnosed, e.orientation('o-1', '2026-06-25'), e.orientationStatus('o-1', 'accepted', '2026-07-01')];
  given(t, past).when(c.changeStatus('o-1', 'in_progress', '2026-06-30')).thenRejects('date.out_of_order', 'changedOn');
  given(t, past).when(c.changeStatus('o-1', 'in_progress', '2026-07-01')).thenAccepts();
});

t.test('a relay actor may move an orientation on while the support is paused', async (t) => {
  const past = [...diagnosed, e.orientation('o-1', '2026-06-25'), e.orientationStatus('o-1', 'accepted', '2026-06-28'), e.pause('2026-07-01')];
  given(t, past).when(c.changeStatus('o-1', 'in_progress', '2026-08-01')).thenAccepts();
});
