// A problem package's import report: what was found, what is not judged, warnings, and the verification
// of its labelled submissions (each with the verdicts its label allows and the one it got, a scoring
// problem's score, and each submissions.yaml rule it was checked against) and inputs.
import type { ImportReportBody, PackageVerification, VerifiedSubmission } from '@arbiter/contracts';
import { formatMs, languageName, verdictLabel, verdictTone } from '../../lib/format';
import { describeExpectation, submissionOutcome } from '../../lib/verification-outcome';
import { formatScore } from '../score-summary';

function Items({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 className="small-heading">{title}</h3>
      <ul className="report-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** "Verified", "Failed", "Queued": the state of a verification, for a badge. */
export function verificationState(
  verification: Pick<PackageVerification, 'status' | 'ok'> | null | undefined,
): { label: string; tone: 'ok' | 'bad' | 'warn' | 'muted' } {
  if (!verification) return { label: 'Not verified', tone: 'muted' };
  if (verification.status === 'queued') return { label: 'Verifying…', tone: 'muted' };
  if (verification.status === 'failed') return { label: 'Could not run', tone: 'warn' };
  return verification.ok === false
    ? { label: 'Labels not met', tone: 'bad' }
    : { label: 'Verified', tone: 'ok' };
}

function Verdict({ verdict }: { verdict: string | null }) {
  return <span className={`tone-${verdictTone(verdict)}`}>{verdictLabel(verdict)}</span>;
}

function Expectations({ item }: { item: VerifiedSubmission }) {
  const checks = item.expectations ?? [];
  if (checks.length === 0) return null;
  const name = item.path.replace(/^submissions\//, '');
  return (
    <ul className="report-list small-text" aria-label={`submissions.yaml rules for ${name}`}>
      {checks.map((check) => (
        <li key={check.pattern} data-testid="expectation" data-ok={String(check.ok)}>
          <span className={check.ok ? 'tone-ok' : 'tone-bad'}>{check.ok ? 'held' : 'failed'}</span>{' '}
          <code>{check.pattern}</code>: {describeExpectation(check)}
        </li>
      ))}
    </ul>
  );
}

function SubmissionRow({ item }: { item: VerifiedSubmission }) {
  const outcome = submissionOutcome(item);
  return (
    <tr data-testid="verified-submission" data-path={item.path} data-ok={String(item.ok)}>
      <td>
        <code>{item.path.replace(/^submissions\//, '')}</code>
        {item.note ? (
          <div className="muted small-text" data-testid="verified-note">
            {item.note}
          </div>
        ) : null}
        <Expectations item={item} />
      </td>
      <td>{item.language ? languageName(item.language) : <span className="muted">none offered</span>}</td>
      <td>
        {item.expected.length > 0 ? (
          item.expected.map((verdict) => verdictLabel(verdict)).join(' or ')
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <Verdict verdict={item.got} />
        {item.score === undefined ? null : (
          <div className="small-text" data-testid="verified-score">
            Score {formatScore(item.score)}
            {item.maxScore === null || item.maxScore === undefined ? '' : ` / ${formatScore(item.maxScore)}`}
          </div>
        )}
        {item.decidingCase ? <div className="muted small-text">on {item.decidingCase}</div> : null}
      </td>
      <td>
        <Verdict verdict={item.gotWithMargin} />
      </td>
      <td className="num">{formatMs(item.maxTimeMs)}</td>
      <td data-testid="verified-outcome">
        {outcome.tone === 'bad' ? (
          <strong className="tone-bad">{outcome.label}</strong>
        ) : (
          <span className={`tone-${outcome.tone}`}>{outcome.label}</span>
        )}
        {outcome.failedRules.length > 0 ? (
          <div className="small-text">
            {outcome.failedRules.map((pattern, index) => (
              <span key={pattern}>
                {index > 0 ? ', ' : ''}
                <code>{pattern}</code>
              </span>
            ))}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

export function VerificationReport({ verification }: { verification: PackageVerification | undefined }) {
  const state = verificationState(verification);
  return (
    <section aria-label="Verification" data-testid="verification">
      <h3 className="small-heading">
        Verification:{' '}
        <span className={`tone-${state.tone}`} data-testid="verification-status">
          {state.label}
        </span>
      </h3>
      {verification === undefined ? (
        <p className="muted">This version was imported without verifying its submissions.</p>
      ) : null}
      {verification?.status === 'queued' ? (
        <p className="muted">
          A worker is judging the package&apos;s labelled submissions (job <code>{verification.jobId}</code>
          ). This page refreshes until it is done.
        </p>
      ) : null}
      {verification?.status === 'failed' ? (
        <p className="error" role="alert">
          {verification.error ?? 'The verification job failed.'}
        </p>
      ) : null}
      {verification?.timeLimit ? (
        <p data-testid="time-limit">
          Time limit {verification.timeLimit.seconds} s ({verification.timeLimit.source}
          {verification.timeLimit.slowestAcceptedMs === undefined
            ? ''
            : `; slowest accepted case ${formatMs(verification.timeLimit.slowestAcceptedMs)}`}
          ), margin {verification.timeLimit.marginSeconds} s.
        </p>
      ) : null}
      {verification !== undefined && verification.submissions.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="verification-table">
            <caption className="sr-only">Labelled submissions and their verdicts</caption>
            <thead>
              <tr>
                <th scope="col">Submission</th>
                <th scope="col">Language</th>
                <th scope="col">Expected</th>
                <th scope="col">Got</th>
                <th scope="col">With margin</th>
                <th scope="col" className="num">
                  Slowest case
                </th>
                <th scope="col">Label</th>
              </tr>
            </thead>
            <tbody>
              {verification.submissions.map((item) => (
                <SubmissionRow key={item.path} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {verification?.inputValidation ? (
        <div data-testid="input-validation">
          <h4 className="small-heading">
            Input validators:{' '}
            {verification.inputValidation.ok ? (
              <span className="tone-ok">every input is valid</span>
            ) : (
              <span className="tone-bad">not every input passed</span>
            )}
          </h4>
          <ul className="report-list">
            {verification.inputValidation.validators.map((validator) => (
              <li key={validator.name}>
                <code>{validator.name}</code>: {validator.status}
                {validator.cases === undefined ? '' : `, ${validator.cases} case(s)`}
                {validator.message ? ` — ${validator.message}` : ''}
              </li>
            ))}
            {verification.inputValidation.invalid.map((bad) => (
              <li key={`${bad.file} ${bad.validator}`} className="tone-bad">
                <code>{bad.file}</code> refused by <code>{bad.validator}</code>: {bad.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

export function PackageReport({ report }: { report: ImportReportBody }) {
  return (
    <div className="package-report" data-testid="package-report">
      <Items title="Found" items={report.found} testId="report-found" />
      <Items title="Not supported" items={report.unsupported} testId="report-unsupported" />
      <Items title="Warnings" items={report.warnings} testId="report-warnings" />
      <VerificationReport verification={report.verification} />
    </div>
  );
}
