/**
 * Change notices from the centre server (`GET /v1/notify`, a long poll): a workstation names the
 * newest stamps of the appeals feed and of the shared records it knows of, and the server answers
 * as soon as either differs (something was committed there), or after `wait` seconds unchanged.
 * The workstation then pulls what changed through the ordinary cursors; a notice carries no data,
 * so one lost or doubled changes nothing but the moment of the next pull.
 */
import { z } from 'zod';

export const NOTIFY_PATH = '/v1/notify';
/** Longest wait a workstation may ask for (below common proxies' idle timeouts). */
export const MAX_NOTIFY_WAIT_SECONDS = 30;

const stamp = z.coerce.number({ message: 'ожидалось число' }).int({ message: 'целое число' }).min(0, { message: 'не меньше 0' }).max(Number.MAX_SAFE_INTEGER);

export const notifyQuerySchema = z.object({
  feed: stamp.optional(),
  records: stamp.optional(),
  wait: z.coerce
    .number({ message: 'ожидалось число секунд' })
    .int({ message: 'целое число секунд' })
    .min(0, { message: 'не меньше 0' })
    .max(MAX_NOTIFY_WAIT_SECONDS, { message: `не больше ${MAX_NOTIFY_WAIT_SECONDS}` })
    .default(0),
});

export const changeNoticeSchema = z.object({
  /** Newest stamp of the appeals feed (`/v1/changes`). */
  feed: z.number().int().nonnegative(),
  /** Newest stamp of the shared records (`/v1/records/changes`). */
  records: z.number().int().nonnegative(),
  /** True when the answer came because a stamp differs from the ones asked with. */
  changed: z.boolean(),
  serverTime: z.number().int().nonnegative(),
});
export type ChangeNotice = z.infer<typeof changeNoticeSchema>;

export interface KnownStamps {
  feed: number;
  records: number;
}

/** The request path for a wait after `since` (null: answer at once with the current stamps). */
export function notifyPath(since: KnownStamps | null, waitSeconds: number): string {
  const query = new URLSearchParams({ wait: String(since ? Math.max(0, Math.min(MAX_NOTIFY_WAIT_SECONDS, Math.round(waitSeconds))) : 0) });
  if (since) {
    query.set('feed', String(since.feed));
    query.set('records', String(since.records));
  }
  return `${NOTIFY_PATH}?${query.toString()}`;
}
