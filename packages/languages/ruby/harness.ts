/**
 * The Ruby harness, all in `main.rb`: the user's code first (so `ruby -c` and stack traces give the user's
 * own line numbers), then the runtime (`ruby/runtime.rb`) and a call serving the tests, naming the method
 * and the declared types in the grammar's spelling.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { formatType } from '../signature/types.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { rubyMethod } from './function.js';

export function rubyHarness(signature: FunctionSignature, userCode: string): string {
  const params = signature.params.map((p) => JSON.stringify(formatType(p.type))).join(', ');
  const serve = `Arbiter.serve(:${rubyMethod(signature)}, [${params}], ${JSON.stringify(formatType(signature.returns))})\n`;
  return `${userCode}\n${runtimeSource(new URL('./runtime.rb', import.meta.url))}\n${serve}`;
}
