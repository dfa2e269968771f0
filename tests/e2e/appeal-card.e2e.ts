/**
 * Scenario 1, step 3: the operator opens an overdue appeal from the registry. The card shows the
 * text as text, the municipality on the region scheme, the status history and the deadline with
 * its explanation; the applicant's name and phone are masked until «Показать», which is audited.
 * A hostile record (markup, direction overrides, zero-width characters, a 100 KB text, a
 * javascript: link) is displayed harmlessly.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, openApp, openSyncedApp, putRow, saveScreenshot, storeRows, uniqueDbName } from './support';
import { AppealCardPage, RegistryPage } from './registry-page';

async function auditActions(page: Page, dbName: string): Promise<Array<{ action: string; details: Record<string, unknown> }>> {
  const rows = await storeRows<{ action: string; details: Record<string, unknown> }>(page, dbName, 'audit');
  return rows.map((r) => ({ action: r.action, details: r.details }));
}

describe('«Карточка обращения»', () => {
  it('opens the worst overdue appeal with its deadline, history and map, personal data masked until shown', async () => {
    const dbName = uniqueDbName('card');
    // ПОС messages carry the applicant's name (social-media posts often do not).
    const app = await openSyncedApp({ path: 'registry?source=pos&deadline=overdue&sort=due-asc', query: { ...DEMO, dbName } });
    const registry = new RegistryPage(app.page);
    expect(await registry.waitForData()).toBeGreaterThan(0);
    const id = await registry.openFirstAppeal();
    const card = new AppealCardPage(app.page);
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
    // Sealed at rest: the mask is fixed and carries no character of the value.
    expect(maskedName).toBe('*****');
    expect(await app.page.getByTestId('personal-phone').innerText()).toMatch(/^\*\*\* \*\*\*-\*\*-\*\*$|^—$/);
    expect(await auditActions(app.page, dbName)).not.toContainEqual(expect.objectContaining({ action: 'personal-data.reveal' }));
    await saveScreenshot(app.page, 'appeal-card-masked');

    const name = await card.showPersonal();
    expect(name).not.toContain('*');
    expect(name).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ]/);
    expect(await auditActions(app.page, dbName)).toContainEqual({ action: 'personal-data.reveal', details: { appealId: id } });
    expect(app.externalRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows a hostile record harmlessly', async () => {
    const dbName = uniqueDbName('card-hostile');
    const app = await openApp({ path: 'registry', query: { demo: 'off', dbName } });
    await new RegistryPage(app.page).waitReady();
    let dialogs = 0;
    app.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const text = `<img src=x onerror="alert(1)"><script>alert(2)</script> оплачено\u202Eона\u202C за\u200Bказ ${'я'.repeat(100_000)}`;
    const receivedAt = Date.parse('2025-11-10T10:00:00+03:00');
    await putRow(app.page, dbName, 'appeals', {
      id: 'im:hostile-1', source: 'im', externalId: 'hostile-1', secondaryId: null, channel: 'vk', regime: 'message',
      receivedAt, registeredAt: null, deadline: null, answeredAt: null, closedAt: null, stage: null,
      statusRaw: '<b>Новый</b>', status: 'new', platformOverdue: null, fastTrack: false, resolutionType: null, outcome: null,
      importance: null, answerHours: null, rating: null, reaction: null, isRepeat: false, originalId: null,
      category: '<i>Прочее</i>', subcategory: null, fact: null, sector: 'other', sectorMapped: false, orgReceived: null,
      orgCurrent: null, municipality: null, settlement: null, address: null, lat: null, lon: null, executor: null,
      text, url: 'javascript:alert(3)', tags: [], personal: null, updatedAt: receivedAt, import: null,
      qualityFlags: ['unmapped-sector'], muniKey: '', receivedDay: '2025-11-10',
    });
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
    // Nothing anywhere in the page could run the planted handlers, so no dialog can come later.
    expect(await app.page.locator('img[src="x"], img[onerror], script:not([src])').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(app.consoleErrors).toEqual([]);
    await saveScreenshot(app.page, 'appeal-card-hostile');
  });

  it('says plainly when the appeal is not in the store', async () => {
    const app = await openApp({ path: 'appeal/pos%3Anope', query: { demo: 'off', dbName: uniqueDbName('card-missing') } });
    await app.page.locator('.appeal-card[data-ready="true"]').waitFor();
    expect(await app.page.getByTestId('empty-state').innerText()).toContain('Обращение не найдено');
  });
});
