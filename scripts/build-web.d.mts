// Types of scripts/build-web.mjs (plain JavaScript, run by Node without a compile step) for the tests.

/** The folders (relative to `root`) of the workspace packages apps/web depends on, transitively. */
export function webWorkspaceDependencies(root?: string): string[];
/** SHA-256 over every source of the web build under `root` (the repository by default). */
export function webSourceHash(root?: string): string;
/** Builds the web app unless apps/web/.next was built from the same sources; resolves with whether it built. */
export function ensureWebBuild(options?: { onLine?: (line: string) => void }): Promise<boolean>;
