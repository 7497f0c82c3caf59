// Small display helpers: verdict labels and colors, times, memory, dates, language names.
import type { Verdict } from '@arbiter/contracts';
import { languageMeta } from '@arbiter/languages/catalog';

export function verdictLabel(verdict: Verdict | string | null | undefined): string {
  if (!verdict) return '—';
  return verdict
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function verdictTone(verdict: Verdict | string | null | undefined): 'ok' | 'bad' | 'warn' | 'muted' {
  if (!verdict) return 'muted';
  if (verdict === 'ACCEPTED') return 'ok';
  if (verdict === 'COMPILE_ERROR' || verdict === 'INTERNAL_ERROR') return 'warn';
  return 'bad';
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 10) return `${ms.toFixed(ms < 1 ? 2 : 1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** A wall-clock duration: ms below a second, seconds above. */
export function formatWall(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? formatMs(ms) : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * A language's name with its toolchain version, without saying the version twice: "Python 3" with
 * "3.11.2" is "Python 3.11.2", "C++17" with "12.2.0" stays "C++17 12.2.0".
 */
export function languageLabel(name: string, version: string): string {
  if (version === '') return name;
  const words = name.split(' ');
  const last = words[words.length - 1] ?? '';
  const major = version.split('.')[0];
  if (words.length > 1 && /^\d+$/.test(last) && last === major)
    return `${words.slice(0, -1).join(' ')} ${version}`;
  return `${name} ${version}`;
}

export function formatMemory(kb: number | null | undefined): string {
  if (kb === null || kb === undefined) return '—';
  return `${(kb / 1024).toFixed(1)} MB`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Display name of a language id (the catalog's; an unknown id as it came). */
export function languageName(id: string): string {
  return languageMeta(id)?.name ?? id;
}

/** Monaco's language id for one of ours (plain text for an unknown id). */
export function monacoLanguage(id: string): string {
  return languageMeta(id)?.monaco ?? 'plaintext';
}
