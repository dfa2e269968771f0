/**
 * The feed cursor: the position (updatedAt, key) of the last item a client got, plus the dataset
 * it belongs to, as base64url JSON. A position, never an offset (docs/feed-protocol.md §4).
 */
import { z } from 'zod';
import type { FeedPosition } from '../../shared/feed/protocol';

const cursorSchema = z.object({
  d: z.string().min(1).max(200),
  u: z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER),
  k: z.string().max(300),
});

export interface DecodedCursor {
  datasetId: string;
  /** Null = the start of the stream. */
  position: FeedPosition | null;
}

export function encodeCursor(datasetId: string, position: FeedPosition | null): string {
  const value = { d: datasetId, u: position ? position[0] : -1, k: position ? position[1] : '' };
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Null when the text is not a cursor this server wrote. */
export function decodeCursor(text: string): DecodedCursor | null {
  if (text.length > 1_000 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const { d, u, k } = parsed.data;
    return { datasetId: d, position: u < 0 ? null : [u, k] };
  } catch {
    return null;
  }
}
