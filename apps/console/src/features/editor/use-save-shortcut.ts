'use client';

import { useEffect, useRef } from 'react';

/**
 * Ctrl+S / Cmd+S anywhere on the page calls `onSave` instead of the browser's "save page".
 * Inside Monaco the editor's own binding handles the keys and stops the event, so one press
 * never saves twice.
 */
export function useSaveShortcut(onSave: () => void): void {
  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
  }, [onSave]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        onSaveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
