import { describe, expect, it } from 'vitest';
import { KIROV_PACK } from '../domain/packs';
import { DemoModel } from '../demo/model';
import { initialWindow, readWindow } from '../demo/stream';
import { comparePositions, describeIssues, FEED_CAPABILITIES, feedChangesPageSchema, feedInfoSchema, itemKey, type FeedChangesPage } from './protocol';

const NOW = Date.parse('2026-11-18T09:00:00+03:00');
const model = new DemoModel({ seed: 2, scale: 500, pack: KIROV_PACK });
const appeals = readWindow(model, initialWindow(model, NOW), 3).changes;

function validPage(): FeedChangesPage {
  return {
    protocol: 'cur-feed',
    version: 1,
    datasetId: 'kirov-1',
    pageSize: 100,
    items: [
      { type: 'reference', kind: 'sector', id: 'housing', updatedAt: 1, value: { name: 'ЖКХ' } },
      ...appeals.map((appeal) => ({ type: 'appeal' as const, id: appeal.id, updatedAt: appeal.updatedAt, appeal })),
      { type: 'tombstone', id: 'im:1', updatedAt: NOW, deletedAt: NOW - 5 },
    ],
    nextCursor: 'abc',
    hasMore: true,
    remaining: 10,
    serverTime: NOW,
  };
}

function problems(mutate: (page: Record<string, any>) => void): string {
  const page = JSON.parse(JSON.stringify(validPage())) as Record<string, any>;
  mutate(page);
  const result = feedChangesPageSchema.safeParse(page);
  if (result.success) throw new Error('expected the page to be rejected');
  return describeIssues(result.error);
}

describe('feed protocol v1', () => {
  it('accepts a valid page with appeals, tombstones and reference data', () => {
    expect(feedChangesPageSchema.safeParse(validPage()).success).toBe(true);
  });

  it('takes the newest-first order as an optional page field and capabilities as an optional info field (old servers stay valid)', () => {
    expect(feedChangesPageSchema.parse({ ...validPage(), order: 'desc' }).order).toBe('desc');
    expect(feedChangesPageSchema.parse(validPage()).order).toBeUndefined();
    expect(problems((p) => (p.order = 'sideways'))).toMatch(/order/);
    const info = { protocol: 'cur-feed', versions: [1], datasetId: 'd', maxPageSize: 100, defaultPageSize: 50, serverTime: NOW, region: null };
    expect(feedInfoSchema.parse(info).capabilities).toBeUndefined();
    expect(feedInfoSchema.parse({ ...info, capabilities: [FEED_CAPABILITIES.newestFirst, 'future-thing'] }).capabilities).toContain('newest-first');
  });

  it('survives a JSON round trip unchanged', () => {
    const page = validPage();
    expect(feedChangesPageSchema.parse(JSON.parse(JSON.stringify(page)))).toEqual(page);
  });

  it('names the field and the problem in Russian for a broken appeal', () => {
    expect(problems((p) => (p.items[1].appeal.receivedAt = '12.03.2025'))).toMatch(/^items\.1\.appeal\.receivedAt: .*получено строка «12\.03\.2025»/);
    expect(problems((p) => delete p.items[2].appeal.status)).toMatch(/^items\.2\.appeal\.status: /);
  });

  it('rejects unknown item types, reference kinds and bad instants', () => {
    expect(problems((p) => (p.items[0].type = 'comment'))).toMatch(/items\.0.*неизвестный тип элемента/);
    expect(problems((p) => (p.items[0].kind = 'weather'))).toMatch(/items\.0\.kind: вид справочника/);
    expect(problems((p) => (p.items[4].deletedAt = -1))).toMatch(/items\.4\.deletedAt: время не может быть отрицательным/);
    expect(problems((p) => (p.items[4].updatedAt = 1.5))).toMatch(/items\.4\.updatedAt: ожидалось целое число миллисекунд/);
  });

  it('rejects another protocol, version, or a missing cursor', () => {
    expect(problems((p) => (p.protocol = 'other'))).toMatch(/protocol: ожидался протокол «cur-feed»/);
    expect(problems((p) => (p.version = 2))).toMatch(/version: поддерживается только версия 1/);
    expect(problems((p) => (p.nextCursor = ''))).toMatch(/nextCursor: пустой nextCursor/);
  });

  it('lists at most three problems and says how many more there are', () => {
    const text = problems((p) => {
      for (const item of p.items) item.updatedAt = 'x';
    });
    expect(text).toMatch(/и ещё 2$/);
  });

  it('orders the stream by updatedAt, then by key, reference data after records of the same instant', () => {
    expect(comparePositions([1, 'b'], [2, 'a'])).toBe(-1);
    expect(comparePositions([2, 'a'], [2, 'b'])).toBe(-1);
    expect(comparePositions([2, 'b'], [2, 'b'])).toBe(0);
    expect(itemKey({ type: 'reference', kind: 'sector', id: 'housing' }) > itemKey({ type: 'appeal', id: 'pos:1' })).toBe(true);
  });
});
