// Light/dark theme: stored choice in localStorage, else the system preference; applied as <html data-theme>.
export type Theme = 'light' | 'dark';
export const THEME_KEY = 'arbiter:theme';

/** Runs in <head> before the first paint, so a dark-theme user never sees a light flash. */
export const THEME_BOOT_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_KEY}');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){document.documentElement.dataset.theme='light'}})();`;

export function currentTheme(): Theme {
  if (typeof document === 'undefined') return 'light';
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not remembered, still applied.
  }
  window.dispatchEvent(new CustomEvent<Theme>('arbiter:theme', { detail: theme }));
}
