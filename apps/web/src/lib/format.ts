// Small display helpers: verdict labels and colors, times, memory, dates.
import type { Verdict } from '@arbiter/contracts';

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

export function formatMemory(kb: number | null | undefined): string {
  if (kb === null || kb === undefined) return '—';
  return `${(kb / 1024).toFixed(1)} MB`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const LANGUAGE_NAMES: Record<string, string> = {
  python: 'Python 3',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  cpp: 'C++17',
  c: 'C17',
  java: 'Java 17',
};

/** Monaco's language id for one of ours. */
export const MONACO_LANGUAGE: Record<string, string> = {
  python: 'python',
  javascript: 'javascript',
  typescript: 'typescript',
  cpp: 'cpp',
  c: 'cpp',
  java: 'java',
};
