/**
 * The languages this host can run: `npm run languages` lists each catalogue language with the toolchain
 * version found (or the Debian packages it lacks) and the `apt-get` line for the rest; `npm run
 * languages:install [ids]` runs that line (all missing languages, or the given ones); `--json` prints
 * the catalogue with what was found, for `npm start`. Found means its version command answers; the worker's
 * self-test in the sandbox decides what is offered.
 */
import { spawnSync } from 'node:child_process';
import { detectToolchains } from '@arbiter/judge';
import { LANGUAGES, aptInstallLine } from '@arbiter/languages';

const args = process.argv.slice(2);
const install = args.includes('--install');
const json = args.includes('--json');
const asked = args.filter((arg) => !arg.startsWith('--'));
const unknown = asked.filter((id) => !LANGUAGES.some((language) => language.id === id));
if (unknown.length > 0) {
  console.error(
    `unknown language ids: ${unknown.join(', ')} (known: ${LANGUAGES.map((l) => l.id).join(' ')})`,
  );
  process.exit(2);
}

const found = new Map((await detectToolchains()).map((info) => [info.id as string, info.version]));
const missing = LANGUAGES.filter(
  (language) => !found.has(language.id) && (asked.length === 0 || asked.includes(language.id)),
);

if (json) {
  const catalogue = LANGUAGES.map((l) => ({
    id: l.id,
    name: l.name,
    debian: l.debian,
    version: found.get(l.id),
  }));
  console.log(
    JSON.stringify({ languages: catalogue, install: missing.length > 0 ? aptInstallLine(missing) : null }),
  );
} else if (install) {
  if (missing.length === 0) {
    console.log('every language asked for is installed');
  } else {
    const packages = [...new Set(missing.flatMap((language) => language.debian))];
    const root = process.getuid?.() === 0;
    const argv = [
      ...(root ? [] : ['sudo']),
      'apt-get',
      'install',
      '-y',
      '--no-install-recommends',
      ...packages,
    ];
    console.log(argv.join(' '));
    const result = spawnSync(argv[0] ?? 'apt-get', argv.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    process.exit(result.status ?? 1);
  }
} else {
  for (const language of LANGUAGES) {
    const version = found.get(language.id);
    console.log(
      `${language.id.padEnd(14)}${language.name.padEnd(24)}${version ?? `not found (Debian: ${language.debian.join(' ')})`}`,
    );
  }
  if (missing.length > 0)
    console.log(`\nto install the rest: ${aptInstallLine(missing)}\n(or: npm run languages:install [ids])`);
}
