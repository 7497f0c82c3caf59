// Vim or Emacs key bindings on a Monaco editor (monaco-vim, monaco-emacs), loaded only when chosen.
import type * as Monaco from 'monaco-editor/editor';
import type { KeyBindings } from '@arbiter/contracts/editor-defaults';

/** Turns the bindings on; the returned function turns them off again. */
export async function attachKeyBindings(
  editor: Monaco.editor.IStandaloneCodeEditor,
  bindings: Exclude<KeyBindings, 'default'>,
  statusBar: HTMLElement,
): Promise<() => void> {
  if (bindings === 'vim') {
    const { initVimMode } = await import('monaco-vim');
    const vim = initVimMode(editor, statusBar);
    return () => vim.dispose();
  }
  const { EmacsExtension } = await import('monaco-emacs');
  const emacs = new EmacsExtension(editor);
  const showKey = emacs.onDidChangeKey((key) => {
    statusBar.textContent = key;
  });
  emacs.start();
  statusBar.textContent = 'Emacs';
  return () => {
    showKey.dispose();
    emacs.dispose();
    statusBar.textContent = '';
  };
}
