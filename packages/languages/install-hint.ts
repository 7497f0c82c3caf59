/** How to install the toolchains of languages a host lacks: one `apt-get` line from their `meta.debian`. */
import type { LanguageMeta } from './meta.js';

/** `apt-get install` of the Debian packages the given languages need, each package once. */
export function aptInstallLine(languages: readonly Pick<LanguageMeta, 'debian'>[]): string {
  const packages = [...new Set(languages.flatMap((language) => language.debian))];
  return `sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}
