/**
 * Local feed server for tests and demos: serves a FeedDataset through the cur-feed/1 protocol on
 * 127.0.0.1 only, with CORS for browser mode on localhost, gzip, bearer auth, and faults injected
 * on command (admin endpoints or a FaultPlan handed in by a test).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import {
  DEFAULT_PAGE_SIZE,
  FEED_CAPABILITIES,
  FEED_PATHS,
  FEED_PROTOCOL,
  FEED_VERSION,
  MAX_PAGE_SIZE,
  positionOf,
  type FeedChangesPage,
  type FeedInfo,
  type FeedItem,
  type FeedPosition,
} from '../../shared/feed/protocol';
import { isOpenItem, type FeedDataset } from './dataset';
import { FaultPlan, isFaultKind, type FaultKind } from './faults';

export interface FeedServerOptions {
  dataset: FeedDataset;
  token: string;
  port?: number;
  /** Largest page the server gives, whatever the client asks (default 5,000). */
  maxPageSize?: number;
  faults?: FaultPlan;
  /** Delay of the `slow` fault (default 3 s). */
  slowMs?: number;
  /** Stops the server after this long (default: never). */
  lifetimeMs?: number;
  log?: (line: string) => void;
}

export interface FeedServer {
  url: string;
  faults: FaultPlan;
  dataset: FeedDataset;
  /** Requests served, by path. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

interface Cursor {
  d: string;
  u: number;
  k: string;
  /** A newest-first pass: its high-water mark (the pass walks down from there). */
  h?: [number, string];
  /**
   * An open-first pass (capability `open-first`): 'open' while its open part runs, 'rest' in its
   * newest-first part, which leaves out the open appeals already sent.
   */
  p?: 'open' | 'rest';
}

export function encodeCursor(datasetId: string, position: FeedPosition | null, highWater?: FeedPosition, part?: 'open' | 'rest'): string {
  const value: Cursor = { d: datasetId, u: position ? position[0] : -1, k: position ? position[1] : '' };
  if (highWater) value.h = [highWater[0], highWater[1]];
  if (highWater && part) value.p = part;
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    const highWaterOk = value.h === undefined || (Array.isArray(value.h) && typeof value.h[0] === 'number' && typeof value.h[1] === 'string');
    const partOk = value.p === undefined || value.p === 'open' || value.p === 'rest';
    return typeof value.d === 'string' && typeof value.u === 'number' && typeof value.k === 'string' && highWaterOk && partOk ? value : null;
  } catch {
    return null;
  }
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Cur-Feed-Version',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const { dataset, token } = options;
  const faults = options.faults ?? new FaultPlan();
  const maxPageSize = Math.min(options.maxPageSize ?? 5_000, MAX_PAGE_SIZE);
  const slowMs = options.slowMs ?? 3_000;
  const requests = new Map<string, number>();
  const log = options.log ?? (() => {});
  const timers = new Set<NodeJS.Timeout>();

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...corsHeaders(req), ...extra };
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && text.length > 512;
    const payload = gzip ? gzipSync(text) : Buffer.from(text, 'utf8');
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(payload.length);
    res.writeHead(status, headers);
    res.end(payload);
  }

  function error(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
    send(req, res, status, { error: { code, message } }, extra);
  }

  /**
   * A page of a newest-first first pass (capability `newest-first`). Its last page hands over to
   * the ascending stream at the high-water mark, with `hasMore: true`, so the client goes on to
   * what changed during the pass.
   */
  function newestFirstPage(before: FeedPosition | null, highWater: FeedPosition | null, limit: number, part?: 'rest'): FeedChangesPage {
    const base = { protocol: FEED_PROTOCOL, version: FEED_VERSION, datasetId: dataset.datasetId, pageSize: limit, serverTime: dataset.asOf } as const;
    if (!highWater) return { ...base, items: [], nextCursor: encodeCursor(dataset.datasetId, null), hasMore: false, remaining: 0, order: 'desc' };
    // The rest of an open-first pass leaves out the open appeals its open part already sent.
    const page = part === 'rest' ? dataset.walkDown(before, highWater, limit, (item) => !isOpenItem(item)) : dataset.pageBefore(before, highWater, limit);
    const last = page.items[page.items.length - 1];
    const nextCursor = page.hasMore && last ? encodeCursor(dataset.datasetId, positionOf(last), highWater, part) : encodeCursor(dataset.datasetId, highWater);
    return { ...base, items: page.items, nextCursor, hasMore: true, remaining: page.remaining, order: 'desc' };
  }

  /**
   * A page of the open part of an open-first pass (capability `open-first`): the appeals open at
   * the high-water mark, newest first. Its last page hands over to the newest-first part from the
   * top, which leaves them out; a record changed meanwhile moves above the mark and comes after.
   */
  function openFirstPage(before: FeedPosition | null, highWater: FeedPosition | null, limit: number): FeedChangesPage {
    if (!highWater) return newestFirstPage(null, null, limit);
    const base = { protocol: FEED_PROTOCOL, version: FEED_VERSION, datasetId: dataset.datasetId, pageSize: limit, serverTime: dataset.asOf } as const;
    const page = dataset.walkDown(before, highWater, limit, isOpenItem);
    const last = page.items[page.items.length - 1];
    const nextCursor =
      page.hasMore && last ? encodeCursor(dataset.datasetId, positionOf(last), highWater, 'open') : encodeCursor(dataset.datasetId, null, highWater, 'rest');
    return { ...base, items: page.items, nextCursor, hasMore: true, remaining: null, order: 'open' };
  }

  function changesPage(
    cursorText: string | null,
    limit: number,
    fault: FaultKind | null,
    order: string | null,
    open: string | null = null,
  ): FeedChangesPage | { status: number; code: string; message: string } {
    let position: FeedPosition | null = null;
    if (cursorText) {
      const cursor = decodeCursor(cursorText);
      if (!cursor) return { status: 400, code: 'bad-request', message: 'Курсор не распознан' };
      if (cursor.d !== dataset.datasetId) return { status: 410, code: 'cursor-expired', message: 'Курсор относится к другому набору данных: начните с начала' };
      position = cursor.u < 0 ? null : [cursor.u, cursor.k];
      if (cursor.h && cursor.p === 'open') {
        const page = openFirstPage(position, cursor.h, limit);
        return fault === 'invalid' ? breakOneItem(page) : page;
      }
      if (cursor.h) {
        // «regression» restarts the pass from the top: the client must notice the pass went back.
        const rest = cursor.p === 'rest' ? 'rest' : undefined;
        const page = fault === 'regression' ? newestFirstPage(null, dataset.newestPosition(), limit) : newestFirstPage(position, cursor.h, limit, rest);
        return fault === 'invalid' ? breakOneItem(page) : page;
      }
    } else if (order === 'desc' && open === 'first') {
      return openFirstPage(null, dataset.newestPosition(), limit);
    } else if (order === 'desc') {
      return newestFirstPage(null, dataset.newestPosition(), limit);
    }
    let items: FeedItem[];
    let hasMore: boolean;
    let remaining: number;
    let next: FeedPosition | null;
    if (fault === 'duplicate' && position) {
      // The page that ended at this cursor, served again with the same cursor as "next".
      items = dataset.pageEndingAt(position, limit);
      hasMore = true;
      remaining = dataset.pageAfter(position, 1).remaining + 1;
      next = position;
    } else {
      const from = fault === 'regression' ? null : position;
      const page = dataset.pageAfter(from, limit);
      items = page.items;
      hasMore = page.hasMore;
      remaining = page.remaining;
      next = items.length > 0 ? positionOf(items[items.length - 1]!) : from;
    }
    const page: FeedChangesPage = {
      protocol: FEED_PROTOCOL,
      version: FEED_VERSION,
      datasetId: dataset.datasetId,
      pageSize: limit,
      items,
      nextCursor: encodeCursor(dataset.datasetId, next),
      hasMore,
      remaining,
      serverTime: dataset.asOf,
    };
    return fault === 'invalid' ? breakOneItem(page) : page;
  }

  /** Fault «invalid»: one item in the middle of the page no longer matches the schema. */
  function breakOneItem(page: FeedChangesPage): FeedChangesPage {
    const items = page.items;
    if (items.length === 0) return page;
    const index = Math.floor(items.length / 2);
    const broken = JSON.parse(JSON.stringify(items[index])) as Record<string, unknown>;
    if (broken.type === 'appeal') (broken.appeal as Record<string, unknown>).receivedAt = '12.03.2025';
    else broken.updatedAt = 'вчера';
    return { ...page, items: [...items.slice(0, index), broken as unknown as FeedItem, ...items.slice(index + 1)] };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      error(req, res, 401, 'unauthorized', 'Нужен действующий токен (Authorization: Bearer …)', { 'WWW-Authenticate': 'Bearer' });
      return;
    }

    if (req.method === 'GET' && url.pathname === FEED_PATHS.info) {
      const info: FeedInfo = {
        protocol: FEED_PROTOCOL,
        versions: [FEED_VERSION],
        datasetId: dataset.datasetId,
        maxPageSize,
        defaultPageSize: Math.min(DEFAULT_PAGE_SIZE, maxPageSize),
        serverTime: dataset.asOf,
        region: dataset.model.pack.name,
        capabilities: [FEED_CAPABILITIES.newestFirst, FEED_CAPABILITIES.openFirst],
      };
      send(req, res, 200, info);
      return;
    }

    if (req.method === 'GET' && url.pathname === FEED_PATHS.changes) {
      const version = req.headers['x-cur-feed-version'];
      if (version !== undefined && version !== String(FEED_VERSION)) {
        error(req, res, 400, 'bad-request', `Версия протокола ${String(version)} не поддерживается; поддерживается ${FEED_VERSION}`);
        return;
      }
      const limitText = url.searchParams.get('limit');
      const requested = limitText === null ? DEFAULT_PAGE_SIZE : Number(limitText);
      if (!Number.isInteger(requested) || requested < 1) {
        error(req, res, 400, 'bad-request', 'limit: ожидалось целое число от 1');
        return;
      }
      const limit = Math.min(requested, maxPageSize);
      const fault = faults.next();
      if (fault) log(`fault: ${fault}`);
      switch (fault) {
        case 'http-500':
          return error(req, res, 500, 'internal', 'Внутренняя ошибка (инъекция)');
        case 'http-502':
          return error(req, res, 502, 'unavailable', 'Ошибка шлюза (инъекция)');
        case 'http-503':
          return error(req, res, 503, 'unavailable', 'Сервис недоступен (инъекция)', { 'Retry-After': '1' });
        case 'http-401':
          return error(req, res, 401, 'unauthorized', 'Токен отозван (инъекция)', { 'WWW-Authenticate': 'Bearer' });
        case 'http-429':
          return error(req, res, 429, 'rate-limited', 'Слишком много запросов (инъекция)', { 'Retry-After': '1' });
        default:
          break;
      }
      const page = changesPage(url.searchParams.get('cursor'), limit, fault, url.searchParams.get('order'), url.searchParams.get('open'));
      if ('status' in page) return error(req, res, page.status, page.code, page.message);
      const body = JSON.stringify(page);
      if (fault === 'malformed') return send(req, res, 200, body.slice(0, Math.max(1, Math.floor(body.length / 2))));
      if (fault === 'drop') {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), ...corsHeaders(req) });
        res.write(body.slice(0, Math.floor(body.length / 3)));
        // Let the first bytes leave, then cut the connection mid-body.
        const timer = setTimeout(() => {
          timers.delete(timer);
          res.socket?.destroy();
        }, 5);
        timers.add(timer);
        return;
      }
      if (fault === 'slow') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send(req, res, 200, body);
        }, slowMs);
        timers.add(timer);
        return;
      }
      return send(req, res, 200, body);
    }

    if (req.method === 'GET' && url.pathname === '/admin/state') {
      send(req, res, 200, { datasetId: dataset.datasetId, serverTime: dataset.asOf, items: dataset.size, appeals: dataset.appeals().length, tombstones: dataset.tombstoneIds().length, pendingFaults: faults.pending, injected: Object.fromEntries(faults.injected) });
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/admin/')) {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
      } catch {
        return error(req, res, 400, 'bad-request', 'Тело запроса: ожидался JSON');
      }
      if (url.pathname === '/admin/faults') {
        if (body.chaos !== undefined) {
          const chaos = body.chaos as { probability?: unknown; budget?: unknown; kinds?: unknown; seed?: unknown } | null;
          faults.setChaos(
            chaos
              ? {
                  probability: Math.min(1, Math.max(0, Number(chaos.probability ?? 0.3))),
                  budget: Math.max(0, Math.floor(Number(chaos.budget ?? 20))),
                  kinds: Array.isArray(chaos.kinds) ? chaos.kinds.filter(isFaultKind) : undefined,
                  seed: Number(chaos.seed ?? 1),
                }
              : null,
          );
        }
        if (body.kind !== undefined) {
          if (!isFaultKind(body.kind)) return error(req, res, 400, 'bad-request', `Неизвестный вид сбоя: ${String(body.kind)}`);
          faults.enqueue(body.kind, Math.max(1, Math.floor(Number(body.count ?? 1))));
        }
        return send(req, res, 200, { pending: faults.pending });
      }
      if (url.pathname === '/admin/heal') {
        faults.heal();
        return send(req, res, 200, { pending: 0 });
      }
      if (url.pathname === '/admin/advance') {
        const minutes = Number(body.minutes ?? 0);
        if (!(minutes > 0) || minutes > 60 * 24 * 30) return error(req, res, 400, 'bad-request', 'minutes: от 1 до 43200');
        const result = dataset.advance(dataset.asOf + Math.round(minutes * 60_000));
        return send(req, res, 200, { ...result, serverTime: dataset.asOf });
      }
    }
    error(req, res, 404, 'bad-request', 'Нет такого адреса');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) error(req, res, 500, 'internal', 'Внутренняя ошибка сервера');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 1_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the dev server is never reachable from the network.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      let lifetime: NodeJS.Timeout | null = null;
      const close = () =>
        new Promise<void>((done) => {
          if (lifetime) clearTimeout(lifetime);
          for (const timer of timers) clearTimeout(timer);
          timers.clear();
          server.close(() => done());
          server.closeAllConnections();
        });
      if (options.lifetimeMs) {
        lifetime = setTimeout(() => {
          log('lifetime over: stopping');
          void close();
        }, options.lifetimeMs);
        lifetime.unref();
      }
      resolve({ url: `http://127.0.0.1:${port}`, faults, dataset, requests, close });
    });
  });
}
