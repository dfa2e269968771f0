/**
 * A compact persisted copy of the deadline aggregate, so a new window's first deadline read is one
 * row instead of every aggregate row (about one per open appeal: 250k rows took 3.8 s to read).
 * Columnar: the row keys, the dimension values through a dictionary, hours, flags and counts in
 * typed arrays, stamped with the aggregate version it reflects. A reader loads it and catches up
 * on the rows changed since (the `v` index), exactly as a warm cache does; windows rewrite it in
 * the background when it has fallen behind. It is derived data: never written with the aggregates,
 * ignored when its version is outside what the change index can still catch up from.
 */
import type { DeadlineRow } from './aggregate-model';
import type { CurDatabase } from './schema';

export const DEADLINE_SNAPSHOT_KEY = 'deadline';

export interface DeadlineSnapshotRow {
  key: typeof DEADLINE_SNAPSHOT_KEY;
  /** The aggregate version the rows are as of. */
  version: number;
  keys: string[];
  dict: string[];
  /** sector, muni, source, org of each row: indexes into `dict`. */
  dims: Uint32Array;
  /** Deadline hour; NaN for open appeals without a deadline. */
  hour: Float64Array;
  hb: Uint8Array;
  n: Int32Array;
}

export function encodeDeadlineSnapshot(version: number, rows: Iterable<DeadlineRow>): DeadlineSnapshotRow {
  const list = [...rows];
  const dict: string[] = [];
  const codes = new Map<string, number>();
  const code = (value: string) => {
    let c = codes.get(value);
    if (c === undefined) {
      c = dict.length;
      dict.push(value);
      codes.set(value, c);
    }
    return c;
  };
  const dims = new Uint32Array(list.length * 4);
  const hour = new Float64Array(list.length);
  const hb = new Uint8Array(list.length);
  const n = new Int32Array(list.length);
  list.forEach((row, i) => {
    dims[i * 4] = code(row.sector);
    dims[i * 4 + 1] = code(row.muni);
    dims[i * 4 + 2] = code(row.source);
    dims[i * 4 + 3] = code(row.org);
    hour[i] = row.hour ?? Number.NaN;
    hb[i] = row.hb;
    n[i] = row.n;
  });
  return { key: DEADLINE_SNAPSHOT_KEY, version, keys: list.map((r) => r.key), dict, dims, hour, hb, n };
}

export function decodeDeadlineSnapshot(snapshot: DeadlineSnapshotRow): Map<string, DeadlineRow> {
  const { keys, dict, dims, hour, hb, n, version } = snapshot;
  const rows = new Map<string, DeadlineRow>();
  for (let i = 0; i < keys.length; i++) {
    const h = hour[i]!;
    rows.set(keys[i]!, {
      key: keys[i]!,
      sector: dict[dims[i * 4]!]!,
      muni: dict[dims[i * 4 + 1]!]!,
      source: dict[dims[i * 4 + 2]!]!,
      org: dict[dims[i * 4 + 3]!]!,
      hour: Number.isNaN(h) ? null : h,
      hb: hb[i] as 0 | 1,
      n: n[i]!,
      v: version,
    });
  }
  return rows;
}

/** Stores the snapshot unless one as new or newer is there (another window may have written it). */
export async function saveDeadlineSnapshot(db: CurDatabase, snapshot: DeadlineSnapshotRow): Promise<boolean> {
  return db.transaction('rw', db.aggDeadlineSnapshot, async () => {
    const current = await db.aggDeadlineSnapshot.get(DEADLINE_SNAPSHOT_KEY);
    if (current && current.version >= snapshot.version) return false;
    await db.aggDeadlineSnapshot.put(snapshot);
    return true;
  });
}
