// A scoring problem's result: "Score 30 / 100" and each test data group's points and verdict.
import type { ScoreResult } from '@arbiter/contracts';
import { verdictLabel, verdictTone } from '../lib/format';

/** Scores with at most two decimals, trailing zeros dropped (30, 33.33). */
export function formatScore(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function outOf(score: number, maxScore: number | null): string {
  return maxScore === null ? formatScore(score) : `${formatScore(score)} / ${formatScore(maxScore)}`;
}

export function ScoreSummary({ score }: { score: ScoreResult }) {
  return (
    <div className="score-summary" data-testid="score-summary">
      <p className="score-total" data-testid="score">
        Score {outOf(score.score, score.maxScore)}
      </p>
      {score.groups.length > 0 ? (
        <table className="score-groups">
          <caption className="small-heading">Test groups</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Points</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {score.groups.map((group) => (
              <tr key={group.name} data-testid="score-group">
                <td>{group.name}</td>
                <td className="num">{outOf(group.score, group.maxScore)}</td>
                <td className={`tone-${verdictTone(group.verdict)}`}>{verdictLabel(group.verdict)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
