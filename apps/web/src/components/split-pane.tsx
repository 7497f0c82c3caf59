'use client';
// Two panes with a drag handle between them (mouse, touch or arrow keys); the split is remembered.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface SplitPaneProps {
  direction: 'row' | 'column';
  /** Initial size of the first pane, in percent. */
  initial: number;
  min?: number;
  max?: number;
  storageKey?: string;
  label: string;
  first: ReactNode;
  second: ReactNode;
  className?: string;
}

export function SplitPane({
  direction,
  initial,
  min = 20,
  max = 80,
  storageKey,
  label,
  first,
  second,
  className,
}: SplitPaneProps) {
  const [size, setSize] = useState(initial);
  const [dragging, setDragging] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const clamp = useCallback((value: number) => Math.min(max, Math.max(min, value)), [min, max]);

  useEffect(() => {
    if (!storageKey) return;
    const stored = Number(window.localStorage.getItem(storageKey));
    if (stored > 0) setSize(clamp(stored));
  }, [storageKey, clamp]);

  const commit = useCallback(
    (value: number) => {
      const next = clamp(value);
      setSize(next);
      if (storageKey) window.localStorage.setItem(storageKey, String(Math.round(next * 10) / 10));
    },
    [clamp, storageKey],
  );

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    if (!dragging || !container.current) return;
    const box = container.current.getBoundingClientRect();
    const ratio =
      direction === 'row' ? (event.clientX - box.left) / box.width : (event.clientY - box.top) / box.height;
    commit(ratio * 100);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const forward = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    if (event.key === back) commit(size - 2);
    else if (event.key === forward) commit(size + 2);
    else if (event.key === 'Home') commit(min);
    else if (event.key === 'End') commit(max);
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={container}
      className={`split split-${direction}${dragging ? ' dragging' : ''}${className ? ` ${className}` : ''}`}
    >
      <div className="split-pane" style={{ flexBasis: `${size}%` }}>
        {first}
      </div>
      <div
        className="split-handle"
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-valuenow={Math.round(size)}
        aria-valuemin={min}
        aria-valuemax={max}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setDragging(true);
        }}
        onPointerMove={onPointerMove}
        onPointerUp={() => setDragging(false)}
        onPointerCancel={() => setDragging(false)}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane" style={{ flexBasis: `${100 - size}%` }}>
        {second}
      </div>
    </div>
  );
}
