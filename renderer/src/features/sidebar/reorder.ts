/** Where a dragged service lands. */

export type DropEdge = 'before' | 'after';

/**
 * The index a service ends up at when the one at `from` is dropped on the `edge` of the one at `over`, counted in
 * the list without the dragged service (what `service.move` expects).
 */
export function dropIndex(from: number, over: number, edge: DropEdge): number {
  const slot = edge === 'after' ? over + 1 : over;
  return slot > from ? slot - 1 : slot;
}
