'use client';
// Runtime distribution of accepted submissions (GET /problems/:slug/distribution), as an SVG bar
// chart with the user's own bar highlighted. Shows nothing when the route is missing or empty.
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';

interface Distribution {
  total: number;
  buckets: { fromMs: number; toMs: number; count: number }[];
}

const WIDTH = 360;
const HEIGHT = 72;
/** At least this many bar slots, so one or two buckets do not fill the whole chart. */
const MIN_SLOTS = 16;
const AXIS = 18;

export function DistributionChart({
  slug,
  language,
  timeMs,
}: {
  slug: string;
  language: string;
  timeMs: number | null;
}) {
  const [data, setData] = useState<Distribution | null | 'none'>(null);

  useEffect(() => {
    // The accepted submission is saved just after its result is sent: ask again a few times while empty.
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (attempt: number) => {
      api
        .get<Distribution>(`/problems/${slug}/distribution?language=${encodeURIComponent(language)}`)
        .then((answer) => {
          if (cancelled) return;
          if (answer.buckets.length > 0) setData(answer);
          else if (attempt < 5) timer = setTimeout(() => load(attempt + 1), 600);
          else setData('none');
        })
        .catch(() => !cancelled && setData('none'));
    };
    load(0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [slug, language, timeMs]);

  if (data === null) return <div className="chart-placeholder muted small-text">Loading distribution…</div>;
  if (data === 'none') return null;
  const peak = Math.max(...data.buckets.map((b) => b.count), 1);
  const slots = Math.max(data.buckets.length, MIN_SLOTS);
  const barWidth = WIDTH / slots;
  const offset = Math.floor((slots - data.buckets.length) / 2) * barWidth;
  const mine = data.buckets.findIndex(
    (b, i) => timeMs !== null && timeMs >= b.fromMs && (timeMs < b.toMs || i === data.buckets.length - 1),
  );
  const first = data.buckets[0];
  const last = data.buckets[data.buckets.length - 1];
  return (
    <figure className="chart" data-testid="distribution-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
        role="img"
        aria-label={`Runtime distribution of ${data.total} accepted ${language} submissions${
          mine >= 0 ? '; yours is highlighted' : ''
        }`}
      >
        {data.buckets.map((bucket, i) => {
          const h = Math.max(2, (bucket.count / peak) * (HEIGHT - 16));
          return (
            <rect
              key={i}
              x={offset + i * barWidth + 1.5}
              y={HEIGHT - h}
              width={Math.max(1, barWidth - 3)}
              height={h}
              rx={2}
              className={i === mine ? 'bar mine' : 'bar'}
            >
              <title>
                {bucket.fromMs}–{bucket.toMs} ms: {bucket.count} submission{bucket.count === 1 ? '' : 's'}
              </title>
            </rect>
          );
        })}
        <line x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} className="axis" />
        {data.buckets.length <= 3 ? (
          <text x={WIDTH / 2} y={HEIGHT + 14} className="axis-label" textAnchor="middle">
            {first?.fromMs ?? 0}–{last?.toMs ?? 0} ms
          </text>
        ) : (
          <>
            <text x={offset} y={HEIGHT + 14} className="axis-label">
              {first?.fromMs ?? 0} ms
            </text>
            <text
              x={offset + data.buckets.length * barWidth}
              y={HEIGHT + 14}
              className="axis-label"
              textAnchor="end"
            >
              {last?.toMs ?? 0} ms
            </text>
          </>
        )}
        {mine >= 0 ? (
          <text
            x={offset + mine * barWidth + barWidth / 2}
            y={Math.max(
              10,
              HEIGHT - Math.max(2, ((data.buckets[mine]?.count ?? 0) / peak) * (HEIGHT - 16)) - 4,
            )}
            className="axis-label you"
            textAnchor="middle"
          >
            you
          </text>
        ) : null}
      </svg>
      <figcaption className="muted small-text">
        Runtime of {data.total} accepted {data.total === 1 ? 'submission' : 'submissions'} in this language
      </figcaption>
    </figure>
  );
}
