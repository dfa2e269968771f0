/**
 * Scenario 1, step 3: the operator opens an overdue appeal from the registry. The card shows the
 * text as text, the municipality on the region scheme, the status history and the deadline with
 * its explanation; the applicant's name and phone are masked until «Показать», which is audited.
 * A hostile record (markup, direction overrides, zero-width characters, a 100 KB text, a
 * javascript: link) is displayed harmlessly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, saveScreenshot, type OpenedApp } from './support';
import { AppealCardPage, DEMO, RegistryPage } from './registry-page';

async function auditActions(page: Page, dbName: string): Promise<Array<{ action: string; details: Record<string, unknown> }>> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<Array<{ action: string; details: Record<string, unknown> }>>((resolve, reject) => {
      const req = db.transaction('audit').objectStore('audit').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows.map((r) => ({ action: r.action, details: r.details }));
  }, dbName);
}

describe('«Карточка обращения»', () => {
  let app: OpenedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('opens the worst overdue appeal with its deadline, history and map, personal data masked until shown', async () => {
    const dbName = `e2e-card-${Date.now()}`;
    // ПОС messages carry the applicant's name (social-media posts often do not).
    app = await openApp({ path: 'registry?source=pos&deadline=overdue&sort=due-asc', query: { ...DEMO, dbName } });
    const registry = new RegistryPage(app.page);
    expect(await registry.waitForData()).toBeGreaterThan(0);
    const first = registry.rows().first();
    const id = await first.getAttribute('data-appeal-id');
    await first.locator('a').first().click();
    await app.page.waitForURL(/#\/appeal\//);
    const card = new AppealCardPage(app.page);
    await card.waitReady();
    expect(await app.page.getByTestId('appeal-card').getAttribute('data-appeal-id')).toBe(id);

    expect((await app.page.getByTestId('appeal-text').innerText()).length).toBeGreaterThan(10);
    expect(await app.page.getByTestId('deadline-explanation').innerText()).toMatch(/\d\d\.\d\d\.\d{4}/);
    expect(await app.page.getByTestId('appeal-deadline').innerText()).toContain('просрочено на');
    const timeline = await app.page.getByTestId('appeal-timeline').locator('li').allInnerTexts();
    expect(timeline[0]).toMatch(/Поступило/);
    expect(timeline[timeline.length - 1]).toMatch(/Текущий статус/);
    const highlighted = app.page.getByTestId('appeal-map').locator('rect[data-selected="true"]');
    expect(await highlighted.count()).toBeLessThanOrEqual(1);

    const personal = app.page.getByTestId('appeal-personal');
    expect(await personal.getAttribute('data-shown')).toBe('false');
    const maskedName = await app.page.getByTestId('personal-name').innerText();
    expect(maskedName).toMatch(/^\S\*{5}/);
    expect(await app.page.getByTestId('personal-phone').innerText()).toMatch(/^\*\*\* \*\*\*-\*\*-\d\d$|^—$/);
    expect(await auditActions(app.page, dbName)).not.toContainEqual(expect.objectContaining({ action: 'personal-data.reveal' }));
    await saveScreenshot(app.page, 'appeal-card-masked');

    await app.page.getByTestId('personal-show').click();
    await app.page.locator('[data-testid="appeal-personal"][data-shown="true"]').waitFor();
    const name = await app.page.getByTestId('personal-name').innerText();
    expect(name).not.toContain('*');
    expect(name[0]).toBe(maskedName[0]);
    expect(await auditActions(app.page, dbName)).toContainEqual({ action: 'personal-data.reveal', details: { appealId: id } });
    expect(app.externalRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows a hostile record harmlessly', async () => {
    const dbName = `e2e-card-hostile-${Date.now()}`;
    app = await openApp({ path: 'registry', query: { demo: 'off', dbName } });
    await app.page.locator('[data-testid="registry"][data-ready="true"]').waitFor({ timeout: 60_000 });
    let dialogs = 0;
    app.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const text = `<img src=x onerror="alert(1)"><script>alert(2)</script> оплачено\u202Eона\u202C за\u200Bказ ${'я'.repeat(100_000)}`;
    await app.page.evaluate(
      async ({ name, text }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const receivedAt = Date.parse('2025-11-10T10:00:00+03:00');
        const appeal = {
          id: 'im:hostile-1', source: 'im', externalId: 'hostile-1', secondaryId: null, channel: 'vk', regime: 'message',
          receivedAt, registeredAt: null, deadline: null, answeredAt: null, closedAt: null, stage: null,
          statusRaw: '<b>Новый</b>', status: 'new', platformOverdue: null, fastTrack: false, resolutionType: null, outcome: null,
          importance: null, answerHours: null, rating: null, reaction: null, isRepeat: false, originalId: null,
          category: '<i>Прочее</i>', subcategory: null, fact: null, sector: 'other', sectorMapped: false, orgReceived: null,
          orgCurrent: null, municipality: null, settlement: null, address: null, lat: null, lon: null, executor: null,
          text, url: 'javascript:alert(3)', tags: [], personal: null, updatedAt: receivedAt, import: null,
          qualityFlags: ['unmapped-sector'], muniKey: '', receivedDay: '2025-11-10',
        };
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('appeals', 'readwrite');
          tx.objectStore('appeals').put(appeal);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { name: dbName, text },
    );
    await app.page.evaluate(() => {
      location.hash = '#/appeal/im%3Ahostile-1';
    });
    await new AppealCardPage(app.page).waitReady();
    const body = app.page.getByTestId('appeal-text');
    const shown = await body.innerText();
    expect(shown).toContain('<img src=x onerror="alert(1)"><script>alert(2)</script>');
    expect(shown).toContain('[U+202E]');
    expect(shown).toContain('[U+200B]');
    expect(await body.locator('img, script').count()).toBe(0);
    expect(shown.length).toBeLessThan(10_000);
    await app.page.getByRole('button', { name: /Показать весь текст/ }).click();
    expect((await body.innerText()).length).toBeGreaterThan(100_000);
    const link = app.page.getByTestId('appeal-link');
    expect(await link.locator('a').count()).toBe(0);
    expect(await link.innerText()).toContain('допустимы только адреса http и https');
    expect(await app.page.getByTestId('appeal-fields').innerText()).toContain('<b>Новый</b>');
    await app.page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    expect(app.consoleErrors).toEqual([]);
    await saveScreenshot(app.page, 'appeal-card-hostile');
  });

  it('says plainly when the appeal is not in the store', async () => {
    app = await openApp({ path: 'appeal/pos%3Anope', query: { demo: 'off', dbName: `e2e-card-missing-${Date.now()}` } });
    await new AppealCardPage(app.page).page.locator('.appeal-card[data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await app.page.getByTestId('empty-state').innerText()).toContain('Обращение не найдено');
  });
});
