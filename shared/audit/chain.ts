/**
 * The audit log as a hash chain: every row carries its sequence number, the MAC of its predecessor
 * and its own MAC (HMAC-SHA-256 over both and the row's content). An edited row no longer matches
 * its MAC; a deleted or reordered row breaks the sequence or the link to its predecessor; a
 * deleted tail falls short of the head the writer remembers. Checking needs the key, which the
 * writer holds (see `AuditSealer`): whoever can only read or write IndexedDB cannot re-seal rows.
 *
 * Pure apart from the sealer, so the same check runs over stored rows, in tests and on a server.
 */

/** What a sealed row adds to an audit row. */
export interface AuditSeal {
  /** 1, 2, 3 … in append order, no gaps. */
  seq: number;
  /** MAC of the predecessor (`''` for the first sealed row). */
  prev: string;
  /** HMAC-SHA-256 of `prev`, `seq` and the row's content, hex. */
  mac: string;
}

/** The row content a seal covers. */
export interface AuditContent {
  at: number;
  action: string;
  user: string;
  details: unknown;
}

export type SealedAuditRow = AuditContent & Partial<AuditSeal> & { id?: number };

/**
 * Who holds the key. In the browser: a non-extractable WebCrypto key kept in IndexedDB (the page
 * can use it but never read it out). In Electron the main process should hold the key and expose
 * only `mac` over IPC, so a compromised page cannot even use it to re-seal a forged history.
 */
export interface AuditSealer {
  mac(message: string): Promise<string>;
}

/** Where the chain ended at the last append: a deleted tail falls short of it. */
export interface AuditHead {
  seq: number;
  mac: string;
}

/** Canonical JSON: keys sorted at every level, so a seal does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sealMessage(row: AuditContent, seq: number, prev: string): string {
  return canonicalJson({ v: 1, seq, prev, at: row.at, action: row.action, user: row.user, details: row.details });
}

/** The seal of the row that follows `last` (null: the chain starts here). */
export async function sealNext(sealer: AuditSealer, row: AuditContent, last: AuditSeal | null): Promise<AuditSeal> {
  const seq = (last?.seq ?? 0) + 1;
  const prev = last?.mac ?? '';
  return { seq, prev, mac: await sealer.mac(sealMessage(row, seq, prev)) };
}

export type ChainBreak =
  /** The row's content or seal was changed after it was written. */
  | 'edited'
  /** Rows are missing before this one (or it was moved here from elsewhere). */
  | 'missing-before'
  /** The row does not follow its predecessor (rows swapped or moved). */
  | 'out-of-order'
  /** A row without a seal after the chain began. */
  | 'unsealed'
  /** Rows at the end are gone: the last row is older than the head the writer remembers. */
  | 'tail-missing';

export type ChainCheck =
  | { ok: true; sealed: number; unsealedBefore: number }
  | { ok: false; sealed: number; unsealedBefore: number; reason: ChainBreak; rowId: number | null; seq: number | null; at: number | null };

/**
 * Checks rows in append order (ascending id). Rows written before the log was sealed (no `seq`)
 * may precede the chain; they are counted, not trusted.
 */
export async function verifyAuditChain(rows: readonly SealedAuditRow[], sealer: AuditSealer, head: AuditHead | null): Promise<ChainCheck> {
  let last: AuditSeal | null = null;
  let unsealedBefore = 0;
  let sealed = 0;
  const broken = (reason: ChainBreak, row: SealedAuditRow | null): ChainCheck => ({
    ok: false,
    sealed,
    unsealedBefore,
    reason,
    rowId: row?.id ?? null,
    seq: row?.seq ?? null,
    at: row && typeof row.at === 'number' ? row.at : null,
  });
  for (const row of rows) {
    if (typeof row.seq !== 'number' || typeof row.mac !== 'string' || typeof row.prev !== 'string') {
      if (last === null) {
        unsealedBefore += 1;
        continue;
      }
      return broken('unsealed', row);
    }
    const expectedSeq = (last?.seq ?? 0) + 1;
    if (last !== null && row.seq > expectedSeq) return broken('missing-before', row);
    if (last !== null && (row.seq < expectedSeq || row.prev !== last.mac)) return broken('out-of-order', row);
    if (last === null && row.seq !== 1) return broken('missing-before', row);
    const mac = await sealer.mac(sealMessage(row, row.seq, row.prev));
    if (mac !== row.mac) return broken('edited', row);
    last = { seq: row.seq, prev: row.prev, mac: row.mac };
    sealed += 1;
  }
  if (head && (last === null ? head.seq > 0 : last.seq < head.seq || (last.seq === head.seq && last.mac !== head.mac))) {
    return broken('tail-missing', rows.length ? rows[rows.length - 1]! : null);
  }
  return { ok: true, sealed, unsealedBefore };
}
