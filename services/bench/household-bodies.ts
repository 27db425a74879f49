// The request bodies both API-level benchmarks record for each household: the same realistic
// journey (referral, diagnostic visit, orientation, then support contacts), whether sent over
// HTTP (bench:api) or to the pathway service directly (bench:projections).

export function referral() {
  return {
    programme: 'slime-plus',
    referredOn: '2026-06-02',
    channel: 'referral_form',
    referrer: { organisationName: 'MDS du Calaisis', organisationKind: 'department_service', personName: 'Sophie Leroy' },
    household: {
      identity: { lastName: 'Martin' },
      contact: { phone: '0612345678' },
      address: { line1: '12 rue des Tilleuls', postalCode: '62100', city: 'Calais' },
      tenure: 'owner_occupier',
      difficulties: ['cold_home'],
    },
    territory: { code: 'calaisis' },
    consent: { given: true, givenOn: '2026-06-02', givenBy: 'household', method: 'written' },
  };
}

export function diagnostic() {
  return {
    visitDate: '2026-06-20',
    season: 'summer',
    visitors: [{ name: 'Julie Caron', role: 'social_worker' }],
    findings: { dwelling: {}, equipment: {}, habits: {} },
    composition: { personsAged14OrMore: 1, childrenUnder14: 0 },
    income: { annualDisposableIncome: 12000 },
    bills: [],
    debts: [],
    equipmentInstalled: [],
  };
}

export const orientation = { proposedOn: '2026-06-25', category: 'financial_aid_fsl', relayActor: { name: 'FSL', kind: 'fsl' } };

/** The command load: a support contact recorded. */
export const supportContact = { contactDate: '2026-07-02', channel: 'phone', participants: ['Julie Caron'] };
