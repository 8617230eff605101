"use client";

import { useEffect, useRef } from "react";

/**
 * Asks before the tab is closed or reloaded while the form has unsaved changes.
 * Returns a function that lifts the warning for a deliberate reload.
 */
export function useLeaveWarning(hasUnsavedChanges: boolean): () => void {
  const active = useRef(hasUnsavedChanges);
  active.current = hasUnsavedChanges;

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!active.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return () => {
    active.current = false;
  };
}
