// One pass over a pathway's timeline, oldest fact first, applying the policy to each fact in
// the light of what came before it. Semantics of the corners the issue leaves open:
// - Same-day facts are ordered by stream revision (the order they were recorded).
// - After an exit, contacts and visits are ignored (flagged) until a reopening; evaluations
//   still count as evaluations, since assessing results often follows the exit.
// - A reopening followed by a new diagnostic starts a new cycle: contacts until that diagnostic
//   are pre-diagnostic and the new diagnostic anchors its own follow-up. A reopening with no new
//   diagnostic continues the previous cycle (its diagnostic and follow-up allowance stand).
// - "No orientation" means none proposed on or before the activity, in any cycle.
// - An activity settled to a phase its nature does not have (an evaluation-only contact settled
//   as support) joins the matching episode, but the pause rules are not re-run for it.
import { addDays } from './dates.js';
import { EpisodeBook, type EpisodeDraft } from './episodes.js';
import {
  PRE_DIAGNOSTIC_CLAUSE, SCHEDULING_AFTER_DIAGNOSTIC_CLAUSE, decisionClause, diagnosticClause,
  evaluationClause, pauseStepClause, sentence, settlementAppliedClause, supportClause,
} from './explain.js';
import { afterExitFlag, complementaryFlag, conflictFlag, flagClause, followUpWindowFlag, pauseEndFlag, unclassifiableFlag } from './flags.js';
import type { PhaseEvent } from './input.js';
import { subjectOf } from './labels.js';
import { RULES, type ActivityClassification, type Bilingual, type Flag, type Phase, type ReasoningStep, type RuleId } from './model.js';
import type { PhasePolicyParams } from './policy.js';
import { decideSupport, type Anchor } from './support.js';
import type { Timeline } from './timeline.js';
import { structuralClause } from './walk-text.js';

type SupportKind = 'reinforced_support' | 'one_year_follow_up';
export interface Cycle {
  startedByReopening: boolean;
  diagnostic?: { date: string; eventId: string };
  anchor?: Anchor;
  current?: { kind: SupportKind; draft: EpisodeDraft };
  followUpDoneOn?: string;
  preDiagnostic?: EpisodeDraft;
}

const isSupport = (p: Phase): p is SupportKind => p === 'reinforced_support' || p === 'one_year_follow_up';

export class Walk {
  readonly book = new EpisodeBook();
  readonly activities: ActivityClassification[] = [];
  readonly flags: Flag[] = [];
  readonly steps: Omit<ReasoningStep, 'n'>[] = [];
  cycle: Cycle = { startedByReopening: false };
  #exit?: { date: string; draft: EpisodeDraft };
  readonly #orientations = new Map<string, EpisodeDraft>();
  readonly #evaluationByContact = new Map<string, EpisodeDraft>();
  readonly #contactEvent = new Map<string, string>();

  constructor(
    readonly t: Timeline,
    readonly p: PhasePolicyParams,
  ) {
    for (const e of t.events) if (e.kind === 'support_contact' && e.contactId) this.#contactEvent.set(e.contactId, e.eventId);
  }

  visit(e: PhaseEvent): void {
    const c = this.cycle;
    switch (e.kind) {
      case 'support_contact':
        if (e.evaluationOnly) return this.#evaluation(e, true);
        if (this.#ignoredAfterExit(e)) return;
        if (!c.diagnostic) return this.#preDiagnostic(e);
        return this.#support(e, false);
      case 'contact_attempted':
      case 'visit_scheduled':
        if (this.#ignoredAfterExit(e)) return;
        if (!c.diagnostic) return this.#preDiagnostic(e);
        return this.#classified(e, 'other', RULES.otherSchedulingAfterDiagnostic, SCHEDULING_AFTER_DIAGNOSTIC_CLAUSE);
      case 'diagnostic':
        if (this.#ignoredAfterExit(e)) return;
        if (c.diagnostic) return this.#support(e, true);
        return this.#primaryDiagnostic(e);
      case 'evaluation':
        return this.#evaluation(e, false);
      case 'referred':
        if (!c.diagnostic) c.preDiagnostic = this.#intoPreDiagnostic(e);
        return this.#step(e, RULES.preBeforeDiagnostic, structuralClause(e, { t: this.t, repeated: !!c.diagnostic }));
      case 'orientation_proposed':
        if (!this.#orientations.has(e.orientationId)) {
          const extra = { orientation: { id: e.orientationId, category: e.category, relay: e.relayActor } };
          this.#orientations.set(e.orientationId, this.book.open('orientation', e.date, [e.eventId], RULES.orientationProposed, extra));
        }
        return this.#step(e, RULES.orientationProposed, structuralClause(e, { t: this.t }));
      case 'orientation_status': {
        const d = this.#orientations.get(e.orientationId);
        if (d) this.book.orientationStatus(d, e.eventId, e.date, e.status);
        return this.#step(e, RULES.orientationProposed, structuralClause(e, { t: this.t }));
      }
      case 'pause_declared': {
        const span = this.t.declaredPauses.find((s) => s.eventId === e.eventId);
        const ids = span?.endEventId ? [e.eventId, span.endEventId] : [e.eventId];
        this.book.open('declared_pause', e.date, ids, RULES.pauseDeclared, span?.end ? { endDate: span.end } : {});
        return this.#step(e, RULES.pauseDeclared, structuralClause(e, { t: this.t }));
      }
      case 'pause_ended':
        if (this.t.unmatchedPauseEnds.includes(e)) return this.#flag(e, pauseEndFlag(e.eventId, e.date));
        return this.#step(e, RULES.pauseDeclared, structuralClause(e, { t: this.t }));
      case 'exited': {
        const repeated = this.#exit !== undefined;
        this.#step(e, RULES.exitRecorded, structuralClause(e, { t: this.t, repeated }));
        if (this.#exit) this.#exit.draft.eventIds.push(e.eventId);
        else {
          c.current = undefined;
          const draft = this.book.open('exit', e.date, [e.eventId], RULES.exitRecorded, { exitType: e.exitType });
          this.#exit = { date: e.date, draft };
        }
        return;
      }
      case 'reopened':
        this.#step(e, RULES.exitReopened, structuralClause(e, { t: this.t, repeated: this.#exit === undefined }));
        if (this.#exit) {
          Object.assign(this.#exit.draft, { endDate: e.date, reopened: true });
          this.#exit.draft.eventIds.push(e.eventId);
          this.#exit = undefined;
          c.current = undefined;
          if (this.t.newCycleReopenings.has(e.eventId)) this.cycle = { startedByReopening: true };
        }
        return;
      case 'settled':
        return this.#step(e, RULES.settlementOverride, structuralClause(e, { t: this.t }));
    }
  }

  #support(e: Extract<PhaseEvent, { kind: 'support_contact' | 'diagnostic' }>, complementary: boolean): void {
    const c = this.cycle;
    const diagnostic = c.diagnostic!;
    const subject = subjectOf(e, complementary);
    const newProblem = e.kind === 'support_contact' ? e.newProblemCategory : undefined;
    const state = { diagnosticDate: diagnostic.date, anchor: c.anchor!, current: c.current?.kind, followUpDoneOn: c.followUpDoneOn };
    const dec = decideSupport(this.t, this.p, state, { date: e.date, newProblem });
    const settlement = this.t.settlementByEvent.get(e.eventId);
    const effective: Phase = settlement?.phase ?? dec.phase;
    const countsAsSupport = isSupport(effective) || effective === 'unclassifiable';

    const paused = countsAsSupport && dec.gap.pause !== undefined;
    if (paused) {
      this.#step(e, dec.gap.pause === 'observed' ? RULES.pauseObserved : RULES.pauseDeclared, pauseStepClause(dec.gap, this.p), subject);
      if (dec.gap.pause === 'observed') {
        this.book.open('observed_pause', dec.gap.from.date, [], RULES.pauseObserved, { endDate: e.date });
      }
      c.current = undefined;
    }
    const clause = supportClause(dec, this.p, diagnostic.date);
    this.#record(e, subject, dec.phase, dec.rule, clause, paused ? decisionClause(dec, this.p, diagnostic.date) : clause);
    if (countsAsSupport) c.anchor = { date: e.date, eventId: e.eventId, isDiagnostic: false };

    if (dec.rule === 'unclassifiable.no_orientation') this.#flag(e, unclassifiableFlag(e.eventId, subject, e.date), subject);
    if (dec.rule === 'rs.after_pause' && dec.why !== 'follow_up_done') {
      this.#flag(e, followUpWindowFlag(e.eventId, e.date, diagnostic.date, dec.daysAfterDiagnostic, dec.why, this.p), subject);
    }
    if (complementary && e.kind === 'diagnostic') {
      this.#flag(e, complementaryFlag(e.eventId, e.date, e.season, diagnostic.date, dec.phase), subject);
    }
    const overridden = settlement !== undefined && settlement.phase !== dec.phase;
    this.#place(e, effective, overridden ? RULES.settlementOverride : dec.rule, dec.rule === 'rs.new_problem', { newProblem });
  }

  #primaryDiagnostic(e: Extract<PhaseEvent, { kind: 'diagnostic' }>): void {
    const c = this.cycle;
    c.preDiagnostic = undefined;
    c.current = undefined;
    c.diagnostic = { date: e.date, eventId: e.eventId };
    c.anchor = { date: e.date, eventId: e.eventId, isDiagnostic: true };
    const rule = c.startedByReopening ? RULES.diagnosticNewCycle : RULES.diagnosticCompleted;
    const a = this.#record(e, subjectOf(e), 'diagnostic', rule, diagnosticClause(e.date, this.p, c.startedByReopening));
    this.book.open('diagnostic', e.date, [e.eventId], rule, { explanation: a.explanation });
  }

  #preDiagnostic(e: PhaseEvent): void {
    this.#classified(e, 'pre_diagnostic', RULES.preBeforeDiagnostic, PRE_DIAGNOSTIC_CLAUSE);
  }

  #evaluation(e: Extract<PhaseEvent, { kind: 'support_contact' | 'evaluation' }>, onlyContact: boolean): void {
    const host = e.kind === 'evaluation' && e.contactId ? this.#contactEvent.get(e.contactId) : undefined;
    const a = this.#record(e, subjectOf(e), 'evaluation', RULES.evaluationNeverSupport, evaluationClause(onlyContact, host));
    if (a.effectivePhase !== 'evaluation') return this.#place(e, a.effectivePhase, RULES.settlementOverride, false, {});
    const hostEpisode = host ? this.#evaluationByContact.get(host) : undefined;
    if (hostEpisode) return this.book.extend(hostEpisode, e.eventId, e.date);
    const rule = a.settledPhase ? RULES.settlementOverride : RULES.evaluationNeverSupport;
    const d = this.book.open('evaluation', e.date, [e.eventId], rule, { explanation: a.explanation });
    if (onlyContact) this.#evaluationByContact.set(e.eventId, d);
  }

  /** Facts whose phase follows from their nature alone (pre-diagnostic, scheduling after it). */
  #classified(e: PhaseEvent, derived: Phase, rule: RuleId, clause: Bilingual): void {
    const a = this.#record(e, subjectOf(e), derived, rule, clause);
    this.#place(e, a.effectivePhase, a.settledPhase && a.settledPhase !== derived ? RULES.settlementOverride : rule, false, {});
  }

  #place(e: PhaseEvent, effective: Phase, rule: RuleId, opensNew: boolean, extra: Partial<EpisodeDraft>): void {
    const c = this.cycle;
    if (isSupport(effective)) {
      const cur = c.current;
      if (!cur || cur.kind !== effective || opensNew) {
        const draft = this.book.open(effective, e.date, [e.eventId], rule, { ...extra, diagnosticDate: c.diagnostic?.date });
        c.current = { kind: effective, draft };
      } else this.book.extend(cur.draft, e.eventId, e.date);
      if (effective === 'one_year_follow_up' && c.followUpDoneOn === undefined && c.diagnostic) c.followUpDoneOn = e.date;
      if (c.diagnostic && e.date >= c.diagnostic.date) c.anchor = { date: e.date, eventId: e.eventId, isDiagnostic: false };
    } else if (effective === 'pre_diagnostic' && !c.diagnostic) {
      c.preDiagnostic = this.#intoPreDiagnostic(e, rule);
    } else if (effective === 'evaluation' && rule === RULES.settlementOverride) {
      this.book.open('evaluation', e.date, [e.eventId], rule, { explanation: this.activities.at(-1)?.explanation });
    }
  }

  #intoPreDiagnostic(e: PhaseEvent, rule: RuleId = RULES.preBeforeDiagnostic): EpisodeDraft {
    const d = this.cycle.preDiagnostic;
    if (d) {
      this.book.extend(d, e.eventId, e.date);
      return d;
    }
    return this.book.open('pre_diagnostic', e.date, [e.eventId], rule);
  }

  #record(e: PhaseEvent, subject: Bilingual, derived: Phase, rule: RuleId, clause: Bilingual, stepClause = clause): ActivityClassification {
    const settlement = this.t.settlementByEvent.get(e.eventId);
    const declared = this.t.declaredPhaseOf.get(e.eventId);
    const a: ActivityClassification = {
      eventId: e.eventId,
      type: e.type,
      date: e.date,
      derivedPhase: derived,
      effectivePhase: settlement?.phase ?? derived,
      rule,
      explanation: sentence(subject, e.date, clause),
    };
    if (declared) a.declaredPhase = declared;
    if (settlement) a.settledPhase = settlement.phase;
    this.activities.push(a);
    this.#step(e, rule, stepClause, subject);
    if (settlement) {
      const text = settlementAppliedClause(settlement.phase, derived, settlement.by, settlement.settlementId);
      this.#step(e, RULES.settlementOverride, text, subject);
    }
    if (declared && declared !== derived) this.#flag(e, conflictFlag(e.eventId, e.date, declared, derived, settlement?.phase), subject);
    return a;
  }

  #ignoredAfterExit(e: PhaseEvent): boolean {
    if (!this.#exit) return false;
    this.#flag(e, afterExitFlag(e.eventId, subjectOf(e), e.date, this.#exit.date));
    return true;
  }

  #flag(e: PhaseEvent, f: Flag, subject: Bilingual = subjectOf(e)): void {
    this.flags.push(f);
    this.#step(e, f.rule, flagClause(f), subject);
  }

  #step(e: PhaseEvent, rule: RuleId, text: Bilingual, subject: Bilingual = subjectOf(e)): void {
    this.steps.push({ date: e.date, eventId: e.eventId, subject, rule, text });
  }

  /** Due date of the current cycle's follow-up, for worklists. */
  followUpDueOn(): string | undefined {
    const d = this.cycle.diagnostic;
    return d ? addDays(d.date, this.p.n1TargetDays) : undefined;
  }
}
