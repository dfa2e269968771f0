/**
 * Sync configuration kept in the settings table (shared by every window and the sync worker):
 * HTTP feeds, per-source intervals and the stale-data threshold.
 */
import { requirePermission } from '../runtime/access';
import type { CurDatabase } from '../db/schema';
import { getSetting, setSetting } from '../db/settings-repo';
import { logAudit } from '../db/audit-repo';
import { DEFAULT_INTERVAL_MS } from './scheduler';

export const FEEDS_KEY = 'sync.feeds';
export const INTERVALS_KEY = 'sync.intervalsMin';
export const STALE_KEY = 'sync.staleAfterMin';

export const DEFAULT_STALE_AFTER_MIN = 30;
export const MIN_INTERVAL_MIN = 1;
export const MAX_INTERVAL_MIN = 24 * 60;

export interface FeedSetting {
  /** Sync source id, `feed:<slug>`. */
  id: string;
  label: string;
  /** Shown to the operator; the host keeps its own checked copy with the token (platform.configureFeed). */
  baseUrl: string;
  /** Legacy: a token stored here by older versions, moved to the host by moveFeedTokensToHost. */
  token?: string;
  enabled: boolean;
}

export function getFeeds(db: CurDatabase): Promise<FeedSetting[]> {
  return getSetting<FeedSetting[]>(db, FEEDS_KEY, []);
}

export async function saveFeed(db: CurDatabase, feed: FeedSetting): Promise<void> {
  // Sources are the administrator's (refused here too, not only hidden in the UI).
  requirePermission('sources.manage');
  const feeds = await getFeeds(db);
  const next = feeds.some((f) => f.id === feed.id) ? feeds.map((f) => (f.id === feed.id ? feed : f)) : [...feeds, feed];
  await setSetting(db, FEEDS_KEY, next);
  // The token itself never goes to the audit log.
  await logAudit(db, { action: 'feed.save', details: { id: feed.id, baseUrl: feed.baseUrl, enabled: feed.enabled } });
}

export async function removeFeed(db: CurDatabase, id: string): Promise<void> {
  requirePermission('sources.manage');
  await setSetting(db, FEEDS_KEY, (await getFeeds(db)).filter((f) => f.id !== id));
  await logAudit(db, { action: 'feed.remove', details: { id } });
}

/**
 * Tokens older versions kept in the settings table move to the host (the OS keychain in Electron)
 * and are deleted here. Runs in the sync leader window; returns how many feeds moved.
 */
export async function moveFeedTokensToHost(
  db: CurDatabase,
  host: { configureFeed(change: { feedId: string; baseUrl: string; token?: string | null }): Promise<unknown> },
): Promise<number> {
  const feeds = await getFeeds(db);
  let moved = 0;
  for (const feed of feeds) {
    if (typeof feed.token !== 'string') continue;
    const { token, ...rest } = feed;
    try {
      await host.configureFeed({ feedId: feed.id, baseUrl: feed.baseUrl, ...(token ? { token } : {}) });
    } catch {
      // The host refused the address (e.g. plain http): the token is dropped; the operator sees the feed's error.
    }
    await setSetting(db, FEEDS_KEY, (await getFeeds(db)).map((f) => (f.id === feed.id ? rest : f)));
    moved++;
  }
  if (moved > 0) await logAudit(db, { action: 'feed.move-tokens', details: { count: moved } });
  return moved;
}

/** A stable id from the label or URL: `feed:` + lowercase latin/digits. */
export function feedIdFor(label: string, existing: readonly string[]): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'feed';
  let id = `feed:${slug}`;
  for (let i = 2; existing.includes(id); i++) id = `feed:${slug}-${i}`;
  return id;
}

export function getIntervalsMin(db: CurDatabase): Promise<Record<string, number>> {
  return getSetting<Record<string, number>>(db, INTERVALS_KEY, {});
}

export function intervalMsFor(intervals: Record<string, number>, sourceId: string): number {
  const min = intervals[sourceId];
  return typeof min === 'number' && Number.isFinite(min) ? clampInterval(min) * 60_000 : DEFAULT_INTERVAL_MS;
}

export function clampInterval(min: number): number {
  return Math.min(MAX_INTERVAL_MIN, Math.max(MIN_INTERVAL_MIN, Math.round(min)));
}

export async function setIntervalMin(db: CurDatabase, sourceId: string, minutes: number): Promise<void> {
  const intervals = await getIntervalsMin(db);
  await setSetting(db, INTERVALS_KEY, { ...intervals, [sourceId]: clampInterval(minutes) });
}

export function getStaleAfterMin(db: CurDatabase): Promise<number> {
  return getSetting<number>(db, STALE_KEY, DEFAULT_STALE_AFTER_MIN);
}

export function setStaleAfterMin(db: CurDatabase, minutes: number): Promise<void> {
  return setSetting(db, STALE_KEY, Math.max(1, Math.round(minutes)));
}
