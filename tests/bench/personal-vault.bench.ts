/**
 * Personal data at rest (issue 13), side by side in one run:
 * - ingest of the demo region through the sync engine's page-apply path with personal data sealed
 *   (renderer/personal-vault: per page one ECDH + HKDF batch key, one AES-GCM call per record) vs
 *   the same pages with the same bytes left in clear (today's path: the personal block stored as
 *   it came, under another field name so the write path's guard lets it through). Pages alternate
 *   which store goes first, so both pay the same growth and warm-up. The figure with the target
 *   (≤ 1.10) is the median of the per-page ratios: on a shared machine a burst of other load lands
 *   on one side of one page and would swing a ratio of sums; the ratio of sums is reported beside it;
 * - the same ingest with the region's texts sealed too (texts-policy.ts), as a ratio to clear;
 * - «Показать»: the card's PersonalData component rendered on a sealed appeal, the button clicked,
 *   until it shows the clear values (audit row written, batch key derived, record decrypted,
 *   React commit). Each sample is an appeal of a different batch, so no batch key is cached.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { Appeal } from '../../shared/domain/appeal';
import { KIROV_PACK } from '../../shared/domain/packs';
import { openDb } from '../../renderer/db/db';
import type { CurDatabase, StoredAppeal } from '../../renderer/db/schema';
import { applyPage } from '../../renderer/sync/apply-page';
import type { SyncPage } from '../../renderer/sync/source';
import { createDemoSource } from '../../renderer/sync/sources/demo-source';
import { ensureWorkstationKey } from '../../renderer/personal-vault/key-ring';
import { sealAppealsForStore } from '../../renderer/personal-vault/seal-appeals';
import { storeTextsPolicy } from '../../renderer/personal-vault/texts-policy';
import { PersonalData } from '../../renderer/features/appeal-card/PersonalData';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const NOW = Date.UTC(2025, 10, 18, 6, 0, 0);
/** A feed page as the HTTP sources ask for it. */
const PAGE = 1_000;
const REVEALS = 25;

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Today's stored bytes: the personal block kept in clear (under a name the sealing guard does not check). */
function inClear(page: SyncPage): SyncPage {
  return { ...page, changes: page.changes.map((a) => ({ ...a, personal: null, clearPersonal: a.personal }) as Appeal) };
}

async function timeReveal(db: CurDatabase, appeal: StoredAppeal, host: HTMLElement): Promise<number> {
  const root = createRoot(host);
  flushSync(() => root.render(createElement(PersonalData, { db, appeal })));
  const button = host.querySelector<HTMLButtonElement>('[data-testid="personal-show"]')!;
  const shown = () => host.querySelector('[data-shown="true"]') !== null;
  const t = performance.now();
  button.click();
  await new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (shown()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(host, { subtree: true, attributes: true, childList: true });
  });
  const elapsed = performance.now() - t;
  root.unmount();
  return elapsed;
}

async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const scale = Math.min(ctx.scale, 100_000);
  const tag = `${Date.now()}`;
  const sealedDb = openDb(`bench-vault-sealed-${tag}`, { timeZone: KIROV_PACK.timeZone, clock: () => NOW });
  const clearDb = openDb(`bench-vault-clear-${tag}`, { timeZone: KIROV_PACK.timeZone, clock: () => NOW });
  // The same ingest with «Тексты обращений содержат персональные данные» on: texts sealed too.
  const textsDb = openDb(`bench-vault-texts-${tag}`, { timeZone: KIROV_PACK.timeZone, clock: () => NOW });
  await Promise.all([sealedDb.open(), clearDb.open(), textsDb.open()]);
  await ensureWorkstationKey(sealedDb);
  await ensureWorkstationKey(textsDb);
  await storeTextsPolicy(textsDb, true);
  let textsMs = 0;
  const textsRatios: number[] = [];

  const source = createDemoSource({ scale, seed: 3, pack: KIROV_PACK, now: () => NOW, pageSize: PAGE });
  const abort = new AbortController();
  let checkpoint: string | null = null;
  let records = 0;
  let withPersonal = 0;
  let sealedMs = 0;
  let clearMs = 0;
  let sealOnlyMs = 0;
  const pageRatios: number[] = [];
  const samples: string[] = [];
  for (let n = 0; ; n++) {
    const page = await source.pull(checkpoint, abort.signal);
    const clearPage = inClear(page);
    const apply = async (which: 'sealed' | 'clear' | 'texts') => {
      const t = performance.now();
      if (which === 'texts') await applyPage(textsDb, source.id, page, { at: NOW, progress: null });
      else if (which === 'sealed') await applyPage(sealedDb, source.id, page, { at: NOW, progress: null });
      else await applyPage(clearDb, source.id, clearPage, { at: NOW, progress: null });
      return performance.now() - t;
    };
    let sealedPage: number;
    let clearPageMs: number;
    let textsPage: number;
    if (n % 2 === 0) {
      textsPage = await apply('texts');
      sealedPage = await apply('sealed');
      clearPageMs = await apply('clear');
    } else {
      clearPageMs = await apply('clear');
      sealedPage = await apply('sealed');
      textsPage = await apply('texts');
    }
    textsMs += textsPage;
    textsRatios.push(textsPage / clearPageMs);
    sealedMs += sealedPage;
    clearMs += clearPageMs;
    pageRatios.push(sealedPage / clearPageMs);
    const t = performance.now();
    await sealAppealsForStore(sealedDb, page.changes);
    sealOnlyMs += performance.now() - t;
    records += page.changes.length;
    const personal = page.changes.filter((a) => a.personal?.phone || a.personal?.email);
    withPersonal += personal.length;
    if (personal.length && samples.length < REVEALS) samples.push(personal[0]!.id);
    checkpoint = page.nextCheckpoint;
    if (!page.hasMore) break;
  }
  ctx.log(`ingested ${records} appeals (${withPersonal} with a phone or e-mail): sealed ${round(sealedMs / 1000)} s, with texts ${round(textsMs / 1000)} s, clear ${round(clearMs / 1000)} s`);

  const host = document.createElement('div');
  document.body.appendChild(host);
  const reveal: number[] = [];
  for (const id of samples) reveal.push(await timeReveal(sealedDb, (await sealedDb.appeals.get(id))!, host));
  host.remove();

  sealedDb.close();
  clearDb.close();
  textsDb.close();
  await Promise.all([deleteDb(sealedDb.name), deleteDb(clearDb.name), deleteDb(textsDb.name)]);
  return [
    { name: `vault: ingest through sync, sealed / clear personal data (median ratio of ${pageRatios.length} pages of ${PAGE})`, value: round(median(pageRatios), 3), unit: 'ratio', target: 1.1 },
    { name: `vault: ingest through sync, sealed / clear personal data (ratio of sums, ${records} appeals)`, value: round(sealedMs / clearMs, 3), unit: 'ratio', target: null },
    { name: `vault: ingest through sync, personal data and texts sealed / clear (median ratio of ${textsRatios.length} pages of ${PAGE})`, value: round(median(textsRatios), 3), unit: 'ratio', target: null },
    { name: 'vault: sealing alone, per page of 1000 (ms)', value: round(sealOnlyMs / Math.ceil(records / PAGE), 1), unit: 'ms', target: null },
    { name: 'vault: ingest through sync with sealing (records/s)', value: Math.round((records / sealedMs) * 1000), unit: 'records/s', target: null },
    { name: 'vault: ingest through sync in clear (records/s)', value: Math.round((records / clearMs) * 1000), unit: 'records/s', target: null },
    { name: `vault: «Показать» audit + decrypt + display (median of ${reveal.length})`, value: round(median(reveal), 1), unit: 'ms', target: 50 },
    { name: `vault: «Показать» audit + decrypt + display (worst of ${reveal.length})`, value: round(Math.max(...reveal), 1), unit: 'ms', target: null },
  ];
}

const bench: BenchModule = { title: 'vault (personal data at rest)', run };
export default bench;
