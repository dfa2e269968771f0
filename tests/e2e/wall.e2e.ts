/**
 * The weekly meeting (scenario 2): the wall on a 4K display rotates its scenes with correct
 * numbers from a known seeded dataset, an operator window drives it over the presenter channel,
 * nobody's name, phone or e-mail ever reaches it, and a failing source turns into a clear
 * «Данные устарели» instead of an error dialog. Screenshots of every scene go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoYear } from '../../shared/demo';
import { KIROV_PACK } from '../../shared/domain/packs';
import { appUrl, countAppeals, DEMO_NOW, openApp, putRow, saveScreenshot, signInIfAsked, storeRows, waitForCountUps, waitForScreen, waitForSyncIdle, type OpenedApp } from './support';

const SCENES = ['heatmap', 'overdue', 'sectors', 'dynamics', 'rating', 'spikes', 'roadmaps', 'indicators', 'control'] as const;
type Scene = (typeof SCENES)[number];

const DB_NAME = `e2e-wall-${Date.now().toString(36)}`;
const QUERY = { demoScale: 3000, demoSeed: 7, demoNow: DEMO_NOW, dbName: DB_NAME };
/** The wall's default period is «с начала месяца» in Kirov time (UTC+3, no DST). */
const MONTH_FROM = Date.parse('2025-11-01T00:00:00+03:00');
const MONTH_TO = Date.parse('2025-11-18T23:59:59.999+03:00');
const NOW = Date.parse(DEMO_NOW);

interface PackMunicipality {
  id: string;
  name: string;
  population: { value: number } | null;
}
const KIROV = JSON.parse(readFileSync(new URL('../../resources/regions/kirov.json', import.meta.url), 'utf8')) as {
  municipalities: PackMunicipality[];
};

/** The wall as the room sees it. */
class WallPage {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByTestId('wall');
  }

  async scene(): Promise<string | null> {
    return this.root().getAttribute('data-scene');
  }

  async waitForScene(scene: Scene): Promise<void> {
    await this.page.locator(`[data-testid="wall"][data-scene="${scene}"]`).waitFor({ timeout: 20_000 });
    await waitForScreen(this.page, `wall-scene-${scene}`, 30_000);
  }

  async numberOf(testId: string): Promise<number> {
    return Number(await this.page.getByTestId(testId).getAttribute('data-value'));
  }

  async text(): Promise<string> {
    return this.page.locator('body').innerText();
  }
}

/** The operator's «Видеостена» screen in a second window of the same browser. */
class OperatorPage {
  constructor(readonly page: Page) {}

  async waitForWall(): Promise<void> {
    await this.page.locator('[data-testid="wall-control-state"][data-silent="false"]').waitFor({ timeout: 30_000 });
  }

  async pin(scene: Scene): Promise<void> {
    await this.page.getByTestId('wall-scene-select').selectOption(scene);
    const unpin = this.page.getByTestId('wall-unpin');
    if (await unpin.count()) await unpin.click();
    await this.page.getByTestId('wall-pin').click();
  }

  async focus(value: string): Promise<void> {
    await this.page.getByTestId('wall-focus-select').selectOption(value);
  }

  async next(): Promise<void> {
    await this.page.getByTestId('wall-next').click();
  }
}

/** Counts appeals straight from IndexedDB in the page: an independent check of the aggregates. */
function idbCount(page: Page, index: string, lower: unknown, upper: unknown, upperOpen = false): Promise<number> {
  return countAppeals(page, DB_NAME, index, lower, upper, upperOpen);
}

interface AppealFacts {
  sector: string;
  openDueAt: number | null;
}

async function allAppeals(page: Page): Promise<AppealFacts[]> {
  const rows = await storeRows(page, DB_NAME, 'appeals');
  return rows.map((a) => ({ sector: String(a.sector), openDueAt: typeof a.openDueAt === 'number' ? a.openDueAt : null }));
}

/** Digits only, so «+7 (912) 345-67-89» is found however the wall might have formatted it. */
function digits(text: string): string {
  return text.replace(/\D+/g, '');
}

describe('the video wall in a weekly meeting', () => {
  let app: OpenedApp;
  let wall: WallPage;
  let operator: OperatorPage;
  const seenText: string[] = [];

  beforeAll(async () => {
    // Accelerated rotation (×30) so a 45-second scene changes within two seconds.
    app = await openApp({ path: 'wall', query: { ...QUERY, wallSpeed: 30 }, viewport: { width: 3840, height: 2160 } });
    wall = new WallPage(app.page);
    await waitForSyncIdle(app.page);
    const second = await app.page.context().newPage();
    await second.setViewportSize({ width: 1440, height: 900 });
    await second.goto(appUrl(app.baseUrl, { path: 'wall-control', query: QUERY }));
    await signInIfAsked(second);
    operator = new OperatorPage(second);
    await operator.waitForWall();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('rotates its scenes by itself', async () => {
    const first = await wall.scene();
    await app.page.waitForFunction((start) => document.querySelector('[data-testid="wall"]')?.getAttribute('data-scene') !== start, first, {
      timeout: 20_000,
    });
    expect(SCENES).toContain((await wall.scene()) as Scene);
    expect(await wall.scene()).not.toBe(first);
  });

  it('shows the overdue counters equal to the store', async () => {
    await operator.pin('overdue');
    await wall.waitForScene('overdue');
    const appeals = await allAppeals(app.page);
    const overdue = appeals.filter((a) => a.openDueAt !== null && a.openDueAt < NOW);
    expect(overdue.length).toBeGreaterThan(0);
    expect(await wall.numberOf('wall-overdue-total')).toBe(overdue.length);
    const roads = overdue.filter((a) => a.sector === 'roads').length;
    const roadsPanel = app.page.locator('[data-testid="wall-overdue-sectors"] [data-sector="roads"] [data-value]');
    expect(Number(await roadsPanel.getAttribute('data-value'))).toBe(roads);
    expect(Number(await app.page.getByTestId('wall-risk-24h').getAttribute('data-value'))).toBeGreaterThanOrEqual(0);
    expect(await app.page.getByTestId('wall-worst-orgs').locator('li').count()).toBeGreaterThan(0);
    await waitForCountUps(app.page);
    seenText.push(await wall.text());
    await saveScreenshot(app.page, 'wall-overdue');
  });

  it('shows every sector panel with the store’s volume for the month', async () => {
    await operator.pin('sectors');
    await wall.waitForScene('sectors');
    for (const sector of ['housing', 'roads', 'health']) {
      const expected = await idbCount(app.page, '[sector+receivedAt]', [sector, MONTH_FROM], [sector, MONTH_TO]);
      expect(await wall.numberOf(`wall-sector-volume-${sector}`), sector).toBe(expected);
    }
    expect(await wall.numberOf('wall-sector-volume-housing')).toBeGreaterThan(0);
    expect(await app.page.locator('[data-testid="wall-scene-sectors"] [data-sector]').count()).toBe(9);
    seenText.push(await wall.text());
    await saveScreenshot(app.page, 'wall-sectors');
  });

  it('colours the map and names the top five with per-capita figures from the store', async () => {
    await operator.pin('heatmap');
    await wall.waitForScene('heatmap');
    const rows = app.page.getByTestId('wall-top-five').locator('li');
    expect(await rows.count()).toBe(5);
    for (let i = 0; i < 5; i += 1) {
      const id = (await rows.nth(i).getAttribute('data-unit'))!;
      const received = Number(await rows.nth(i).getAttribute('data-received'));
      const per10k = Number(await rows.nth(i).getAttribute('data-value'));
      expect(await idbCount(app.page, '[muniKey+receivedAt]', [id, MONTH_FROM], [id, MONTH_TO])).toBe(received);
      const population = KIROV.municipalities.find((m) => m.id === id)?.population?.value;
      expect(population, `${id} is ranked per capita only with a known population`).toBeTruthy();
      expect(per10k).toBeCloseTo((received / population!) * 10_000, 6);
    }
    // Every Kirov municipality has a population now: no grey «нет данных» unit, and the source is named.
    expect(await app.page.getByTestId('wall-legend-missing').count()).toBe(0);
    expect(await app.page.getByTestId('wall-population-source').innerText()).toBe('Население: Росстат на 01.01.2024');
    await app.page.locator('[data-testid="wall-heatmap-chart"] canvas').first().waitFor();
    seenText.push(await wall.text());
    await saveScreenshot(app.page, 'wall-heatmap');
  });

  it('draws the dynamics by channel and by sector', async () => {
    await operator.pin('dynamics');
    await wall.waitForScene('dynamics');
    await app.page.locator('[data-testid="wall-dynamics-source"] canvas').first().waitFor();
    await app.page.locator('[data-testid="wall-dynamics-sector"] canvas').first().waitFor();
    expect(await wall.text()).toContain('Поступление по каналам');
    seenText.push(await wall.text());
    await saveScreenshot(app.page, 'wall-dynamics');
  });

  it('shows the current spikes by topic and place, or says there are none', async () => {
    await operator.pin('spikes');
    await wall.waitForScene('spikes');
    const rows = await app.page.getByTestId('wall-spike-row').count();
    const none = await app.page.getByTestId('wall-spikes-none').count();
    expect(rows > 0 !== none > 0).toBe(true);
    seenText.push(await wall.text());
    await saveScreenshot(app.page, 'wall-spikes');
  });

  it('shows the rating of every municipality with places', async () => {
    await operator.pin('rating');
    await wall.waitForScene('rating');
    const rows = app.page.getByTestId('wall-rating-row');
    expect(await rows.count()).toBe(KIROV.municipalities.length);
    expect((await rows.first().innerText()).trim().startsWith('1')).toBe(true);
    seenText.push(await wall.text());
    await saveScreenshot(app.page, 'wall-rating');
  });

  it('follows the presenter’s focus on a municipality in every scene, and Esc clears it', async () => {
    await operator.focus('municipality:slobodskoy');
    await app.page.locator('[data-testid="wall"][data-focus="municipality:slobodskoy"]').waitFor({ timeout: 10_000 });
    expect(await app.page.getByTestId('wall-focus').innerText()).toContain('Слободской район');
    await app.page.locator('.wall-rating__row--focus[data-row-key="slobodskoy"]').waitFor();
    await operator.pin('heatmap');
    await wall.waitForScene('heatmap');
    const card = app.page.getByTestId('wall-focus-card');
    expect(await card.getAttribute('data-unit')).toBe('slobodskoy');
    expect(Number(await card.getAttribute('data-received'))).toBe(
      await idbCount(app.page, '[muniKey+receivedAt]', ['slobodskoy', MONTH_FROM], ['slobodskoy', MONTH_TO]),
    );
    await operator.pin('sectors');
    await wall.waitForScene('sectors');
    const housing = await idbCount(app.page, '[muniKey+receivedAt]', ['slobodskoy', MONTH_FROM], ['slobodskoy', MONTH_TO]);
    expect(await wall.numberOf('wall-sector-volume-housing')).toBeLessThanOrEqual(housing);
    seenText.push(await wall.text());
    await saveScreenshot(app.page, 'wall-focus-slobodskoy');
    await app.page.keyboard.press('Escape');
    await app.page.locator('[data-testid="wall"][data-focus=""]').waitFor({ timeout: 5_000 });
  });

  it('shows only the top bar’s municipality group when the presenter chooses it, and names it on every scene', async () => {
    // The group arrives by link (the global scope lives in the hash), as a copied link would set it.
    await operator.page.evaluate(() => {
      location.hash = '#/wall-control?mo=slobodskoy,kirovo-chepetskiy&mog=Южный куст';
    });
    await operator.page.getByTestId('wall-area-select').selectOption('filters');
    await app.page.locator('[data-testid="wall"][data-area="Южный куст"]').waitFor({ timeout: 10_000 });
    expect(await app.page.getByTestId('wall-area').innerText()).toContain('Южный куст');
    await operator.pin('heatmap');
    await wall.waitForScene('heatmap');
    // Every other municipality is outside the area: grey, counted in the legend, never as zeros.
    expect(Number(await app.page.getByTestId('wall-legend-outside').getAttribute('data-count'))).toBe(KIROV.municipalities.length - 2);
    await saveScreenshot(app.page, 'wall-area-group');
    await operator.page.getByTestId('wall-area-select').selectOption('region');
    await app.page.locator('[data-testid="wall"][data-area=""]').waitFor({ timeout: 10_000 });
  });

  it('obeys next and pause from the operator window', async () => {
    await operator.pin('overdue');
    await wall.waitForScene('overdue');
    await operator.next();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="wall"]')?.getAttribute('data-scene') !== 'overdue', null, { timeout: 10_000 });
    await operator.page.getByTestId('wall-pause').click();
    await app.page.locator('[data-testid="wall"][data-paused="true"]').waitFor({ timeout: 5_000 });
    await app.page.keyboard.press(' ');
    await app.page.locator('[data-testid="wall"][data-paused="false"]').waitFor({ timeout: 5_000 });
  });

  it('never shows a name, phone or e-mail of an applicant', async () => {
    // The store keeps personal data sealed (renderer/personal-vault): the clear values come from the
    // same demo generator, seed and moment the wall's store was filled from.
    const personal = demoYear({ seed: QUERY.demoSeed, scale: QUERY.demoScale, pack: KIROV_PACK }, Date.parse(DEMO_NOW)).map((a) => a.personal);
    const names = [...new Set(personal.map((p) => p?.fullName).filter((v): v is string => !!v))];
    const emails = [...new Set(personal.map((p) => p?.email).filter((v): v is string => !!v))];
    const phones = [...new Set(personal.map((p) => p?.phone).filter((v): v is string => !!v).map(digits))].filter((p) => p.length >= 7);
    expect(names.length + emails.length + phones.length).toBeGreaterThan(0);
    const text = seenText.join('\n');
    const textDigits = digits(text);
    expect(names.filter((n) => text.includes(n))).toEqual([]);
    // Surnames alone too: the first word of each full name.
    const surnames = [...new Set(names.map((n) => n.split(/\s+/)[0]!).filter((s) => s.length >= 4))];
    expect(surnames.filter((s) => new RegExp(`(^|[^А-Яа-яЁё])${s}([^А-Яа-яЁё]|$)`).test(text))).toEqual([]);
    expect(emails.filter((e) => text.toLowerCase().includes(e.toLowerCase()))).toEqual([]);
    expect(phones.filter((p) => textDigits.includes(p))).toEqual([]);
    expect(/[\w.+-]+@[\w-]+\.[\w.]+/.test(text)).toBe(false);
  });

  it('says «Данные устарели» when a source fails, without an error dialog', async () => {
    // A feed that cannot be reached: its pull fails and the sync state records the cause.
    const deadFeed = { id: 'feed:e2e-dead', label: 'Фид ЦУР', baseUrl: 'http://127.0.0.1:9/feed', token: 'e2e-token', enabled: true };
    await putRow(operator.page, DB_NAME, 'settings', { key: 'sync.feeds', value: [deadFeed] });
    await operator.page.close();
    await app.page.reload();
    await app.page.getByTestId('wall-stale').waitFor({ timeout: 60_000 });
    expect(await app.page.getByTestId('wall-stale').innerText()).toMatch(/Данные устарели|Синхронизация не удалась/);
    expect(await app.page.getByTestId('wall-data-age').getAttribute('data-stale')).toBe('true');
    expect(await app.page.getByRole('alertdialog').count()).toBe(0);
    expect(await app.page.getByTestId('error-view').count()).toBe(0);
    // The scenes go on showing the data they have, under the warning (pinned over the channel
    // the operator window would use, so the screenshot shows a settled scene).
    await app.page.evaluate(() => {
      const channel = new BroadcastChannel('cur-wall');
      channel.postMessage({ v: 1, type: 'pin', scene: 'overdue' });
      channel.close();
    });
    await wall.waitForScene('overdue');
    await waitForCountUps(app.page);
    await saveScreenshot(app.page, 'wall-stale');
    // The only requests off the app's own origin are the dead feed's, which the test set up.
    expect(app.externalRequests.filter((url) => !url.startsWith('http://127.0.0.1:9/'))).toEqual([]);
  });
});
