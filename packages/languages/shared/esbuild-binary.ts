/**
 * Where the esbuild executable is on the host. It runs inside the sandbox (as the compile step of
 * JavaScript and TypeScript), so the sandbox must show this one file: the recipes list it in their `readOnlyPaths`.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The npm package holding esbuild's executable for this platform (`@esbuild/linux-x64`). */
function platformPackage(): string {
  return `@esbuild/${process.platform}-${process.arch}`;
}

function resolveBinary(): string {
  try {
    return require.resolve(`${platformPackage()}/bin/esbuild`);
  } catch {
    // Not installed for this platform: the compile step then fails with a clear message.
    return `/nonexistent/${platformPackage()}/bin/esbuild`;
  }
}

/** Absolute path of the esbuild executable (the same path inside the sandbox). */
export const ESBUILD_BINARY = resolveBinary();
