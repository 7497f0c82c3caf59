/**
 * The PHP harness, all in `main.php`: `<?php ` on the user's first line (a `<?php` the user wrote is
 * dropped), so `php -l` and stack traces give the user's own line numbers; then the runtime
 * (`php/runtime.php`) and a call serving the tests, naming the method and the declared types in the
 * grammar's spelling.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { formatType } from '../signature/types.js';
import { runtimeSource } from '../shared/runtime-source.js';

export function phpHarness(signature: FunctionSignature, userCode: string): string {
  const user = userCode.replace(/^(\s*)<\?php\b/, '$1');
  const params = signature.params.map((p) => `'${formatType(p.type)}'`).join(', ');
  const serve = `Arbiter::serve('${signature.names.php}', [${params}], '${formatType(signature.returns)}');\n`;
  return `<?php ${user}\n${runtimeSource(new URL('./runtime.php', import.meta.url))}\n${serve}`;
}
