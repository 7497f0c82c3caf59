// "Format document": Prettier's standalone browser build, loaded the first time someone formats,
// for the languages it formats (JavaScript and TypeScript); none for the others.
import { monacoLanguage } from './format';

const PARSERS: Record<string, 'babel' | 'typescript'> = { javascript: 'babel', typescript: 'typescript' };

/** The Prettier parser for a language id, or null when there is no formatter for it. */
export function formatterFor(language: string): 'babel' | 'typescript' | null {
  return PARSERS[monacoLanguage(language)] ?? null;
}

/** The code formatted with Prettier (tabSize spaces per level); throws on a syntax error. */
export async function formatCode(code: string, language: string, tabSize: number): Promise<string> {
  const parser = formatterFor(language);
  if (parser === null) throw new Error(`No formatter for ${language}.`);
  const [prettier, estree, syntax] = await Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/estree'),
    parser === 'babel' ? import('prettier/plugins/babel') : import('prettier/plugins/typescript'),
  ]);
  return prettier.format(code, {
    parser,
    plugins: [estree, syntax],
    tabWidth: tabSize,
    printWidth: 100,
  });
}
