/**
 * The centre server under load, on 127.0.0.1 (part of `npm run bench`, figures named `server…`):
 * intake of ПОС exports (200k rows per file at full scale), workstations pulling the whole stream
 * from scratch at once, then workstations catching up while intake keeps changing records
 * (p95 page latency), a shared record pushed on one workstation until another pulled it on the
 * server's change notice, and the server's resident memory. The server runs as its own process
 * (`npm run server`), so its RSS is its own.
 *
 * Env: BENCH_SCALE (appeals, default 1,000,000), BENCH_SERVER_PULLERS (5), BENCH_SERVER_CATCHUP
 * (50 workstations), BENCH_SERVER_ROUNDS (3 catch-up rounds), BENCH_SERVER_DATABASE_URL (a
 * PostgreSQL to use instead of a fresh PGlite folder; the feed tables must be empty).
 *   npx tsx server/bench/server-bench.ts --out results.json
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { csvText, POS_HEADERS, posRows } from '../../tests/fixtures/pos-rows';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number | string | null;
}

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const scale = Number(process.env.BENCH_SCALE ?? 1_000_000);
const pullers = Number(process.env.BENCH_SERVER_PULLERS ?? 5);
const catchUpClients = Number(process.env.BENCH_SERVER_CATCHUP ?? 50);
const rounds = Number(process.env.BENCH_SERVER_ROUNDS ?? 3);
const FILE_ROWS = Math.min(200_000, scale);
/** Changes per catch-up round: 10k a minute at full scale, proportionally fewer below. */
const changesPerRound = Math.max(100, Math.round((10_000 * scale) / 1_000_000));
const PAGE = 1_000;
const log = (line: string) => console.log(`[bench] server: ${line}`);

async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; url: string; token: string }> {
  const env = { ...process.env, DATABASE_URL: process.env.BENCH_SERVER_DATABASE_URL ?? '' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir, '--max-page-size', String(PAGE)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${text}`)), 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      const token = /administrator token[^\n]*\n\s+(cur_\S+)/.exec(text)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ child, url, token });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${text}`)));
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads a few fields of known answers
async function api(url: string, token: string, method: string, path: string, body?: string | Uint8Array, type = 'application/json'): Promise<any> {
  const payload = body instanceof Uint8Array ? Buffer.from(body) : body;
  const response = await fetch(`${url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body: payload });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

async function rssMb(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^cur_process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? 0) / 1024 / 1024;
}

/** Pulls from `cursor` to the end of the stream; returns the new cursor, items and each page's latency. */
async function pull(url: string, token: string, cursor: string | null): Promise<{ cursor: string | null; items: number; latencies: number[] }> {
  const latencies: number[] = [];
  let items = 0;
  for (;;) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/changes?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip', 'X-Cur-Feed-Version': '1' } });
    // Latency = request sent → whole body received. The simulated workstations share this one
    // process, so their JSON parsing (each workstation's own CPU in a centre) is left outside it.
    const body = await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`pull: ${response.status}`);
    const page = JSON.parse(new TextDecoder().decode(body)) as { items: unknown[]; nextCursor: string; hasMore: boolean };
    items += page.items.length;
    cursor = page.nextCursor;
    if (!page.hasMore) return { cursor, items, latencies };
  }
}

const NOTICE_TRIALS = Number(process.env.BENCH_SERVER_NOTICE_TRIALS ?? 10);

/**
 * Workstation B waits on `GET /v1/notify` as the app does; A pushes a record; the time runs from A's
 * push to B holding that version from `/v1/records/changes` (B pulls as soon as the notice comes,
 * the app's 250 ms debounce included).
 */
async function pushToVisible(url: string, token: string, trials: number): Promise<number[]> {
  const headers = { Authorization: `Bearer ${token}` };
  const get = async (path: string) => (await fetch(`${url}${path}`, { headers })).json();
  let since = (await get('/v1/notify?wait=0')) as { feed: number; records: number };
  let cursor = ((await get('/v1/records/changes?limit=1000')) as { nextCursor: string }).nextCursor;
  const times: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const id = `bench:notice-${Date.now()}-${trial}`;
    const watching = (async () => {
      for (;;) {
        const notice = (await get(`/v1/notify?wait=25&feed=${since.feed}&records=${since.records}`)) as { feed: number; records: number; changed: boolean };
        since = notice;
        if (!notice.changed) continue;
        await new Promise((r) => setTimeout(r, 250));
        const page = (await get(`/v1/records/changes?limit=1000&cursor=${cursor}`)) as { records: { id: string }[]; nextCursor: string };
        cursor = page.nextCursor;
        if (page.records.some((r) => r.id === id)) return performance.now();
      }
    })();
    // Let B's wait reach the server before A pushes.
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    const push = await fetch(`${url}/v1/records/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'escalation', baseVersion: 0, changeId: `chg-bench-${trial}-${Date.now()}`, body: { id, note: 'bench' } }),
    });
    if (push.status !== 200) throw new Error(`push: ${push.status}`);
    times.push((await watching) - started);
  }
  return times;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A ПОС export of `count` rows written row by row (exceljs's streaming writer, shared strings). */
async function writePosXlsx(path: string, count: number, offset: number): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Сообщения');
  ws.addRow(POS_HEADERS).commit();
  for (let done = 0; done < count; done += 10_000) {
    for (const row of posRows(Math.min(10_000, count - done), { seed: offset + done + 1, firstNumber: 10_000_000 + offset + done })) ws.addRow(POS_HEADERS.map((h) => row[h] ?? '')).commit();
  }
  ws.commit();
  await wb.commit();
}

export async function runServerBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'cur-server-bench-'));
  const server = await startServerProcess(dataDir);
  let peakRss = 0;
  try {
    const workstation = (await api(server.url, server.token, 'POST', '/admin/tokens', JSON.stringify({ label: 'bench' }))).token as string;
    log(`scale ${scale}: intake of ${Math.ceil(scale / FILE_ROWS)} ПОС export(s) of ${FILE_ROWS} rows`);

    // Intake: ПОС exports uploaded through the API, the way an intake robot would.
    let intakeMs = 0;
    let intakeRows = 0;
    for (let start = 0; start < scale; start += FILE_ROWS) {
      // XLSX as the platform exports it (a 200k-row CSV is over the import's 100 MB file limit).
      const count = Math.min(FILE_ROWS, scale - start);
      const file = join(dataDir, `bench-${start}.xlsx`);
      await writePosXlsx(file, count, start);
      const bytes = readFileSync(file);
      rmSync(file);
      const started = performance.now();
      const { run } = await api(server.url, server.token, 'POST', `/admin/intake/files?name=bench-${start}.xlsx`, bytes, 'application/octet-stream');
      const ms = performance.now() - started;
      if (start === 0) {
        results.push({ name: `server: intake of a ${FILE_ROWS}-row ПОС export (s)`, value: round1(ms / 1000), unit: 's', target: FILE_ROWS >= 200_000 ? 60 : null });
      }
      intakeMs += ms;
      intakeRows += run.rowsRead as number;
      peakRss = Math.max(peakRss, await rssMb(server.url));
      log(`intake ${start + count}/${scale}: ${run.created} new in ${round1(ms / 1000)} s`);
    }
    results.push({ name: 'server: intake rows per second', value: Math.round((intakeRows / intakeMs) * 1000), unit: 'rows/s', target: 200_000 / 60 });

    // Workstations pulling everything from scratch at once.
    const startedAll = performance.now();
    const initial = await Promise.all(Array.from({ length: pullers }, () => pull(server.url, workstation, null)));
    const allMs = performance.now() - startedAll;
    const served = initial.reduce((sum, p) => sum + p.items, 0);
    peakRss = Math.max(peakRss, await rssMb(server.url));
    results.push({ name: `server: ${pullers} workstations pulling ${scale} appeals from scratch, appeals served per second`, value: Math.round((served / allMs) * 1000), unit: 'appeals/s', target: null });
    results.push({ name: `server: ${pullers} workstations pulling from scratch, total time (s)`, value: round1(allMs / 1000), unit: 's', target: null });
    log(`${pullers} pulls of ${initial[0]!.items} items each in ${round1(allMs / 1000)} s`);

    // Catch-up: intake changes records, then every workstation pulls what changed.
    const cursors: (string | null)[] = Array.from({ length: catchUpClients }, (_, i) => initial[i % initial.length]!.cursor);
    const latencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const changed = posRows(Math.min(changesPerRound, scale), { seed: 1, firstNumber: 10_000_000, later: round % 2 === 0 });
      await api(server.url, server.token, 'POST', `/admin/intake/files?name=changes-${round}.csv`, new TextEncoder().encode(csvText(POS_HEADERS, changed)), 'application/octet-stream');
      const pulls = await Promise.all(cursors.map((cursor) => pull(server.url, workstation, cursor)));
      pulls.forEach((p, i) => {
        cursors[i] = p.cursor;
        latencies.push(...p.latencies);
      });
      peakRss = Math.max(peakRss, await rssMb(server.url));
      log(`catch-up round ${round + 1}: ${catchUpClients} workstations, ${pulls[0]!.items} changes each, p95 so far ${round1(percentile(latencies, 95))} ms`);
    }
    results.push({ name: `server: catch-up page latency p95, ${catchUpClients} workstations while intake changes ${changesPerRound} records a round (ms)`, value: round1(percentile(latencies, 95)), unit: 'ms', target: 200 });

    // A shared record pushed on one workstation, seen on another that pulls on the server's notice.
    const visible = await pushToVisible(server.url, workstation, NOTICE_TRIALS);
    results.push({ name: `server: shared record push to pulled on another workstation (pull on notice), median of ${NOTICE_TRIALS} (ms)`, value: round1(percentile(visible, 50)), unit: 'ms', target: null });
    results.push({ name: `server: shared record push to pulled on another workstation (pull on notice), worst of ${NOTICE_TRIALS} (ms)`, value: round1(Math.max(...visible)), unit: 'ms', target: 2000 });
    log(`push → pulled elsewhere: ${visible.map((v) => Math.round(v)).join(', ')} ms`);
    results.push({ name: 'server: resident memory peak (MB)', value: Math.round(peakRss), unit: 'MB', target: null });
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

const results = await runServerBench();
for (const r of results) console.log(`[bench] ${r.name}: ${r.value} ${r.unit}`);
if (values.out) writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
