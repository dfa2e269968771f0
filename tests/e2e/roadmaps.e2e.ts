/**
 * The centre's roadmaps and indicators as a head of a block uses them: write a roadmap on a
 * problem topic, add a measure (a measure without a topic and a past deadline are refused with a
 * clear message), complete it and read its effect panel; two windows edit the same roadmap and
 * the later save sees the conflict and asks; «Показатели» with a target set and a quarter's value
 * entered by hand. Pictures go to docs/guide/img/ for the guide chapter.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { appUrl, DEMO, openSyncedApp, signInIfAsked, TEST_ADMIN, uniqueDbName, waitForScreen, type OpenedApp } from './support';
import { ShellPage } from './support/shell-page';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));

async function guideShot(page: Page, name: string, top = false): Promise<void> {
  await mkdir(GUIDE_IMG, { recursive: true });
  // The shell scrolls its main area, not the page: start the picture at the screen's top when asked.
  if (top) await page.locator('.shell__main').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${GUIDE_IMG}/${name}.png`, fullPage: true, animations: 'disabled' });
}

// Signed in, the centre's records are signed by the person (renderer/ui/SignedInAuthor.tsx, runtime/actor.ts).
const AUTHOR = TEST_ADMIN.displayName;

/** Types a day and leaves the field (Enter would also submit the form around it). */
async function typeDay(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
  await field.press('Tab');
}

describe('«Дорожные карты» and «Показатели»', () => {
  let app: OpenedApp;
  let page: Page;
  let roadmapHash = '';

  beforeAll(async () => {
    app = await openSyncedApp({ path: 'roadmaps', query: { ...DEMO, dbName: uniqueDbName('roadmaps') }, viewport: { width: 1440, height: 1000 } });
    page = app.page;
    await waitForScreen(page, 'roadmaps');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('writes a roadmap on a problem topic and territory with a measurable goal', async () => {
    await page.getByTestId('rm-new').click();
    const editor = page.getByTestId('rm-editor');
    await editor.waitFor();
    await page.getByTestId('rm-title').fill('Водоснабжение в г. Кирове');
    await page.getByTestId('rm-sector').selectOption('housing');
    // The block's topics over the last year, most frequent first.
    const topics = page.getByTestId('rm-topics').locator('label');
    await topics.first().waitFor({ timeout: 30_000 });
    const water = topics.filter({ hasText: 'Водоснабжение' });
    await ((await water.count()) > 0 ? water.first() : topics.first()).locator('input').check();
    await page.getByTestId('rm-municipalities').selectOption(['g-kirov']);
    await page.getByTestId('rm-goal').fill('снизить число обращений о водоснабжении в г. Кирове на 30 % к 01.07.2026');
    await page.getByTestId('rm-target-percent').fill('30');
    await typeDay(page.getByTestId('rm-target-day'), '01.07.2026');
    expect(await page.getByTestId('rm-by').innerText()).toBe(AUTHOR);
    await guideShot(page, 'roadmap-editor');
    await page.getByTestId('rm-save').click();
    await page.getByTestId('rm-detail').waitFor();
    roadmapHash = new URL(page.url()).hash;
    expect(roadmapHash).toMatch(/^#\/roadmaps\/roadmap(:|%3A)/);
    expect(await page.getByTestId('rm-goal-text').innerText()).toContain('на 30 %');
    expect(await page.getByTestId('rm-item').count()).toBe(1);
  });

  it('refuses a measure linked to no topic and a deadline in the past, then adds one', async () => {
    await page.getByTestId('rm-add-measure').click();
    await page.getByTestId('rm-measure-text').fill('Замена аварийного участка водовода по ул. Ленина');
    await page.getByTestId('rm-measure-responsible').fill('Министерство ЖКХ, Иванов И. И.');
    // The only topic is pre-checked: uncheck it to try a measure without a topic.
    await page.getByTestId('rm-measure-topics').locator('input').first().uncheck();
    await page.getByTestId('rm-measure-save').click();
    expect(await page.getByTestId('rm-errors').innerText()).toContain('хотя бы с одной темой');
    await page.getByTestId('rm-measure-topics').locator('input').first().check();
    await typeDay(page.getByTestId('rm-measure-deadline'), '01.11.2025');
    await page.getByTestId('rm-measure-save').click();
    expect(await page.getByTestId('rm-errors').innerText()).toContain('уже прошёл');
    await typeDay(page.getByTestId('rm-measure-deadline'), '30.11.2025');
    await page.getByTestId('rm-measure-save').click();
    await page.getByTestId('rm-measure-editor').waitFor({ state: 'detached' });
    expect(await page.getByTestId('rm-measure').count()).toBe(1);
    expect(await page.getByTestId('rm-measure-state').first().innerText()).toBe('запланировано');
  });

  it('completes the measure and shows its effect panel with an honest statement', async () => {
    await page.getByTestId('rm-measure-complete').click();
    await typeDay(page.getByTestId('rm-complete-day'), '01.09.2025');
    expect(await page.getByTestId('rm-complete-by').innerText()).toBe(AUTHOR);
    await page.getByTestId('rm-complete-save').click();
    await page.locator('[data-testid="rm-measure"][data-state="done"]').waitFor();
    await page.getByTestId('rm-measure-effect').click();
    await page.waitForURL((url) => url.hash.includes('?effect='));
    const statement = page.getByTestId('rm-effect-statement');
    await page.locator('[data-testid="rm-effect"][data-ready="true"]').waitFor({ timeout: 60_000 });
    const verdict = await statement.getAttribute('data-verdict');
    expect(['decrease', 'increase', 'no-effect', 'too-few', 'no-comparison']).toContain(verdict);
    expect((await statement.innerText()).length).toBeGreaterThan(20);
    // Seventy-seven days have passed: never «too early»; the chart shows the weeks around it.
    expect(verdict).not.toBe('too-early');
    await page.getByTestId('rm-effect-chart').waitFor();
    await guideShot(page, 'roadmap-effect');
  });

  it('lets the later of two windows see the conflict and choose, losing nothing', async () => {
    const second = await page.context().newPage();
    await second.setViewportSize({ width: 1440, height: 1000 });
    await second.goto(appUrl(app.baseUrl, { path: `${roadmapHash.slice(2)}/edit`, query: { ...DEMO, dbName: new URL(page.url()).searchParams.get('dbName') ?? '' } }));
    await signInIfAsked(second);
    await page.goto(`${page.url().split('#')[0]}${roadmapHash}/edit`);
    await page.getByTestId('rm-editor').waitFor();
    await second.getByTestId('rm-editor').waitFor({ timeout: 60_000 });
    await second.getByTestId('rm-title').fill('Водоснабжение в Кирове (второе окно)');
    await second.getByTestId('rm-save').click();
    await second.getByTestId('rm-detail').waitFor();

    await page.getByTestId('rm-title').fill('Водоснабжение в Кирове (первое окно)');
    await page.getByTestId('rm-save').click();
    const conflict = page.getByTestId('rm-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('второе окно');
    await guideShot(page, 'roadmap-conflict');
    await page.getByTestId('rm-conflict-mine').click();
    await page.getByTestId('rm-detail').waitFor();
    expect(await page.getByTestId('rm-item').first().innerText()).toContain('первое окно');
    await second.close();
  });

  it('«Показатели»: values with their formulas, a target set and a quarter value entered by hand', async () => {
    await page.goto(`${page.url().split('#')[0]}#/indicators`);
    await waitForScreen(page, 'indicators');
    const onTime = page.getByTestId('ind-on-time');
    expect(await onTime.innerText()).toContain('отвечено в срок / (отвечено в срок + отвечено с нарушением срока)');
    expect(await page.getByTestId('ind-fast-track').getByTestId('ind-value').innerText()).toMatch(/%$/);
    await onTime.getByTestId('ind-set-target').click();
    await onTime.getByTestId('ind-target-input').fill('95');
    expect(await onTime.getByTestId('ind-target-by').innerText()).toBe(AUTHOR);
    await onTime.getByTestId('ind-target-save').click();
    await onTime.getByTestId('ind-target-form-on-time').waitFor({ state: 'detached' });
    expect(await onTime.getByTestId('ind-target').innerText()).toMatch(/95,0\s%/);
    expect(['true', 'false']).toContain(await onTime.getAttribute('data-met'));

    await page.getByTestId('ind-entry-indicator').selectOption('trained-staff');
    await page.getByTestId('ind-entry-value').fill('42');
    await page.getByTestId('ind-entry-note').fill('Семинар для специалистов отраслевых блоков');
    expect(await page.getByTestId('ind-entry-by').innerText()).toBe(AUTHOR);
    await page.getByTestId('ind-entry-save').click();
    await page.getByTestId('ind-entry-saved').waitFor();
    expect(await page.getByTestId('ind-entries').innerText()).toContain(AUTHOR);
    expect(await page.getByTestId('ind-trained-staff').getByTestId('ind-value').innerText()).toBe('42');
    await guideShot(page, 'indicators', true);

    // Every word of the panel has its English: definitions and formulas too.
    const shell = new ShellPage(page);
    await shell.switchLanguage('EN');
    expect(await page.locator('[data-testid="indicators"] h1').innerText()).toBe('Indicators');
    expect(await onTime.innerText()).toContain('answered on time / (answered on time + answered late)');
    await shell.switchLanguage('RU');
    expect(app.externalRequests).toEqual([]);
  });

  it('shows roadmap progress and the indicators on the wall, without personal data', async () => {
    const dbName = new URL(page.url()).searchParams.get('dbName') ?? '';
    const wall = await page.context().newPage();
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.goto(appUrl(app.baseUrl, { path: 'wall', query: { ...DEMO, dbName } }));
    await wall.getByTestId('wall').waitFor({ timeout: 60_000 });
    await page.goto(`${page.url().split('#')[0]}#/wall-control`);
    await page.locator('[data-testid="wall-control-state"][data-silent="false"]').waitFor({ timeout: 30_000 });
    const pin = async (scene: string) => {
      await page.getByTestId('wall-scene-select').selectOption(scene);
      const unpin = page.getByTestId('wall-unpin');
      if (await unpin.count()) await unpin.click();
      await page.getByTestId('wall-pin').click();
      await wall.locator(`[data-testid="wall"][data-scene="${scene}"]`).waitFor({ timeout: 20_000 });
      await waitForScreen(wall, `wall-scene-${scene}`, 30_000);
    };
    await pin('roadmaps');
    const text = await wall.locator('body').innerText();
    expect(text).toContain('Водоснабжение в Кирове (первое окно)');
    expect(text).toContain('выполнено 1 из 1');
    // Nobody is named on the wall: neither who wrote the roadmap nor the measure's responsible.
    expect(text).not.toContain(AUTHOR);
    expect(text).not.toContain('Иванов');
    await wall.screenshot({ path: `${GUIDE_IMG}/wall-roadmaps.png`, animations: 'disabled' });
    await pin('indicators');
    expect(await wall.getByTestId('wall-indicator-on-time').innerText()).toMatch(/цель 95\s%/);
    await wall.screenshot({ path: `${GUIDE_IMG}/wall-indicators.png`, animations: 'disabled' });
    await wall.close();
  });
});
