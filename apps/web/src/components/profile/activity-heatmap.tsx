// A year of submits as a grid of days (SVG): a column per week (Sunday on top), shaded by the day's
// count, each day titled with its date and count, month labels above and a legend below.
import type { UserProfile } from '@arbiter/contracts';

const CELL = 11;
const GAP = 3;
const STEP = CELL + GAP;
const LEFT = 30;
const TOP = 18;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Lower bounds of the shades 1–4 (0: no submit). */
const LEVELS = [
  { level: 0, label: 'No submissions' },
  { level: 1, label: '1 submission' },
  { level: 2, label: '2–3 submissions' },
  { level: 3, label: '4–6 submissions' },
  { level: 4, label: '7 or more submissions' },
];

function levelOf(count: number): number {
  if (count === 0) return 0;
  if (count === 1) return 1;
  if (count <= 3) return 2;
  if (count <= 6) return 3;
  return 4;
}

const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const submissions = (n: number) => `${n} ${n === 1 ? 'submission' : 'submissions'}`;

export function ActivityHeatmap({ activity }: { activity: UserProfile['activity'] }) {
  const counts = new Map(activity.days.map((day) => [day.date, day.count]));
  const first = parseDay(activity.from);
  const length = Math.round((parseDay(activity.to).getTime() - first.getTime()) / DAY_MS) + 1;
  const offset = first.getUTCDay();
  const cells = Array.from({ length }, (_, i) => {
    const at = new Date(first.getTime() + i * DAY_MS);
    const date = dayOf(at);
    const count = counts.get(date) ?? 0;
    return {
      date,
      count,
      month: at.getUTCMonth(),
      dayOfMonth: at.getUTCDate(),
      col: Math.floor((i + offset) / 7),
      row: (i + offset) % 7,
    };
  });
  const columns = Math.floor((length - 1 + offset) / 7) + 1;
  // A month's label over the week holding its first day (the first partial month too, if there is room).
  const months = cells.filter((cell, i) => cell.dayOfMonth === 1 || (i === 0 && cell.dayOfMonth < 20));
  const width = LEFT + columns * STEP;
  const height = TOP + 7 * STEP;
  const summary = `${submissions(activity.total)} from ${activity.from} to ${activity.to} (UTC)`;
  return (
    <section className="card profile-activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">
        <span data-testid="activity-total">{submissions(activity.total)}</span>
        <span className="muted"> in the last year</span>
      </h2>
      {/* Wider than a phone: a scroller one can reach and scroll with the keyboard. */}
      <div className="heatmap-scroll" tabIndex={0} role="region" aria-label="A year of activity">
        <svg
          className="heatmap"
          role="group"
          aria-label={summary}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          data-testid="heatmap"
        >
          {months.map((cell) => (
            <text
              key={cell.date}
              x={LEFT + cell.col * STEP}
              y={TOP - 6}
              className="heatmap-label"
              aria-hidden="true"
            >
              {MONTHS[cell.month]}
            </text>
          ))}
          {[1, 3, 5].map((row) => (
            <text
              key={row}
              x={0}
              y={TOP + row * STEP + CELL - 1}
              className="heatmap-label"
              aria-hidden="true"
            >
              {WEEKDAYS[row]}
            </text>
          ))}
          {cells.map((cell) => {
            const label = `${submissions(cell.count)} on ${cell.date}`;
            return (
              <rect
                key={cell.date}
                x={LEFT + cell.col * STEP}
                y={TOP + cell.row * STEP}
                width={CELL}
                height={CELL}
                rx={2}
                className={`heatmap-cell level-${levelOf(cell.count)}`}
                role="img"
                aria-label={label}
                data-date={cell.date}
                data-count={cell.count}
              >
                <title>{label}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="heatmap-legend" data-testid="heatmap-legend">
        <span className="muted">Less</span>
        <ul aria-label="Legend">
          {LEVELS.map(({ level, label }) => (
            <li key={level} title={label}>
              <svg width={CELL} height={CELL} aria-hidden="true">
                <rect width={CELL} height={CELL} rx={2} className={`heatmap-cell level-${level}`} />
              </svg>
              <span className="sr-only">{label}</span>
            </li>
          ))}
        </ul>
        <span className="muted">More</span>
        <span className="muted heatmap-note">Days are UTC.</span>
      </div>
    </section>
  );
}
