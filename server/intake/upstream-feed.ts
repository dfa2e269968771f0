/**
 * Another cur-feed server as an intake source (a regional service, or a parent centre): pages
 * after the saved cursor, each validated whole with the protocol's schema and order check, applied
 * to this server's stream with this server's stamps. A `410`, a new dataset id or a page that goes
 * back in time starts a full pass; at the end of a full pass the appeals this source had delivered
 * but the pass did not are deleted (tombstones), as the app's own client does.
 */
import type { CurFeedConfig } from '../../shared/centre/protocol';
import { comparePositions, describeIssues, FEED_PATHS, FEED_VERSION, FEED_VERSION_HEADER, feedChangesPageSchema, positionOf, type FeedChangesPage, type FeedPosition } from '../../shared/feed/protocol';

export interface UpstreamCheckpoint {
  cursor: string | null;
  datasetId: string | null;
  position: FeedPosition | null;
}

export const START_CHECKPOINT: UpstreamCheckpoint = { cursor: null, datasetId: null, position: null };

export type FetchPage = (url: string, headers: Record<string, string>) => Promise<{ status: number; body: string }>;

export class UpstreamError extends Error {
  constructor(
    message: string,
    /** A restart from the beginning is the remedy (410, other dataset, regression). */
    readonly restart = false,
  ) {
    super(message);
  }
}

export async function fetchUpstreamPage(config: CurFeedConfig, checkpoint: UpstreamCheckpoint, fetchPage: FetchPage): Promise<FeedChangesPage> {
  const url = new URL(config.baseUrl.replace(/\/+$/, '') + FEED_PATHS.changes);
  url.searchParams.set('limit', String(config.pageSize));
  if (checkpoint.cursor) url.searchParams.set('cursor', checkpoint.cursor);
  const response = await fetchPage(url.toString(), { Authorization: `Bearer ${config.token}`, [FEED_VERSION_HEADER]: String(FEED_VERSION), 'Accept-Encoding': 'gzip' });
  if (response.status === 410) throw new UpstreamError('Источник требует полной повторной загрузки (410)', true);
  if (response.status === 401 || response.status === 403) throw new UpstreamError(`Источник отказал в доступе (${response.status}): проверьте токен`);
  if (response.status !== 200) throw new UpstreamError(`Источник ответил ${response.status}`);
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new UpstreamError('Повреждённый ответ источника (не JSON)');
  }
  const parsed = feedChangesPageSchema.safeParse(json);
  if (!parsed.success) throw new UpstreamError(`Страница источника отклонена целиком: ${describeIssues(parsed.error)}`);
  const page = parsed.data;
  if (checkpoint.datasetId !== null && checkpoint.datasetId !== page.datasetId) throw new UpstreamError('Источник сменил набор данных: нужна полная повторная загрузка', true);
  if (page.items.length > page.pageSize) throw new UpstreamError('Страница источника отклонена целиком: элементов больше pageSize');
  let previous: FeedPosition | null = null;
  for (const [index, item] of page.items.entries()) {
    if (item.type === 'appeal' && (item.appeal.id !== item.id || item.appeal.updatedAt !== item.updatedAt)) {
      throw new UpstreamError(`Страница источника отклонена целиком: items.${index}: id или updatedAt записи не совпадают с элементом`);
    }
    const position = positionOf(item);
    if (previous && comparePositions(previous, position) >= 0) throw new UpstreamError(`Страница источника отклонена целиком: items.${index} не по порядку`);
    previous = position;
  }
  const saved = checkpoint.position;
  if (!saved) return page;
  // Items at or before the saved position were applied already (a replayed page): skipped.
  const fresh = page.items.filter((item) => comparePositions(positionOf(item), saved) > 0);
  if (fresh.length === page.items.length) return page;
  // A whole page behind the saved position under another cursor: the source went back in time.
  if (fresh.length === 0 && page.nextCursor !== checkpoint.cursor) throw new UpstreamError('Источник вернулся назад во времени: нужна полная повторная загрузка', true);
  return { ...page, items: fresh };
}
