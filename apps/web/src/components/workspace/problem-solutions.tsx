'use client';
// The workspace's Solutions tab: the problem's reference solutions (GET /problems/:slug/solutions), shown
// once the signed-in user solved it and only if the problem shows them; one language at a time.
import { useEffect, useState } from 'react';
import type { ProblemDetail, ReferenceSolutionView } from '@arbiter/contracts';
import { api, ApiError } from '../../lib/api';
import { languageName } from '../../lib/format';
import { useAuth } from '../auth-context';

export function ProblemSolutions({ problem, preferred }: { problem: ProblemDetail; preferred: string }) {
  const { user } = useAuth();
  const [solutions, setSolutions] = useState<ReferenceSolutionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const solved = problem.status === 'solved';

  useEffect(() => {
    if (!user || !solved || !problem.hasSolutions) return;
    let cancelled = false;
    api
      .get<ReferenceSolutionView[]>(`/problems/${problem.slug}/solutions`)
      .then((list) => !cancelled && setSolutions(list))
      .catch(
        (caught: unknown) =>
          !cancelled && setError(caught instanceof ApiError ? caught.message : String(caught)),
      );
    return () => {
      cancelled = true;
    };
  }, [problem.slug, problem.hasSolutions, solved, user]);

  if (!problem.hasSolutions) {
    return <p className="muted empty-state">This problem shows no reference solutions.</p>;
  }
  if (!user || !solved) {
    return (
      <p className="muted empty-state" data-testid="solutions-locked">
        🔒 The reference solutions open after your accepted submit.
      </p>
    );
  }
  if (error) return <p className="error">{error}</p>;
  if (solutions === null) return <p className="muted">Loading…</p>;
  const current =
    solutions.find((s) => s.language === chosen) ??
    solutions.find((s) => s.language === preferred) ??
    solutions[0];
  if (!current) return <p className="muted empty-state">No reference solution.</p>;
  return (
    <div className="solutions" data-testid="solutions">
      <div className="case-tabs" role="tablist" aria-label="Solution language">
        {solutions.map((s) => (
          <button
            key={s.language}
            type="button"
            role="tab"
            aria-selected={s.language === current.language}
            className={`case-tab${s.language === current.language ? ' active' : ''}`}
            onClick={() => setChosen(s.language)}
            data-testid={`solution-tab-${s.language}`}
          >
            {languageName(s.language)}
          </button>
        ))}
      </div>
      <pre className="block-pre solution-code" data-testid="solution-code" tabIndex={0}>
        {current.code}
      </pre>
    </div>
  );
}
