// The diagnostic visit and its report.
import type { PathwayCommandDataMap } from '../../../contracts/commands/index.js';
import type { Decision } from '../decision.js';
import {
  accept, checkAfterEntryValidation, checkDates, checkNotBefore, checkNotDuringPause, defined, firstOf, idFor, refuse, refusal,
  type RuleContext,
} from './common.js';

type Data<K extends keyof PathwayCommandDataMap> = PathwayCommandDataMap[K];

export function completeDiagnosticVisit(data: Data<'CompleteDiagnosticVisit'>, rc: RuleContext): Decision {
  const problem = firstOf(
    checkDates(rc, [['visitDate', data.visitDate]]),
    checkAfterEntryValidation(rc, 'visitDate', data.visitDate),
    checkNotDuringPause(rc, 'visitDate', data.visitDate),
  );
  if (problem) return refusal(problem);
  const id = idFor(rc, data.visitId, (v) => rc.state.diagnostics.some((d) => d.visitId === v), 'visitId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({ type: 'DiagnosticVisitCompleted', data: defined(data, { visitId: id.id }) });
}

export function issueDiagnosticReport(data: Data<'IssueDiagnosticReport'>, rc: RuleContext): Decision {
  const { diagnostics } = rc.state;
  if (diagnostics.length === 0) return refuse('diagnostic.required', 'A report follows a diagnostic visit; none is recorded.');
  const visit = data.visitId === undefined ? diagnostics[diagnostics.length - 1] : diagnostics.find((d) => d.visitId === data.visitId);
  if (!visit) return refuse('diagnostic.not_found', `No diagnostic visit ${data.visitId} in this pathway.`, 'visitId');
  const problem = firstOf(
    checkDates(rc, [['issuedOn', data.issuedOn]]),
    checkNotBefore('issuedOn', data.issuedOn, visit.visitDate, 'the diagnostic visit'),
  );
  if (problem) return refusal(problem);
  const id = idFor(rc, data.reportId, (r) => r in rc.state.reports, 'reportId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({
    type: 'DiagnosticReportIssued',
    data: defined({ reportId: id.id, visitId: visit.visitId, issuedOn: data.issuedOn, parts: [...new Set(data.parts)], validatedBy: data.validatedBy }),
  });
}

export function sendDiagnosticReport(data: Data<'SendDiagnosticReport'>, rc: RuleContext): Decision {
  const reports = Object.values(rc.state.reports);
  const report = data.reportId === undefined ? reports[reports.length - 1] : rc.state.reports[data.reportId];
  if (!report) {
    return refuse('report.not_found', data.reportId ? `No diagnostic report ${data.reportId} in this pathway.` : 'No diagnostic report has been issued.', 'reportId');
  }
  if (data.recipient === 'landlord' && rc.state.household.tenure === 'owner_occupier') {
    return refuse('report.no_landlord', undefined, 'recipient');
  }
  const problem = firstOf(
    checkDates(rc, [['sentOn', data.sentOn]]),
    checkNotBefore('sentOn', data.sentOn, report.issuedOn, 'the report was issued'),
  );
  if (problem) return refusal(problem);
  return accept({ type: 'DiagnosticReportSent', data: defined(data, { reportId: report.reportId }) });
}
