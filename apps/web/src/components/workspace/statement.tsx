// The statement pane: title, difficulty, tags, limits, and the Markdown statement (examples and constraints),
// as the server rendered it when it did, else rendered here (the Markdown code then loads on demand).
import dynamic from 'next/dynamic';
import type { ProblemDetail } from '@arbiter/contracts';
import { statementBody, type RenderedStatement } from '../../lib/statement-body';

const Markdown = dynamic(() => import('../markdown').then((module) => module.Markdown));

export function Statement({ problem, rendered }: { problem: ProblemDetail; rendered?: RenderedStatement }) {
  return (
    <article className="statement" aria-labelledby="problem-title">
      <header className="statement-head">
        <h1 id="problem-title">{problem.title}</h1>
        <div className="statement-meta">
          <span className={`difficulty pill ${problem.difficulty}`}>{problem.difficulty}</span>
          {problem.status === 'solved' ? (
            <span className="pill solved-pill">✓ Solved</span>
          ) : problem.status === 'attempted' ? (
            <span className="pill attempted-pill">Attempted</span>
          ) : null}
          {problem.acceptanceRate !== null ? (
            <span className="muted small-text">Acceptance {problem.acceptanceRate.toFixed(1)}%</span>
          ) : null}
        </div>
        <div className="tags">
          {problem.tags.map((tag) => (
            <span key={tag} className="tag static">
              {tag}
            </span>
          ))}
        </div>
      </header>
      {rendered && rendered.source === problem.statement ? (
        rendered.rendered
      ) : (
        <Markdown source={statementBody(problem.statement)} />
      )}
      <p className="limits muted small-text">
        Time limit {problem.limits.timeMs / 1000} s · Memory limit {problem.limits.memoryMb} MB
      </p>
    </article>
  );
}
