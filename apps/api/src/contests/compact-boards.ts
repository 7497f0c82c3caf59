/**
 * The compact boards (`@arbiter/contracts/scoreboard-wire`) this API instance last sent to its compact
 * viewers of each contest, numbered, so the next change goes out as the rows it touched
 * (`scoreboardRows`) instead of the whole board; and one queue per contest, so a viewer joining and a
 * push never interleave (each viewer holds exactly the version the next update starts from).
 */
import { compactScoreboard, type CompactScoreboard } from '@arbiter/contracts';
import type { BoardViews } from '@arbiter/contests';

export interface CompactViews {
  version: number;
  live: CompactScoreboard;
  public: CompactScoreboard;
}

export class CompactBoards {
  private readonly views = new Map<string, CompactViews>();
  private readonly queues = new Map<string, Promise<void>>();

  /** Runs `task` after every earlier task of the same contest has finished. */
  serial<T>(contestId: string, task: () => Promise<T>): Promise<T> {
    const before = this.queues.get(contestId) ?? Promise.resolve();
    const run = before.then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(contestId, settled);
    void settled.then(() => {
      if (this.queues.get(contestId) === settled) this.queues.delete(contestId);
    });
    return run;
  }

  /** The boards last sent for a contest, if any. */
  get(contestId: string): CompactViews | undefined {
    return this.views.get(contestId);
  }

  /** Numbers and keeps new boards of a contest; answers them with the ones they replace. */
  store(contestId: string, boards: BoardViews): { previous: CompactViews | undefined; next: CompactViews } {
    const previous = this.views.get(contestId);
    const version = (previous?.version ?? 0) + 1;
    const live = compactScoreboard(boards.live, version);
    const next: CompactViews = {
      version,
      live,
      public: boards.public === boards.live ? live : compactScoreboard(boards.public, version),
    };
    this.views.set(contestId, next);
    return { previous, next };
  }

  /** Forgets a contest's boards (no compact viewer left here, so they would go stale). */
  forget(contestId: string): void {
    this.views.delete(contestId);
  }

  clear(): void {
    this.views.clear();
  }
}
