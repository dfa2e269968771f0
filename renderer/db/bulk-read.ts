/**
 * Reads of "which of these keys exist" tuned for IndexedDB, where every `get` is a separate
 * request: when the keys of a batch are clustered (a sync page of the demo region covers a few
 * consecutive days; its ids and aggregate keys are contiguous), one bounded range read answers
 * for the whole group. When the range turns out to hold many other rows, it falls back to
 * per-key gets. The answer is the same either way; only the cost differs.
 */
import type { Table } from 'dexie';

/** Groups keys by their prefix up to `sep` (appeal ids: the source), each sorted. */
function groups(keys: readonly string[], sep: string | null): string[][] {
  const by = new Map<string, string[]>();
  for (const k of keys) {
    const i = sep === null ? -1 : k.indexOf(sep);
    const prefix = i < 0 ? '' : k.slice(0, i);
    let g = by.get(prefix);
    if (!g) by.set(prefix, (g = []));
    g.push(k);
  }
  return [...by.values()].map((g) => g.sort());
}

/**
 * Existing rows for `keys` (absent keys are missing from the map). `clustered(group)` may say
 * up front that a group is too spread for a range read (saves a wasted read of many values).
 */
export async function getExistingRows<T>(
  table: Table<T, string>,
  keys: readonly string[],
  keyOf: (row: T) => string,
  sep: string | null = null,
  clustered: (sortedGroup: string[]) => boolean = () => true,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  await Promise.all(
    groups(keys, sep).map(async (group) => {
      const limit = group.length * 2 + 64;
      const rows = clustered(group) ? await table.where(':id').between(group[0]!, group[group.length - 1]!, true, true).limit(limit).toArray() : null;
      if (rows && rows.length < limit) {
        const wanted = new Set(group);
        for (const row of rows) {
          const k = keyOf(row);
          if (wanted.has(k)) out.set(k, row);
        }
        return;
      }
      const got = await table.bulkGet(group);
      group.forEach((k, i) => {
        const row = got[i];
        if (row !== undefined) out.set(k, row);
      });
    }),
  );
  return out;
}

/** Which keys exist, and the rows a fallback read on the way (so the caller need not read them again). */
export interface ExistingKeys<T> {
  present: Set<string>;
  /** Rows of present keys that were read in full (only where the key-only read fell back). */
  rows: Map<string, T>;
}

/** Which of `keys` exist, by a key-only range read per group (values are not read unless it falls back). */
export async function existingKeys<T>(table: Table<T, string>, keys: readonly string[], sep: string | null = null): Promise<ExistingKeys<T>> {
  const out: ExistingKeys<T> = { present: new Set(), rows: new Map() };
  await Promise.all(
    groups(keys, sep).map(async (group) => {
      const limit = group.length * 2 + 64;
      const found = (await table.where(':id').between(group[0]!, group[group.length - 1]!, true, true).limit(limit).primaryKeys()) as string[];
      if (found.length < limit) {
        const wanted = new Set(group);
        for (const k of found) if (wanted.has(k)) out.present.add(k);
        return;
      }
      const got = await table.bulkGet(group);
      group.forEach((k, i) => {
        const row = got[i];
        if (row === undefined) return;
        out.present.add(k);
        out.rows.set(k, row);
      });
    }),
  );
  return out;
}
