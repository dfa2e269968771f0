/**
 * Intake on the server: ПОС / ИМ / 59-ФЗ export files uploaded or dropped into the watched
 * folder (the app's own import pipeline), a broken file refused with its reason and nothing
 * changed, an Open311 GeoReport v2 endpoint with `updated_after` paging and the page fallback
 * (the shared Open311 fixtures), and another cur-feed server as an upstream. Every run recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appeal } from '../../shared/domain/appeal';
import { KIROV_PACK } from '../../shared/domain/packs';
import { canonicalAppeal } from '../../scripts/feed-server/canonical';
import { FeedDataset } from '../../scripts/feed-server/dataset';
import { startFeedServer } from '../../scripts/feed-server/server';
import { corruptXlsxBytes, csvText, IM_HEADERS, imRows, notSpreadsheetBytes, POS_HEADERS, posRows, xlsxBytes } from '../../tests/fixtures/generate';
import { letter59TemplateCsv } from '../../tests/fixtures/letter59-template';
import { allAppeals, tombstoneIds } from '../feed/store';
import { parseOpen311 } from '../intake/open311';
import { call, ENGINES, NOW, startTestServer, type TestServer } from './support';

const OPEN311 = '/work/shared/data/open311';
const fixture = (name: string) => readFileSync(join(OPEN311, name), 'utf8');

let current: TestServer | null = null;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await current?.dispose();
  current = null;
});

function upload(server: TestServer, name: string, bytes: Uint8Array | string, token = server.admin) {
  return call(server.url, token, 'POST', `/admin/intake/files?name=${encodeURIComponent(name)}`, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, { 'Content-Type': 'application/octet-stream' });
}

/** A tiny Open311 endpoint on 127.0.0.1 answering from a handler. */
async function open311Server(handle: (path: string, query: URLSearchParams) => string): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    res.writeHead(200, { 'Content-Type': url.pathname.endsWith('.xml') ? 'application/xml' : 'application/json' });
    res.end(handle(url.pathname, url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`, requests };
}

describe('Open311 parsing', () => {
  it('reads the JSON and XML fixtures into the same fields', () => {
    const json = parseOpen311(fixture('open311status_service_requests.json'), 'json', 'request');
    expect(json).toHaveLength(2);
    expect(json[1]).toMatchObject({ service_request_id: '14-01100627', status_notes: 'Locked', lat: '41.759712056258536' });
    const xml = parseOpen311(fixture('cfa-open311-gem_service_requests.xml'), 'xml', 'request');
    expect(xml.map((r) => r.service_request_id)).toEqual(['638344', '638349']);
    expect(xml[0]).toMatchObject({ status: 'closed', status_notes: 'Duplicate request.', description: null, long: '-122.4651145' });
    const services = parseOpen311(fixture('cfa-open311-gem_services.xml'), 'xml', 'service');
    expect(services.length).toBeGreaterThan(5);
    expect(services[0]).toMatchObject({ service_code: '001', group: 'Litter Receptacles' });
    expect(() => parseOpen311('{"not":"an array"}', 'json', 'request')).toThrow(/массив/);
  });
});

for (const engine of ENGINES) {
  describe(`intake on ${engine.name}`, { timeout: 240_000 }, () => {
    it('export files: upload, idempotent re-upload, a later export, ИМ, 59-ФЗ, the watched folder, a broken file', async () => {
      current = await startTestServer(engine);
      const server = current;
      const rows = posRows(300, { seed: 3 });
      const first = await upload(server, 'pos-1.csv', csvText(POS_HEADERS, rows));
      expect(first.status).toBe(200);
      expect(first.json.run).toMatchObject({ kind: 'file', source: 'pos-1.csv', rowsRead: 300, unchanged: 0 });
      expect(first.json.run.created + first.json.run.rejected).toBe(300);
      expect(first.json.run.created).toBeGreaterThan(250);
      expect(first.json.run.detail).toMatch(/ПОС, CSV/);
      const served = await allAppeals(server.server.ctx.db);
      expect(served.filter((a) => a.source === 'pos')).toHaveLength(first.json.run.created);
      // Served appeals carry the stream's stamp, not the import's bookkeeping.
      expect(served.every((a) => a.import === null)).toBe(true);

      // The same export again changes nothing.
      const again = await upload(server, 'pos-1-again.csv', csvText(POS_HEADERS, rows));
      expect(again.json.run).toMatchObject({ created: 0, changed: 0, unchanged: first.json.run.created });

      // A later export of the same appeals: statuses moved on.
      const later = await upload(server, 'pos-2.xlsx', await xlsxBytes(POS_HEADERS, posRows(300, { seed: 3, later: true })));
      expect(later.json.run.changed).toBeGreaterThan(0);
      expect(later.json.run.created).toBe(0);

      const im = await upload(server, 'im.csv', csvText(IM_HEADERS, imRows(50)));
      expect(im.json.run.detail).toMatch(/Инцидент Менеджмент/);
      expect(im.json.run.created).toBeGreaterThan(40);
      const letters = await upload(server, 'letter59.csv', letter59TemplateCsv());
      expect(letters.json.run.detail).toMatch(/59-ФЗ/);
      expect(letters.json.run.created).toBeGreaterThan(0);

      // Broken files: refused with the reason, nothing written, the run recorded as failed.
      const before = (await allAppeals(server.server.ctx.db)).length;
      const broken = await upload(server, 'broken.xlsx', await corruptXlsxBytes());
      expect(broken.status).toBe(422);
      expect(broken.json.run.status).toBe('failed');
      expect(broken.json.run.errors[0]).toMatch(/повреж|не удалось|ошибка/i);
      const binary = await upload(server, 'photo.xlsx', notSpreadsheetBytes());
      expect(binary.json.run.status).toBe('failed');
      expect((await allAppeals(server.server.ctx.db)).length).toBe(before);

      // The watched folder: a file put there is taken in and moved to done/.
      writeFileSync(join(server.inboxDir, 'pos-3.csv'), csvText(POS_HEADERS, posRows(20, { seed: 4, firstNumber: 900_000 })));
      const runs = await server.server.ctx.intake.processInbox();
      expect(runs).toHaveLength(1);
      expect(runs[0]!.created).toBe(20);
      expect(readFileSync(join(server.inboxDir, 'done', `${runs[0]!.id}-pos-3.csv`)).length).toBeGreaterThan(0);

      const list = await call(server.url, server.admin, 'GET', '/admin/intake/runs?limit=20');
      expect(list.json.runs).toHaveLength(8);
      expect(list.json.runs.filter((r: { status: string }) => r.status === 'failed')).toHaveLength(2);
      // A workstation token may not upload.
      expect((await upload(server, 'x.csv', 'a;b', server.workstation)).status).toBe(403);
    });

    it('Open311: the fixtures, updated_after paging, the page fallback, a failing endpoint', async () => {
      current = await startTestServer(engine);
      const server = current;
      const fixtures = await open311Server((path) =>
        path.endsWith('services.json') ? fixture('open311status_service_list.json') : path.endsWith('services.xml') ? fixture('cfa-open311-gem_services.xml') : path.endsWith('requests.xml') ? fixture('cfa-open311-gem_service_requests.xml') : fixture('open311status_service_requests.json'),
      );
      for (const format of ['json', 'xml'] as const) {
        const created = await call(server.url, server.admin, 'POST', '/admin/intake/sources', { kind: 'open311', id: `city-${format}`, label: `Open311 ${format}`, config: { baseUrl: fixtures.url, format, municipality: 'kirov' } });
        expect(created.status).toBe(201);
        const run = await call(server.url, server.admin, 'POST', `/admin/intake/sources/city-${format}/run`);
        expect(run.json.run).toMatchObject({ status: 'ok', rowsRead: 2, created: 2 });
      }
      const served = (await allAppeals(server.server.ctx.db)).filter((a) => a.channel === 'open311');
      expect(served.map((a) => a.id).sort()).toEqual(['regional:city-json-14-01100627', 'regional:city-json-14-01100669', 'regional:city-xml-638344', 'regional:city-xml-638349']);
      const closed = served.find((a) => a.id === 'regional:city-xml-638344')!;
      expect(closed).toMatchObject({ status: 'closed', municipality: 'kirov', address: '8TH AVE and JUDAH ST', lat: 37.762221815, lon: -122.4651145 });
      expect(closed.deadline?.ruleId).toBe('record');

      // 7 requests, 3 per page, the endpoint honours updated_after and answers in change order.
      const all = Array.from({ length: 7 }, (_, i) => ({ service_request_id: `r${i}`, status: 'open', service_code: '001', requested_datetime: new Date(NOW + i * 60_000).toISOString(), updated_datetime: new Date(NOW + i * 60_000).toISOString() }));
      const services = fixture('open311status_service_list.json');
      const keyset = await open311Server((path, q) => {
        if (path.endsWith('services.json')) return services;
        const after = q.get('updated_after') ? Date.parse(q.get('updated_after')!) : -1;
        return JSON.stringify(all.filter((r) => Date.parse(r.updated_datetime) > after).slice(0, Number(q.get('page_size'))));
      });
      await call(server.url, server.admin, 'POST', '/admin/intake/sources', { kind: 'open311', id: 'keyset', label: 'Keyset', config: { baseUrl: keyset.url, pageSize: 3 } });
      const keysetRun = await call(server.url, server.admin, 'POST', '/admin/intake/sources/keyset/run');
      expect(keysetRun.json.run).toMatchObject({ status: 'ok', created: 7 });
      expect(keyset.requests.filter((r) => r.includes('requests.json')).length).toBe(3);
      // The next run starts after the newest change: nothing new.
      const keysetAgain = await call(server.url, server.admin, 'POST', '/admin/intake/sources/keyset/run');
      expect(keysetAgain.json.run).toMatchObject({ created: 0, changed: 0, rowsRead: 0 });

      // An endpoint that ignores updated_after and answers newest first, paging only by `page`.
      const paged = await open311Server((path, q) => {
        if (path.endsWith('services.json')) return services;
        const page = Number(q.get('page') ?? 1);
        const newestFirst = [...all].reverse();
        return JSON.stringify(newestFirst.slice((page - 1) * 3, page * 3));
      });
      await call(server.url, server.admin, 'POST', '/admin/intake/sources', { kind: 'open311', id: 'paged', label: 'Paged', config: { baseUrl: paged.url, pageSize: 3 } });
      const pagedRun = await call(server.url, server.admin, 'POST', '/admin/intake/sources/paged/run');
      expect(pagedRun.json.run).toMatchObject({ status: 'ok', created: 7 });
      expect(pagedRun.json.run.detail).toMatch(/page=N/);
      expect(paged.requests.some((r) => r.includes('page=3'))).toBe(true);

      // An endpoint that fails: the run is recorded as failed with the reason.
      const failing = await open311Server(() => '<html>');
      await call(server.url, server.admin, 'POST', '/admin/intake/sources', { kind: 'open311', id: 'failing', label: 'Failing', config: { baseUrl: failing.url } });
      const failed = await call(server.url, server.admin, 'POST', '/admin/intake/sources/failing/run');
      expect(failed.json.run.status).toBe('failed');
      expect(failed.json.run.errors[0]).toBeTruthy();
      // Secrets are never listed back.
      const sources = await call(server.url, server.admin, 'GET', '/admin/intake/sources');
      expect(sources.json.sources.map((s: { id: string }) => s.id)).toEqual(['city-json', 'city-xml', 'failing', 'keyset', 'paged']);
    });

    it('another cur-feed server as upstream: content, deletions and a restored upstream', async () => {
      current = await startTestServer(engine);
      const server = current;
      const dataset = new FeedDataset({ seed: 4, scale: 300, pack: KIROV_PACK, asOf: NOW });
      const upstream = await startFeedServer({ dataset, token: 'up-token', maxPageSize: 70 });
      closers.push(async () => {
        await upstream.close().catch(() => undefined);
      });
      const add = await call(server.url, server.admin, 'POST', '/admin/intake/sources', { kind: 'cur-feed', id: 'region', label: 'Региональная система', config: { baseUrl: upstream.url, token: 'up-token', pageSize: 70 } });
      expect(add.json.source.config.token).toBe('***');
      const content = (appeals: readonly Appeal[]) => appeals.map((a) => canonicalAppeal({ ...a, updatedAt: 0, import: null })).sort();

      const run = await call(server.url, server.admin, 'POST', '/admin/intake/sources/region/run');
      expect(run.json.run.status).toBe('ok');
      expect(content(await allAppeals(server.server.ctx.db))).toEqual(content(dataset.appeals()));

      dataset.advance(NOW + 2 * 86_400_000);
      const victim = dataset.appeals()[0]!.id;
      dataset.remove([victim]);
      const delta = await call(server.url, server.admin, 'POST', '/admin/intake/sources/region/run');
      expect(delta.json.run.deleted).toBeGreaterThanOrEqual(1);
      expect(content(await allAppeals(server.server.ctx.db))).toEqual(content(dataset.appeals()));
      expect(await tombstoneIds(server.server.ctx.db)).toContain(victim);

      // A replayed page is skipped; a page from the past (the upstream restored from a backup) starts a full pass.
      upstream.faults.enqueue('duplicate', 1);
      dataset.advance(NOW + 3 * 86_400_000);
      const replayed = await call(server.url, server.admin, 'POST', '/admin/intake/sources/region/run');
      expect(replayed.json.run.status).toBe('ok');
      expect(content(await allAppeals(server.server.ctx.db))).toEqual(content(dataset.appeals()));
      upstream.faults.enqueue('regression', 1);
      dataset.advance(NOW + 4 * 86_400_000);
      const regressed = await call(server.url, server.admin, 'POST', '/admin/intake/sources/region/run');
      expect(regressed.json.run.status).toBe('ok');
      expect(regressed.json.run.detail).toMatch(/полная повторная загрузка/);
      expect([upstream.faults.injected.get('duplicate'), upstream.faults.injected.get('regression')]).toEqual([1, 1]);
      expect(content(await allAppeals(server.server.ctx.db))).toEqual(content(dataset.appeals()));

      // The upstream is replaced by another dataset: a full pass, and what it no longer has is deleted here.
      const replaced = new FeedDataset({ seed: 6, scale: 150, pack: KIROV_PACK, asOf: NOW });
      await upstream.close();
      const restored = await startFeedServer({ dataset: replaced, token: 'up-token', port: Number(new URL(upstream.url).port) });
      closers.push(() => restored.close());
      const full = await call(server.url, server.admin, 'POST', '/admin/intake/sources/region/run');
      expect(full.json.run.status).toBe('ok');
      expect(full.json.run.detail).toMatch(/полная повторная загрузка/);
      expect(content(await allAppeals(server.server.ctx.db))).toEqual(content(replaced.appeals()));
    });
  });
}
