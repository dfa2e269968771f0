/**
 * Stamps for a stream (feed items, shared records). A stamp is the server's commit time in epoch
 * ms, made strictly greater than every stamp given before, and taken with a row lock held to the
 * end of the writer's transaction: stamps become visible in the order they were given, so a
 * client at the end of the stream can never miss a change committed later with a smaller stamp.
 */
import type { Queryable } from '../db/database';

export type StreamName = 'feed' | 'records';

/** Call inside the writing transaction, before writing the stamped rows. */
export async function takeStamp(tx: Queryable, stream: StreamName, now: number): Promise<number> {
  const { rows } = await tx.query<{ last_stamp: number }>(
    'UPDATE stream_clock SET last_stamp = GREATEST(last_stamp + 1, $2::bigint) WHERE stream = $1 RETURNING last_stamp',
    [stream, Math.floor(now)],
  );
  const stamp = rows[0]?.last_stamp;
  if (stamp === undefined) throw new Error(`no clock for stream ${stream}`);
  return stamp;
}

/** The last stamp given (committed or not); positions after it do not exist yet. */
export async function lastStamp(db: Queryable, stream: StreamName): Promise<number> {
  const { rows } = await db.query<{ last_stamp: number }>('SELECT last_stamp FROM stream_clock WHERE stream = $1', [stream]);
  return rows[0]?.last_stamp ?? 0;
}
