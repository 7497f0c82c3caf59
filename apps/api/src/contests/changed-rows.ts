/**
 * What a contest change announced on `<prefix>:contests:changed` touched: `<contestId>` alone (its
 * settings, or anything else: every row is scored again) or `<contestId>/<userId>` (one participant's
 * registration or submissions: only that row). An instance notes each message as it comes and its next
 * push takes what was noted for the contest, so changes coalesced into one push lose none of their rows.
 */

/** The message announcing a change of a contest, or of one participant's row in it. */
export function contestChangeMessage(contestId: string, userId?: string): string {
  return userId === undefined ? contestId : `${contestId}/${userId}`;
}

/** Every row of the contest, or these participants' rows. */
export type RowsChanged = 'all' | ReadonlySet<string>;

export class ChangedRows {
  private readonly changed = new Map<string, 'all' | Set<string>>();

  /** Notes a message; answers the contest it changes. */
  note(message: string): string {
    const slash = message.indexOf('/');
    const contestId = slash < 0 ? message : message.slice(0, slash);
    const userId = slash < 0 ? null : message.slice(slash + 1);
    const seen = this.changed.get(contestId);
    if (userId === null || userId === '') this.changed.set(contestId, 'all');
    else if (seen === undefined) this.changed.set(contestId, new Set([userId]));
    else if (seen !== 'all') seen.add(userId);
    return contestId;
  }

  /** What changed in a contest since the last take (nothing: an empty set). */
  take(contestId: string): RowsChanged {
    const seen = this.changed.get(contestId);
    this.changed.delete(contestId);
    return seen ?? new Set();
  }

  clear(): void {
    this.changed.clear();
  }
}
