/**
 * Output of the benchmarks: Markdown tables printed to stdout and, for full runs, written into their
 * own section of docs/PERFORMANCE.md (between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`), with
 * the command that made them and how busy the machine was meanwhile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { ROOT } from '../../tests/support/platform.js';

export const PERFORMANCE_DOC = `${ROOT}docs/PERFORMANCE.md`;

export interface Table {
  /** One line above the table. */
  title: string;
  header: string[];
  /** Column alignment: `r` right (numbers), `l` left. */
  align: Array<'l' | 'r'>;
  rows: string[][];
}

export function markdownTable(table: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(table.header),
    line(table.align.map((a) => (a === 'r' ? '--:' : '---'))),
    ...table.rows.map(line),
  ].join('\n');
}

/** Load averages when the benchmark started, to say how quiet the machine was. */
export class LoadWatch {
  private readonly start = loadavg();
  private readonly startedAt = new Date();

  describe(): string {
    const end = loadavg();
    const fmt = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
    return (
      `${this.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores; ` +
      `load average (1 / 5 / 15 min) ${fmt(this.start)} at the start, ${fmt(end)} at the end`
    );
  }
}

/** Prints the tables; with `write`, also replaces section `name` of docs/PERFORMANCE.md. */
export async function publish(options: {
  name: string;
  command: string;
  tables: Table[];
  load: LoadWatch;
  write: boolean;
  notes?: string[];
}): Promise<void> {
  const body = [
    `Command: \`${options.command}\`. Taken ${options.load.describe()}.`,
    ...(options.notes ?? []),
    ...options.tables.flatMap((table) => ['', table.title, '', markdownTable(table)]),
  ].join('\n');
  console.log(`\n${body}\n`);
  if (!options.write) return;
  const begin = `<!-- bench:${options.name} -->`;
  const end = `<!-- /bench:${options.name} -->`;
  const doc = readFileSync(PERFORMANCE_DOC, 'utf8');
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) {
    console.error(`docs/PERFORMANCE.md has no ${begin} … ${end} section: tables not written`);
    return;
  }
  const next = `${doc.slice(0, from + begin.length)}\n\n${body}\n\n${doc.slice(to)}`;
  const config = (await resolveConfig(PERFORMANCE_DOC)) ?? {};
  writeFileSync(PERFORMANCE_DOC, await format(next, { ...config, filepath: PERFORMANCE_DOC }));
  console.error(`written to docs/PERFORMANCE.md (${begin})`);
}
