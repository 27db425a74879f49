import t from 'tap';
import { z } from 'zod';
import {
  ALL_PATHWAY_EVENT_DEFINITIONS, CURRENT_EVENT_VERSIONS, createEventReader, EventContractError, PATHWAY_EVENT_TYPES,
  parsePathwayEvent, pathwayEventSchemaHistory, pathwayUpcasters, toStoredPathwayEvent, upcastPathwayEvent,
} from '../../../contracts/events/index.js';
import { events as e } from './fixtures.js';

// An illustrative contract with a genuine change of shape: v1 stored the referrer as one string,
// v2 splits organisation and person. Only the mechanism is under test here.
type Illustrative = { type: 'Referred'; data: { referrer: { organisation: string; person: string | null } } };
const v1 = z.strictObject({ referrer: z.string().min(1) });
const v2 = z.strictObject({ referrer: z.strictObject({ organisation: z.string().min(1), person: z.string().min(1).nullable() }) });
const illustrative = createEventReader<Illustrative>({
  currentVersions: { Referred: 2 },
  schemaHistory: { Referred: { 1: v1, 2: v2 } },
  upcasters: {
    Referred: {
      1: (data) => {
        const [organisation = '', person] = String((data as { referrer: string }).referrer).split(' / ');
        return { referrer: { organisation, person: person ?? null } };
      },
    },
  },
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof EventContractError ? error.code : 'not-a-contract-error';
  }
}

t.test('an old event is brought to the current shape when read', async (t) => {
  t.strictSame(illustrative.parse('Referred', 1, { referrer: 'MDS Calaisis / S. Leroy' }), {
    type: 'Referred',
    data: { referrer: { organisation: 'MDS Calaisis', person: 'S. Leroy' } },
  });
  t.strictSame(illustrative.upcast('Referred', 1, { referrer: 'CCAS' }).data, { referrer: { organisation: 'CCAS', person: null } });
});

t.test('a current event is read as stored', async (t) => {
  const data = { referrer: { organisation: 'CCAS', person: null } };
  t.strictSame(illustrative.parse('Referred', 2, data), { type: 'Referred', data });
});

t.test('an old event is validated against the shape it was written in', async (t) => {
  t.equal(codeOf(() => illustrative.parse('Referred', 1, { referrer: { organisation: 'CCAS' } })), 'event.invalid_data');
});

t.test('an upcaster that produces a bad shape is caught', async (t) => {
  const broken = createEventReader<Illustrative>({
    currentVersions: { Referred: 2 },
    schemaHistory: { Referred: { 1: v1, 2: v2 } },
    upcasters: { Referred: { 1: () => ({ referrer: 'still a string' }) } },
  });
  t.equal(codeOf(() => broken.parse('Referred', 1, { referrer: 'CCAS' })), 'event.invalid_data');
});

t.test('a missing step in the chain is an explicit error', async (t) => {
  const gap = createEventReader<Illustrative>({ currentVersions: { Referred: 2 }, schemaHistory: { Referred: { 1: v1, 2: v2 } }, upcasters: {} });
  t.equal(codeOf(() => gap.parse('Referred', 1, { referrer: 'CCAS' })), 'event.missing_upcaster');
});

t.test('unknown types and versions are refused', async (t) => {
  t.equal(codeOf(() => illustrative.parse('Unheard', 1, {})), 'event.unknown_type');
  t.equal(codeOf(() => illustrative.parse('Referred', 3, {})), 'event.unknown_version', 'written by a newer service');
  t.equal(codeOf(() => illustrative.parse('Referred', 0, {})), 'event.unknown_version');
});

t.test('the pathway registry', async (t) => {
  t.test('has every type at its current version, with a schema for every version up to it', async (t) => {
    t.equal(PATHWAY_EVENT_TYPES.length, 24);
    for (const type of PATHWAY_EVENT_TYPES) {
      const current = CURRENT_EVENT_VERSIONS[type];
      for (let v = 1; v <= current; v++) t.ok(pathwayEventSchemaHistory[type]?.[v], `${type} v${v} has a schema`);
      for (let v = 1; v < current; v++) t.ok(pathwayUpcasters[type]?.[v], `${type} v${v} has an upcaster`);
    }
    t.equal(ALL_PATHWAY_EVENT_DEFINITIONS.length, Object.values(pathwayEventSchemaHistory).reduce((n, vs) => n + Object.keys(vs).length, 0));
  });
  t.test('reads back what it stores', async (t) => {
    const event = e.contact('c-1', '2026-07-02', { declaredPhase: 'reinforced_support' });
    const stored = toStoredPathwayEvent(event);
    t.equal(stored.version, 1);
    t.strictSame(parsePathwayEvent(stored.type, stored.version, stored.data), event);
    t.strictSame(upcastPathwayEvent(stored.type, stored.version, stored.data), event);
  });
  t.test('applies defaults of the shape when parsing', async (t) => {
    const { evaluationOnly: _dropped, ...data } = e.contact('c-1', '2026-07-02').data;
    const parsed = parsePathwayEvent('SupportContactRecorded', 1, data);
    t.equal(parsed.type === 'SupportContactRecorded' && parsed.data.evaluationOnly, false);
  });
  t.test('refuses data that breaks the contract', async (t) => {
    t.equal(codeOf(() => parsePathwayEvent('PathwayExited', 1, { exitDate: '2026-13-01', exitType: 'completed' })), 'event.invalid_data');
    t.equal(codeOf(() => parsePathwayEvent('PathwayExited', 1, { exitDate: '2026-07-01', exitType: 'completed', extra: 1 })), 'event.invalid_data');
    t.equal(codeOf(() => parsePathwayEvent('PathwayExited', 2, {})), 'event.unknown_version');
    t.equal(codeOf(() => parsePathwayEvent('PathwayClosed', 1, {})), 'event.unknown_type');
  });
});
