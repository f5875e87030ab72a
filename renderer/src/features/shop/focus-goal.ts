/**
 * Where the keyboard focus goes once the change it follows has rendered, in a list of records edited in place
 * (quick replies, products): the same button of a record after a move, back on a record after editing it, Undo
 * after a deletion, "New" after a new one is cancelled. Rows carry `data-row={id}` and their buttons
 * `data-action`. A goal whose element is not there yet (main's change still on its way) waits for the next render.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export type RowAction = 'up' | 'down' | 'edit' | 'delete';
export type FocusGoal = { id: string; action: RowAction } | 'new' | 'undo';

export interface FocusGoals {
  /** Set it before the change; it is met once its element renders. */
  goalRef: RefObject<FocusGoal | null>;
  rootRef: RefObject<HTMLDivElement | null>;
  newRef: RefObject<HTMLButtonElement | null>;
  undoRef: RefObject<HTMLButtonElement | null>;
}

export function useFocusGoal(): FocusGoals {
  const goalRef = useRef<FocusGoal | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const wanted = goalRef.current;
    if (wanted === null) return;
    let element: HTMLElement | null | undefined;
    if (wanted === 'new') element = newRef.current;
    else if (wanted === 'undo') element = undoRef.current;
    else {
      const row = [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-row]') ?? [])].find((r) => r.dataset['row'] === wanted.id);
      element = row?.querySelector<HTMLElement>(`[data-action="${wanted.action}"]`);
    }
    if (element === null || element === undefined) return;
    goalRef.current = null;
    element.focus();
  });

  return { goalRef, rootRef, newRef, undoRef };
}
