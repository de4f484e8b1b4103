// Moving one item up or down among its siblings (stages of a type, fields of a
// type, groups). Positions are renumbered 0..n-1 in the current order, so
// duplicates or gaps left by deletions never stop a move. Pure: the callers
// write only the positions that changed.
export type Direction = "up" | "down";

export interface Positioned {
  id: string;
  position: number;
  /** Items that do not take part (archived stages) keep their slot. */
  movable?: boolean;
}

/** New positions by id after moving `id` one step among the movable items; empty when nothing changes. */
export function moveOneStep(items: Positioned[], id: string, direction: Direction): Map<string, number> {
  const ordered = [...items].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const movable = ordered.filter((i) => i.movable !== false);
  const index = movable.findIndex((i) => i.id === id);
  const target = direction === "up" ? index - 1 : index + 1;
  const changes = new Map<string, number>();
  if (index < 0 || target < 0 || target >= movable.length) return changes;
  [movable[index], movable[target]] = [movable[target], movable[index]];
  let next = 0;
  const reordered = ordered.map((item) => (item.movable === false ? item : movable[next++]));
  reordered.forEach((item, position) => {
    if (item.position !== position) changes.set(item.id, position);
  });
  return changes;
}
