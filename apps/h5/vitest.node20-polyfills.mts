/**
 * Vitest 5 wants Node ≥ 22 and its reporter calls `Map.groupBy` / `Object.groupBy` (Node 21+), which crashes the
 * failure report on the Node 20 this workspace runs. Loaded by vitest.config.mts in the main process only;
 * remove once the workspace is on Node 22.
 */
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;

function groupInto<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const maps = Map as unknown as { groupBy?: GroupBy };
maps.groupBy ??= groupInto;

const objects = Object as unknown as { groupBy?: <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => object };
objects.groupBy ??= (items, key) => Object.assign(Object.create(null) as object, Object.fromEntries(groupInto(items, key)));
