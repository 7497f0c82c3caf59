// Monaco's editor web worker (diffs, word suggestions), bundled by Next so it loads from our origin.
import 'monaco-editor/editor/editor.worker';
