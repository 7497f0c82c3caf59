/**
 * The harness protocol: a conversation between the worker and the harness program on the program's
 * fd 0, a socket (never a file: see docs/SANDBOX.md). One line per message, in this order only:
 *
 *     harness → worker   ready                            (or `compile <message>`, then it exits)
 *     worker → harness   <index> <arguments>              (one JSON array)
 *     harness → worker   <index> ok <return value>        (JSON)
 *                     or <index> error <message>          (then it exits non-zero)
 *     …                  the next test only after the answer to the previous one
 *     worker             half-closes the socket after the last answer: the harness exits at end of file
 *
 * `<message>` is a JSON string. `compile` exists only for harnesses that compile the user's code at run
 * time (Python), and only before `ready`: no user code has run by then. The user's prints go to stdout and
 * stderr, never to the channel. Lines are UTF-8.
 *
 * The harness and the user's code share a process, so the user's code can always write to the channel
 * too: what the protocol guarantees is that it never holds more than the test it is running (the next
 * test is written only after an answer to this one), that an answer out of turn ends the run, that the
 * answer is compared in the worker, and that time and memory are measured by the worker, outside.
 */
import { LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import { functionPart } from '@arbiter/languages';

/** Languages whose harness may answer `compile` instead of `ready` (their function part says so). */
export const COMPILE_RECORD_LANGUAGES: ReadonlySet<LanguageId> = new Set<LanguageId>(
  LANGUAGE_IDS.filter((id) => functionPart(id)?.compileRecord === true),
);

export type AnswerStatus = 'ok' | 'error';

/** One line from the harness, read. */
export type HarnessMessage =
  | { kind: 'ready' }
  | { kind: 'compile'; message: string }
  | { kind: 'answer'; index: number; status: AnswerStatus; payload: string };

const ANSWER = /^(\d{1,9}) (ok|error) (.*)$/s;
const COMPILE = /^compile (.*)$/s;

/** Reads one line (without its newline); null when it is no message of the protocol. */
export function parseHarnessLine(line: string): HarnessMessage | null {
  if (line === 'ready') return { kind: 'ready' };
  const compile = COMPILE.exec(line);
  if (compile) return { kind: 'compile', message: messageOf(compile[1] ?? '') };
  const answer = ANSWER.exec(line);
  if (!answer) return null;
  return {
    kind: 'answer',
    index: Number(answer[1]),
    status: answer[2] as AnswerStatus,
    payload: answer[3] ?? '',
  };
}

/** The text of a `<message>` (a JSON string; anything else is shown as it came). */
export function messageOf(payload: string): string {
  try {
    const message: unknown = JSON.parse(payload);
    return typeof message === 'string' ? message : payload;
  } catch {
    return payload;
  }
}

/** The worker's line handing test `index` over. */
export function testLine(index: number, args: unknown[]): string {
  return `${index} ${JSON.stringify(args)}\n`;
}
