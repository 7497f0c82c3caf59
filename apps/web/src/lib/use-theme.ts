'use client';
// React hook: the current theme, updated when the header toggle changes it.
import { useEffect, useState } from 'react';
import { currentTheme, type Theme } from './theme';

export function useTheme(): Theme {
  const [theme, setTheme] = useState<Theme>('light');
  useEffect(() => {
    setTheme(currentTheme());
    const onChange = (event: Event) => setTheme((event as CustomEvent<Theme>).detail);
    window.addEventListener('arbiter:theme', onChange);
    return () => window.removeEventListener('arbiter:theme', onChange);
  }, []);
  return theme;
}
