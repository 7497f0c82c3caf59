'use client';
// Switches between the light and dark themes; the choice is remembered in localStorage.
import { applyTheme } from '../lib/theme';
import { useTheme } from '../lib/use-theme';

export function ThemeToggle() {
  const theme = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => applyTheme(next)}
      aria-label={`Switch to the ${next} theme`}
      title={`Switch to the ${next} theme`}
      data-testid="theme-toggle"
    >
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}
