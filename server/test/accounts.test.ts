/**
 * Accounts issued by the centre server: the administrator creates and disables users; sign-in
 * gives one answer for every failure and a growing delay per workstation; a user's token stops at
 * the next request once the user is disabled, the token or its workstation's token is revoked, or
 * the password changes. Scope: over random scopes, a signed-in user's pull of the feed and of the
 * shared records never holds another block's appeal, and holds every one of their own.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInScope, type AccessScope } from '../../shared/access/scope';
import { blankAppeal, type Appeal } from '../../shared/domain/appeal';
import { KIROV_PACK } from '../../shared/domain/packs';
import { sectorsOf } from '../../shared/domain/sectors';
import { applyIncoming } from '../intake/apply';
import { call, ENGINES, NOW, startTestServer, type TestServer } from './support';

const LIGHT_KDF = { memorySize: 64, iterations: 1, parallelism: 1 };
const PASSWORD = 'correct horse battery';
const SECTORS = sectorsOf(KIROV_PACK).map((s) => s.id).slice(0, 4);
const MUNIS = KIROV_PACK.municipalities.map((m) => m.id).slice(0, 3);

function appeal(n: number): Appeal {
  return {
    ...blankAppeal('pos', String(n), NOW - n * 60_000),
    sector: SECTORS[n % SECTORS.length]!,
    sectorMapped: true,
    // Every fourth appeal has no known municipality: outside any municipality scope.
    municipality: n % 4 === 3 ? null : MUNIS[n % MUNIS.length]!,
  };
}

for (const engine of ENGINES) {
  describe(`centre accounts on ${engine.name}`, { timeout: 120_000 }, () => {
    let t: TestServer;
    let clock = NOW;
    beforeAll(async () => {
      t = await startTestServer(engine, { kdf: LIGHT_KDF, clock: () => clock });
    }, 120_000);
    afterAll(async () => t.dispose());

    async function addUser(login: string, role = 'operator', scope: AccessScope = { sectors: null, municipalities: null }) {
      const created = await call(t.url, t.admin, 'POST', '/admin/users', { login, displayName: `Пользователь ${login}`, role, scope, password: PASSWORD });
      expect(created.status).toBe(201);
      return created.json.user as { id: string; login: string };
    }

    async function signIn(login: string, password = PASSWORD, token = t.workstation) {
      return call(t.url, token, 'POST', '/v1/sign-in', { login, password });
    }

    it('lets only the administrator manage users, validates input and keeps logins unique', async () => {
      const petrov = await addUser('petrov');
      const weakChange = await call(t.url, t.admin, 'PATCH', `/admin/users/${petrov.id}`, { password: 'petrov' });
      expect(weakChange.status).toBe(400);
      expect(weakChange.json.error.message).toMatch(/короче/);
      expect((await call(t.url, t.admin, 'POST', '/admin/users', { login: 'Petrov', displayName: 'Другой', role: 'observer', password: PASSWORD })).status).toBe(409);
      const weak = await call(t.url, t.admin, 'POST', '/admin/users', { login: 'sidorov', displayName: 'С', role: 'observer', password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.json.error.message).toMatch(/короче/);
      expect((await call(t.url, t.admin, 'POST', '/admin/users', { login: 'x y', displayName: 'С', role: 'king', password: PASSWORD })).status).toBe(400);
      expect((await call(t.url, t.workstation, 'POST', '/admin/users', { login: 'sidorov', displayName: 'С', role: 'observer', password: PASSWORD })).status).toBe(403);
      const listed = await call(t.url, t.workstation, 'GET', '/v1/users');
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.json)).not.toMatch(/argon2|password/i);
    });

    it('answers an unknown login, a wrong password and a disabled user alike, then delays a guesser', async () => {
      const user = await addUser('guessed');
      await call(t.url, t.admin, 'PATCH', `/admin/users/${user.id}`, { disabled: true });
      const answers = [await signIn('nobody-here'), await signIn('guessed', 'wrong password!!'), await signIn('guessed')];
      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual(answers[0]!.json);
      }
      // Three failures: the next attempt waits 1 s, the one after 2 s.
      const blocked = await signIn('petrov');
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('1');
      clock += 1_000;
      expect((await signIn('petrov', 'still wrong!!!')).status).toBe(401);
      clock += 1_000;
      expect((await signIn('petrov')).status).toBe(429);
      clock += 1_000;
      expect((await signIn('petrov')).status).toBe(200);
      // A success resets the count.
      expect((await signIn('nobody-here')).status).toBe(401);
      expect((await signIn('petrov')).status).toBe(200);
    });

    it('issues a token per user and workstation that stops at once when revoked in any way', async () => {
      const user = await addUser('ivanov', 'operator', { sectors: [SECTORS[0]!], municipalities: null });
      const first = await signIn('ivanov');
      expect(first.status).toBe(200);
      expect(first.json.user).toMatchObject({ login: 'ivanov', role: 'operator', scope: { sectors: [SECTORS[0]], municipalities: null } });
      const token = first.json.token as string;
      expect((await call(t.url, token, 'GET', '/v1/changes?limit=10')).status).toBe(200);
      expect((await call(t.url, token, 'GET', '/admin/users')).status).toBe(403);

      // A second sign-in on the same workstation replaces the first token.
      const second = (await signIn('ivanov')).json.token as string;
      expect((await call(t.url, token, 'GET', '/v1/changes?limit=10')).status).toBe(401);
      expect((await call(t.url, second, 'GET', '/v1/changes?limit=10')).status).toBe(200);

      await call(t.url, t.admin, 'PATCH', `/admin/users/${user.id}`, { disabled: true });
      expect((await call(t.url, second, 'GET', '/v1/changes?limit=10')).status).toBe(401);
      await call(t.url, t.admin, 'PATCH', `/admin/users/${user.id}`, { disabled: false });
      expect((await call(t.url, second, 'GET', '/v1/changes?limit=10')).status).toBe(200);

      await call(t.url, t.admin, 'PATCH', `/admin/users/${user.id}`, { password: 'a new long passphrase' });
      expect((await call(t.url, second, 'GET', '/v1/changes?limit=10')).status).toBe(401);
      expect((await signIn('ivanov')).status).toBe(401);
      const third = await signIn('ivanov', 'a new long passphrase');
      expect(third.status).toBe(200);

      const revoked = await call(t.url, t.admin, 'DELETE', `/admin/tokens/${third.json.tokenId as string}`);
      expect(revoked.status).toBe(200);
      expect((await call(t.url, third.json.token as string, 'GET', '/v1/changes?limit=10')).status).toBe(401);

      // Revoking the workstation's token ends the tokens signed in through it.
      const station = await call(t.url, t.admin, 'POST', '/admin/tokens', { label: 'АРМ 2' });
      const onStation = await signIn('ivanov', 'a new long passphrase', station.json.token as string);
      expect(onStation.status).toBe(200);
      await call(t.url, t.admin, 'DELETE', `/admin/tokens/${station.json.id as string}`);
      expect((await call(t.url, onStation.json.token as string, 'GET', '/v1/changes?limit=10')).status).toBe(401);
    });

    it("gives an administrator user's token the administrator's calls", async () => {
      await addUser('chief', 'admin');
      const chief = (await signIn('chief')).json.token as string;
      const made = await call(t.url, chief, 'POST', '/admin/users', { login: 'deputy', displayName: 'Зам', role: 'observer', password: PASSWORD });
      expect(made.status).toBe(201);
    });

    it('never serves a scoped user another block’s appeal or record (random scopes)', async () => {
      const appeals = Array.from({ length: 48 }, (_, i) => appeal(i + 1));
      await applyIncoming(t.server.ctx.db, { appeals }, 'test', clock);
      for (const a of appeals.slice(0, 12)) {
        const body = { id: `esc:${a.id}`, updatedAt: 1, appeal: { externalId: a.externalId, sector: a.sector, municipality: a.municipality } };
        expect((await call(t.url, t.workstation, 'PUT', `/v1/records/esc:${a.id}`, { kind: 'escalation', baseVersion: 0, changeId: `change-${a.id}`, body })).status).toBe(200);
      }
      expect((await call(t.url, t.workstation, 'PUT', '/v1/records/instr-1', { kind: 'instruction', baseVersion: 0, changeId: 'change-instr-1', body: { id: 'instr-1', updatedAt: 1 } })).status).toBe(200);
      const user = await addUser('scoped');
      const token = (await signIn('scoped')).json.token as string;

      const dimension = (ids: string[]) => fc.option(fc.subarray(ids), { nil: null, freq: 3 });
      await fc.assert(
        fc.asyncProperty(dimension(SECTORS), dimension(MUNIS), fc.integer({ min: 3, max: 40 }), async (sectors, municipalities, limit) => {
          const scope = { sectors, municipalities };
          expect((await call(t.url, t.admin, 'PATCH', `/admin/users/${user.id}`, { scope })).status).toBe(200);
          const seen: Appeal[] = [];
          let cursor = '';
          for (;;) {
            const page = await call(t.url, token, 'GET', `/v1/changes?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
            expect(page.status).toBe(200);
            for (const item of page.json.items as { type: string; appeal?: Appeal }[]) if (item.type === 'appeal') seen.push(item.appeal!);
            cursor = page.json.nextCursor as string;
            if (!page.json.hasMore) break;
          }
          const inScope = (a: { sector: string; municipality: string | null }) => isInScope(scope, { sector: a.sector, muniKey: a.municipality ?? '' });
          expect(seen.every(inScope)).toBe(true);
          expect(seen.map((a) => a.id).sort()).toEqual(appeals.filter(inScope).map((a) => a.id).sort());

          const records = await call(t.url, token, 'GET', '/v1/records/changes?limit=1000');
          const ids = (records.json.records as { id: string; body: { appeal?: Appeal } }[]).map((r) => r.id).sort();
          const expected = ['instr-1', ...appeals.slice(0, 12).filter(inScope).map((a) => `esc:${a.id}`)].sort();
          expect(ids).toEqual(expected);
        }),
        { numRuns: 12 },
      );
    });
  });
}
