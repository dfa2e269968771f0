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

/** One pass over `rows`, reading each row in its step (a reader may reuse one object for all). */
export function encodeDeadlineSnapshot(version: number, rows: Iterable<DeadlineRow>): DeadlineSnapshotRow {
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
  const keys: string[] = [];
  const dims: number[] = [];
  const hour: number[] = [];
  const hb: number[] = [];
  const n: number[] = [];
  for (const row of rows) {
    keys.push(row.key);
    dims.push(code(row.sector), code(row.muni), code(row.source), code(row.org));
    hour.push(row.hour ?? Number.NaN);
    hb.push(row.hb);
    n.push(row.n);
  }
  return {
    key: DEADLINE_SNAPSHOT_KEY,
    version,
    keys,
    dict,
    dims: Uint32Array.from(dims),
    hour: Float64Array.from(hour),
    hb: Uint8Array.from(hb),
    n: Int32Array.from(n),
  };
}

/** Row `i` of the snapshot written into `into` (one object reused over a walk: no row objects made). */
export function readSnapshotRow(snapshot: DeadlineSnapshotRow, i: number, into: DeadlineRow): DeadlineRow {
  const { keys, dict, dims, hour, hb, n, version } = snapshot;
  const h = hour[i]!;
  into.key = keys[i]!;
  into.sector = dict[dims[i * 4]!]!;
  into.muni = dict[dims[i * 4 + 1]!]!;
  into.source = dict[dims[i * 4 + 2]!]!;
  into.org = dict[dims[i * 4 + 3]!]!;
  into.hour = Number.isNaN(h) ? null : h;
  into.hb = hb[i] as 0 | 1;
  into.n = n[i]!;
  into.v = version;
  return into;
}

export function decodeDeadlineSnapshot(snapshot: DeadlineSnapshotRow): Map<string, DeadlineRow> {
  const rows = new Map<string, DeadlineRow>();
  for (let i = 0; i < snapshot.keys.length; i++) {
    const row = readSnapshotRow(snapshot, i, {} as DeadlineRow);
    rows.set(row.key, row);
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
