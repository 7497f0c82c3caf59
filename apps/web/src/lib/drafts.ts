// Drafts of code kept in localStorage, one per problem (or the playground) and language.
const PREFIX = 'arbiter:draft:';

function key(scope: string, language: string): string {
  return `${PREFIX}${scope}:${language}`;
}

export function loadDraft(scope: string, language: string): string | null {
  try {
    return window.localStorage.getItem(key(scope, language));
  } catch {
    return null;
  }
}

export function saveDraft(scope: string, language: string, code: string): void {
  try {
    window.localStorage.setItem(key(scope, language), code);
  } catch {
    // Storage full or disabled: the draft lives only in memory.
  }
}

export function clearDraft(scope: string, language: string): void {
  try {
    window.localStorage.removeItem(key(scope, language));
  } catch {
    // Nothing to clear.
  }
}

/** The last language picked for a scope, so reopening a problem shows the same editor. */
export function loadLanguage(scope: string): string | null {
  try {
    return window.localStorage.getItem(`arbiter:lang:${scope}`);
  } catch {
    return null;
  }
}

export function saveLanguage(scope: string, language: string): void {
  try {
    window.localStorage.setItem(`arbiter:lang:${scope}`, language);
  } catch {
    // Ignore.
  }
}
