// Solved problems on a profile: a bar per difficulty (solved of the catalog's) and the tags solved.
import type { UserProfile } from '@arbiter/contracts';

export function SolvedSummary({ solved }: { solved: UserProfile['solved'] }) {
  return (
    <section className="card profile-solved" aria-labelledby="solved-heading">
      <h2 id="solved-heading">
        Solved <span data-testid="solved-total">{solved.total}</span>
        <span className="muted"> / {solved.of}</span>
      </h2>
      <ul className="difficulty-bars">
        {solved.byDifficulty.map((row) => {
          const share = row.total === 0 ? 0 : Math.round((row.solved / row.total) * 100);
          return (
            <li key={row.difficulty} data-testid={`solved-${row.difficulty}`}>
              <div className="difficulty-bar-label">
                <span className={`difficulty ${row.difficulty}`}>{row.difficulty}</span>
                <span>
                  {row.solved}
                  <span className="muted"> / {row.total}</span>
                </span>
              </div>
              <div
                className={`difficulty-bar ${row.difficulty}`}
                role="progressbar"
                aria-label={`${row.difficulty} problems solved`}
                aria-valuemin={0}
                aria-valuemax={row.total}
                aria-valuenow={row.solved}
                aria-valuetext={`${row.solved} of ${row.total}`}
              >
                <span style={{ width: `${share}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      <h3>Tags</h3>
      {solved.byTag.length === 0 ? (
        <p className="muted">No tags yet.</p>
      ) : (
        <ul className="tags" data-testid="solved-tags">
          {solved.byTag.map((row) => (
            <li
              key={row.tag}
              className="tag static"
              data-tag={row.tag}
              title={`${row.solved} of ${row.total} solved`}
            >
              {row.tag} <strong>×{row.solved}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
