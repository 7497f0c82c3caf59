// Client-only Monaco bundle: the editor core, its features and our languages' grammars, served from
// the app's own origin. Web workers load from a bundled chunk (same origin); nothing from a CDN.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/cpp/register';
import 'monaco-editor/languages/definitions/java/register';
import 'monaco-editor/languages/definitions/go/register';
import 'monaco-editor/languages/definitions/rust/register';
import 'monaco-editor/languages/definitions/csharp/register';
import 'monaco-editor/languages/definitions/kotlin/register';
import 'monaco-editor/languages/definitions/scala/register';
import 'monaco-editor/languages/definitions/pascal/register';
import 'monaco-editor/languages/definitions/fsharp/register';
import 'monaco-editor/languages/definitions/ruby/register';
import 'monaco-editor/languages/definitions/php/register';
import 'monaco-editor/languages/definitions/perl/register';
import 'monaco-editor/languages/definitions/lua/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/r/register';
import 'monaco-editor/languages/definitions/sql/register';
import 'monaco-editor/languages/definitions/tcl/register';
import 'monaco-editor/languages/definitions/coffee/register';
import 'monaco-editor/languages/definitions/elixir/register';
import 'monaco-editor/languages/definitions/clojure/register';
import 'monaco-editor/languages/definitions/scheme/register';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker() {
    return new Worker(new URL('./monaco.worker.ts', import.meta.url), { type: 'module' });
  },
};

export { monaco };
