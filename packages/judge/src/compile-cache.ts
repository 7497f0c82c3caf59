/**
 * Compiled programs kept by content: the key hashes the language, its toolchain version,
 * the compile command and every source file, so the same code is never compiled twice by
 * a worker, and a toolchain upgrade or a flag change never serves a stale artefact.
 * Bounded by total bytes; least recently used entries go first.
 */
import { createHash } from 'node:crypto';
import type { CompileResult } from './compile-step.js';

export interface CompileCacheOptions {
  /**
   * Most bytes of artefacts and compiler output kept.
   * @defaultValue 256 MiB
   */
  maxBytes?: number;
}

export class CompileCache {
  private readonly entries = new Map<string, { result: CompileResult; bytes: number }>();
  private readonly maxBytes: number;
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(options: CompileCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  }

  static key(parts: {
    language: string;
    version: string;
    argv: string[];
    /** The compiler's environment, when its recipe sets one. */
    env?: Record<string, string> | undefined;
    files: Record<string, string | Uint8Array>;
  }): string {
    const hash = createHash('sha256');
    hash.update(`${parts.language}\0${parts.version}\0${parts.argv.join('\0')}\0`);
    for (const [name, value] of Object.entries(parts.env ?? {}).sort()) hash.update(`${name}=${value}\0`);
    for (const name of Object.keys(parts.files).sort()) {
      hash.update(`${name}\0`);
      hash.update(parts.files[name] ?? '');
      hash.update('\0');
    }
    return hash.digest('hex');
  }

  get(key: string): CompileResult | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    // Re-insert to mark it most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.result;
  }

  set(key: string, result: CompileResult): void {
    const bytes = sizeOf(result);
    if (bytes > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.bytes -= previous.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { result, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** Bytes held now. */
  size(): number {
    return this.bytes;
  }
}

function sizeOf(result: CompileResult): number {
  if (!result.ok) return result.compileOutput.length + 64;
  let bytes = result.program.compileOutput.length + 64;
  for (const contents of Object.values(result.program.files)) bytes += contents.length;
  return bytes;
}
