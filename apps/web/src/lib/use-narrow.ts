'use client';
// True on a narrow screen (phones and portrait tablets, up to NARROW_MAX_PX wide): pages switch to their one-column layout.
import { useEffect, useState } from 'react';

/** The widest viewport, in CSS px, that gets the narrow layout (globals.css uses the same width). */
export const NARROW_MAX_PX = 900;

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(`(max-width: ${NARROW_MAX_PX}px)`);
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}
