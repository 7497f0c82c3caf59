'use client';
// Two sources next to each other, the fragments they share highlighted (each fragment in the same colour
// on both sides), line numbers on the left of each.
import type { SimilarityPair, SimilaritySubmission, SourceRegion } from '@arbiter/contracts';

/** Which fragment (index) covers each character of each line; -1: none. */
function coverage(code: string, regions: readonly SourceRegion[]): number[][] {
  const lines = code.split('\n');
  const marks = lines.map((line) => new Array<number>(line.length).fill(-1));
  regions.forEach((region, index) => {
    for (let row = region.startRow; row <= region.endRow && row < lines.length; row += 1) {
      const line = marks[row] ?? [];
      const from = row === region.startRow ? region.startCol : 0;
      const to = row === region.endRow ? Math.min(region.endCol, line.length) : line.length;
      for (let col = from; col < to; col += 1) if (line[col] === -1) line[col] = index;
    }
  });
  return marks;
}

function Source({ submission, regions }: { submission: SimilaritySubmission; regions: SourceRegion[] }) {
  const lines = submission.code.split('\n');
  const marks = coverage(submission.code, regions);
  return (
    <div className="similarity-source" data-testid="similarity-source">
      <h3>
        {submission.username ?? 'deleted user'} <span className="muted">· {submission.language}</span>
      </h3>
      <pre>
        {lines.map((line, row) => {
          const lineMarks = marks[row] ?? [];
          const spans: { text: string; fragment: number }[] = [];
          for (let col = 0; col < line.length; col += 1) {
            const fragment = lineMarks[col] ?? -1;
            const last = spans[spans.length - 1];
            if (last !== undefined && last.fragment === fragment) last.text += line[col] ?? '';
            else spans.push({ text: line[col] ?? '', fragment });
          }
          return (
            <div key={row} className="similarity-line">
              <span className="line-number">{row + 1}</span>
              {spans.map((span, i) =>
                span.fragment === -1 ? (
                  <span key={i}>{span.text}</span>
                ) : (
                  <mark
                    key={i}
                    className={`fragment fragment-${span.fragment % 6}`}
                    data-fragment={span.fragment}
                  >
                    {span.text}
                  </mark>
                ),
              )}
            </div>
          );
        })}
      </pre>
    </div>
  );
}

export function SideBySide({
  pair,
  left,
  right,
}: {
  pair: SimilarityPair;
  left: SimilaritySubmission;
  right: SimilaritySubmission;
}) {
  return (
    <div className="similarity-sides" data-testid="similarity-sides">
      <Source submission={left} regions={pair.fragments.map((f) => f.left)} />
      <Source submission={right} regions={pair.fragments.map((f) => f.right)} />
    </div>
  );
}
