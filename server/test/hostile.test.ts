/**
 * Hostile input on every endpoint: schema validation answers 400 with the reason, bodies are
 * capped, text that looks like SQL is stored as text, tokens are required and roles enforced; and
 * a source check that every SQL statement is parameterised (no values concatenated into SQL).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allAppeals } from '../feed/store';
import { call, ENGINES, startTestServer, type TestServer } from './support';

const SERVER_DIR = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('SQL is parameterised', () => {
  it('no query string interpolates anything but the fixed column lists', () => {
    // scoped.sql: a scope condition made of fixed text with numbered parameters (server/accounts/scope-sql.ts).
    const allowed = new Set(['${COLUMNS}', '${SOURCE_COLUMNS}', '${scoped.sql}']);
    const offenders: string[] = [];
    for (const file of sourceFiles(SERVER_DIR)) {
      const text = readFileSync(file, 'utf8');
      // Every template literal passed to query(…) or exec(…).
      for (const match of text.matchAll(/\.(?:query|exec)(?:<[^>]*>)?\(\s*`([^`]*)`/g)) {
        for (const hole of match[1]!.match(/\$\{[^}]*\}/g) ?? []) if (!allowed.has(hole)) offenders.push(`${file}: ${hole}`);
      }
      // Strings glued onto SQL with +.
      for (const match of text.matchAll(/\.(?:query|exec)(?:<[^>]*>)?\(\s*['"][^'"]*['"]\s*\+/g)) offenders.push(`${file}: ${match[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});

for (const engine of ENGINES) {
  describe(`hostile input on ${engine.name}`, { timeout: 240_000 }, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(engine);
    }, 120_000);
    afterAll(() => server.dispose(), 60_000);

    const bad: [string, string, string, unknown, RegExp][] = [
      ['feed limit text', 'GET', "/v1/changes?limit=1;DROP TABLE feed_items", undefined, /limit/],
      ['feed limit negative', 'GET', '/v1/changes?limit=-5', undefined, /limit/],
      ['feed cursor garbage', 'GET', `/v1/changes?cursor=${encodeURIComponent("' OR 1=1 --")}`, undefined, /Курсор/],
      ['feed cursor forged shape', 'GET', `/v1/changes?cursor=${Buffer.from('{"d":1,"u":"x"}').toString('base64url')}`, undefined, /Курсор/],
      ['record kind unknown', 'PUT', '/v1/records/x-1', { kind: 'virus', baseVersion: 0, changeId: 'chg-000001', body: {} }, /вид записи/],
      ['record id with quotes', 'PUT', `/v1/records/${encodeURIComponent("a'; DROP TABLE shared_records; --")}`, { kind: 'escalation', baseVersion: 0, changeId: 'chg-000001', body: {} }, /идентификатор/],
      ['record version negative', 'PUT', '/v1/records/x-1', { kind: 'escalation', baseVersion: -1, changeId: 'chg-000001', body: {} }, /версия/],
      ['record body array', 'PUT', '/v1/records/x-1', { kind: 'escalation', baseVersion: 0, changeId: 'chg-000001', body: [1, 2] }, /объект/],
      ['record no change id', 'PUT', '/v1/records/x-1', { kind: 'escalation', baseVersion: 0, body: {} }, /changeId/],
      ['records limit huge', 'GET', '/v1/records/changes?limit=99999999', undefined, /limit/],
      ['token role unknown', 'POST', '/admin/tokens', { label: 'x', role: 'root' }, /роль/],
      ['token label empty', 'POST', '/admin/tokens', { label: '   ' }, /название/],
      ['source kind unknown', 'POST', '/admin/intake/sources', { kind: 'ftp', id: 'x', label: 'x', config: {} }, /вид источника/],
      ['source url javascript', 'POST', '/admin/intake/sources', { kind: 'open311', id: 'x', label: 'x', config: { baseUrl: 'javascript:alert(1)' } }, /адрес/],
      ['source id path', 'POST', '/admin/intake/sources', { kind: 'open311', id: '../etc', label: 'x', config: { baseUrl: 'http://127.0.0.1:1/' } }, /идентификатор источника/],
      ['upload name path', 'POST', `/admin/intake/files?name=${encodeURIComponent('../../etc/passwd')}`, 'a;b', /имя файла/],
      ['upload no name', 'POST', '/admin/intake/files', 'a;b', /name/],
      ['run id text', 'GET', '/admin/intake/runs/abc', undefined, /адрес/],
      ['sign-in without password', 'POST', '/v1/sign-in', { login: 'ivanov' }, /пароль/],
      ['user login with quotes', 'POST', '/admin/users', { login: "a'; DROP TABLE centre_users; --", displayName: 'x', role: 'operator', password: 'long enough passphrase' }, /имя для входа/],
      ['user role unknown', 'POST', '/admin/users', { login: 'ivanov', displayName: 'x', role: 'root', password: 'long enough passphrase' }, /роль/],
      ['user scope not a list', 'POST', '/admin/users', { login: 'ivanov', displayName: 'x', role: 'operator', scope: { sectors: 'housing', municipalities: null }, password: 'long enough passphrase' }, /список/],
      ['user id not uuid', 'PATCH', '/admin/users/1%20OR%201=1', { disabled: true }, /пользователя/],
      ['user change empty', 'PATCH', '/admin/users/00000000-0000-4000-8000-000000000000', {}, /нечего менять/],
      ['token id not uuid', 'DELETE', '/admin/tokens/1%20OR%201=1', undefined, /идентификатор токена/],
    ];

    for (const [name, method, path, body, reason] of bad) {
      it(`${name}: 400 with the reason`, async () => {
        const headers: Record<string, string> = typeof body === 'string' ? { 'Content-Type': 'application/octet-stream' } : {};
        const answer = await call(server.url, server.admin, method, path, typeof body === 'string' ? new TextEncoder().encode(body) : body, headers);
        expect(answer.status, JSON.stringify(answer.json)).toBe(400);
        expect(answer.json.error.code).toBe('bad-request');
        expect(answer.json.error.message).toMatch(reason);
      });
    }

    it('malformed JSON, wrong media type, oversized bodies', async () => {
      const malformed = await call(server.url, server.admin, 'POST', '/admin/tokens', '{"label":', { 'Content-Type': 'application/json' });
      expect(malformed.status).toBe(400);
      expect(malformed.json.error.message).toMatch(/JSON/);
      const media = await call(server.url, server.admin, 'POST', '/admin/tokens', 'label=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
      expect(media.status).toBe(415);
      const huge = await call(server.url, server.workstation, 'PUT', '/v1/records/big-1', { kind: 'escalation', baseVersion: 0, changeId: 'chg-000001', body: { text: 'я'.repeat(2_000_000) } });
      expect(huge.status).toBe(413);
      const tooLong = await call(server.url, server.workstation, 'PUT', '/v1/records/big-2', { kind: 'escalation', baseVersion: 0, changeId: 'chg-000002', body: { text: 'x'.repeat(300_000) } });
      expect(tooLong.status).toBe(400);
      expect(tooLong.json.error.message).toMatch(/длиннее/);
    });

    it('text that looks like SQL or markup is stored and served as text', async () => {
      const evil = "Robert'); DROP TABLE feed_items; -- <script>alert(1)</script> \u0000";
      const pushed = await call(server.url, server.workstation, 'PUT', '/v1/records/evil-1', { kind: 'escalation', baseVersion: 0, changeId: 'chg-evil-01', body: { title: evil } });
      expect(pushed.status).toBe(200);
      expect((await call(server.url, server.workstation, 'GET', '/v1/records/evil-1')).json.body.title).toBe(evil);
      await server.server.ctx.db.query('SELECT count(*) FROM feed_items');
      expect(Array.isArray(await allAppeals(server.server.ctx.db))).toBe(true);
    });

    it('tokens: missing, wrong, revoked, and roles', async () => {
      expect((await call(server.url, null, 'GET', '/v1/info')).status).toBe(401);
      expect((await call(server.url, 'Bearer', 'GET', '/v1/info')).status).toBe(401);
      const issued = await call(server.url, server.admin, 'POST', '/admin/tokens', { label: 'АРМ на выдачу' });
      expect(issued.status).toBe(201);
      expect((await call(server.url, issued.json.token, 'GET', '/v1/info')).status).toBe(200);
      expect((await call(server.url, issued.json.token, 'GET', '/admin/tokens')).status).toBe(403);
      expect((await call(server.url, server.admin, 'DELETE', `/admin/tokens/${issued.json.id}`)).status).toBe(200);
      const revoked = await call(server.url, issued.json.token, 'GET', '/v1/info');
      expect(revoked.status).toBe(401);
      expect(revoked.headers.get('www-authenticate')).toBe('Bearer');
      const listed = await call(server.url, server.admin, 'GET', '/admin/tokens');
      expect(JSON.stringify(listed.json)).not.toContain(issued.json.token);
      // Health and metrics need no token and reveal no data.
      expect((await call(server.url, null, 'GET', '/health')).json.status).toBe('ok');
      const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/^cur_http_requests_total\{method="GET",route="\/v1\/info",status="401"\} \d+$/m);
      expect(metrics).toMatch(/cur_http_request_duration_seconds_bucket\{route="\/v1\/info",le="\+Inf"\}/);
      expect(metrics).toMatch(/cur_db_pool_connections\{state="total"\} \d+/);
    });
  });
}
