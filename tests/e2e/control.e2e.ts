/**
 * The control loop (issue 16): the administrator names the block's official; an operational
 * meeting is held on the wall and gives two instructions (one refused first for a deadline in the
 * past); the app clock moves three days on (boot option demoNow, reload) and one instruction turns
 * overdue in the control list and on the wall scene «Поручения и эскалации»; an escalation starts
 * from the rating and goes to the block's official. A second spec edits one instruction from two
 * windows: the later write sees the conflict, both versions, and a choice. Screenshots go to
 * docs/guide/img/ for the guide chapter 15-control.md.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appUrl, DEMO, openSyncedApp, saveScreenshot, signInIfAsked, TEST_ADMIN, uniqueDbName, waitForScreen } from './support';

const GUIDE_IMG = fileURLToPath(new URL('../../docs/guide/img', import.meta.url));
const LATER = '2025-11-21T09:00:00+03:00';
const BODY = 'Министерство транспорта Кировской области';

async function guideShot(page: Page, name: string) {
  await mkdir(GUIDE_IMG, { recursive: true });
  await page.screenshot({ path: `${GUIDE_IMG}/${name}.png`, fullPage: false, animations: 'disabled' });
  await saveScreenshot(page, name);
}

/** A day typed into a dd.mm.yyyy field inside a form (Tab, not Enter: Enter would submit the form). */
async function enterDay(field: Locator, text: string) {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
  await field.press('Tab');
}

/** Page object for «Контроль». */
class ControlPage {
  constructor(readonly page: Page) {}

  go(path: string) {
    return this.page.evaluate((p) => {
      location.hash = `#/${p}`;
    }, path);
  }

  async newMeeting(input: { title: string; agenda: string; participants: string; by: string }) {
    await this.go('control/meetings');
    await this.page.getByTestId('meeting-new-link').click();
    const form = this.page.getByTestId('meeting-form');
    await form.waitFor();
    await form.getByTestId('meeting-title').fill(input.title);
    await form.getByTestId('meeting-agenda').fill(input.agenda);
    await form.getByTestId('meeting-participants').fill(input.participants);
    expect(await form.getByTestId('meeting-by').innerText()).toBe(input.by);
    await form.getByTestId('meeting-save').click();
    await waitForScreen(this.page, 'meeting-page');
  }

  async giveInstruction(input: { text: string; sector?: string; body?: string; days?: number; deadline?: 'working-days' | 'calendar-days'; dueDay?: string }) {
    const form = this.page.getByTestId('instruction-form');
    await form.getByTestId('instruction-text').fill(input.text);
    if (input.sector) await form.getByTestId('instruction-sector').selectOption(input.sector);
    if (input.body !== undefined) await form.getByTestId('instruction-body').fill(input.body);
    if (input.dueDay) {
      await form.getByTestId('instruction-deadline-kind').selectOption('date');
      await enterDay(form.getByTestId('instruction-due-day'), input.dueDay);
    } else {
      await form.getByTestId('instruction-deadline-kind').selectOption(input.deadline ?? 'working-days');
      await form.getByTestId('instruction-days').fill(String(input.days ?? 5));
    }
    await form.getByTestId('instruction-save').click();
  }

  rows() {
    return this.page.getByTestId('control-row');
  }
}

describe('«Контроль»: meetings and instructions', () => {
  it('holds a meeting on the wall, gives two instructions, and shows one overdue once the clock has moved', async () => {
    const dbName = uniqueDbName('control');
    const app = await openSyncedApp({ path: 'settings', query: { ...DEMO, dbName } });
    const page = app.page;
    const control = new ControlPage(page);

    // The administrator names the roads block's body and official.
    await page.getByTestId('officials-body-roads').fill(BODY);
    await page.getByTestId('officials-official-roads').fill('Сидоров С. С.');
    await page.getByTestId('officials-save').click();
    await page.getByText('Справочник сохранён').waitFor();

    await control.newMeeting({ title: 'Зимнее содержание дорог', agenda: 'Уборка снега\nОстановки общественного транспорта', participants: `${BODY} — Сидоров С. С.\nАдминистрация г. Кирова`, by: TEST_ADMIN.displayName });
    expect(await page.getByTestId('meeting-agenda-list').locator('li').allInnerTexts()).toEqual(['Уборка снега', 'Остановки общественного транспорта']);

    // Bad input: a deadline before today and no responsible body are refused with clear messages.
    await control.giveInstruction({ text: 'Очистить остановки от снега', body: '', dueDay: '17.11.2025' });
    const errors = page.getByTestId('control-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain('Укажите ответственный орган');
    expect(await errors.innerText()).toContain('Срок 17.11.2025 уже прошёл (сегодня 18.11.2025)');
    expect(await page.getByTestId('meeting-instruction').count()).toBe(0);

    // Two instructions: the block fills the body from the directory.
    await control.giveInstruction({ text: 'Очистить остановки от снега', sector: 'roads', deadline: 'calendar-days', days: 1 });
    await page.getByTestId('meeting-instruction').first().waitFor();
    await control.giveInstruction({ text: 'Представить график вывоза снега', sector: 'roads', deadline: 'working-days', days: 10 });
    await expect.poll(() => page.getByTestId('meeting-instruction').count()).toBe(2);
    expect(await page.getByTestId('meeting-instruction').first().innerText()).toContain(BODY);
    expect(await page.getByTestId('meeting-instruction').first().innerText()).toContain('19.11.2025');

    // «Начать на стене» makes the meeting's playlist the wall's.
    await page.getByTestId('meeting-start-wall').click();
    expect(await page.getByTestId('meeting-note').innerText()).toBe('На стене: плейлист «Оперативное совещание»');
    await guideShot(page, 'control-meeting');

    // An escalation from the rating goes to the block's official from the directory.
    await page.getByTestId('sector-filter').selectOption('roads');
    await control.go('rating');
    await page.getByTestId('rating-escalate').first().click();
    await waitForScreen(page, 'control-new');
    expect(await page.getByTestId('control-new-origin').innerText()).toMatch(/^Основание: муниципалитет «.+»$/);
    await expect.poll(() => page.getByTestId('escalation-assignee').inputValue()).toBe('Сидоров С. С.');
    expect(await page.getByTestId('escalation-directory').innerText()).toBe(`Из справочника ответственных: Сидоров С. С., ${BODY}`);
    await page.getByTestId('escalation-note').fill('Рост жалоб на уборку снега');
    await guideShot(page, 'control-new-escalation');
    await page.getByTestId('escalation-save').click();
    await page.getByTestId('control-new-done').waitFor();

    // Three days later (the frozen clock moved, the app reloaded): the 1-day instruction is overdue.
    await page.goto(appUrl(app.baseUrl, { path: 'control', query: { ...DEMO, demoNow: LATER, dbName } }));
    await signInIfAsked(page);
    await waitForScreen(page, 'control-list');
    expect(await page.getByTestId('control-state-at').innerText()).toBe('Состояние на 21.11.2025 09:00');
    const overdueRow = page.locator('[data-testid="control-row"][data-band="overdue"]');
    expect(await overdueRow.count()).toBe(1);
    expect(await overdueRow.innerText()).toContain('Очистить остановки от снега');
    expect(await overdueRow.getByTestId('control-row-status').innerText()).toBe('просрочено');
    // Overdue comes first, the escalation (no term) is listed open.
    expect(await control.rows().first().getAttribute('data-band')).toBe('overdue');
    expect(await page.locator('[data-testid="control-row"][data-kind="escalation"]').count()).toBe(1);
    const bodyRow = page.locator(`[data-testid="control-body-row"][data-body="${BODY}"]`);
    expect(await bodyRow.getByTestId('control-body-overdue').innerText()).toBe('1');
    await page.getByTestId('control-filter-band').selectOption('overdue');
    expect(await control.rows().count()).toBe(1);
    await page.getByTestId('control-filter-band').selectOption('all-open');
    await guideShot(page, 'control-list');

    // The wall, on the meeting's playlist, reaches «Поручения и эскалации» and shows the overdue one.
    const wall = await page.context().newPage();
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.goto(appUrl(app.baseUrl, { path: 'wall', query: { ...DEMO, demoNow: LATER, dbName, wallSpeed: 30 } }));
    await wall.locator('[data-testid="wall"][data-scene="control"]').waitFor({ timeout: 60_000 });
    await waitForScreen(wall, 'wall-scene-control', 30_000);
    await expect.poll(() => wall.getByTestId('wall-control-instruction-overdue').getAttribute('data-value')).toBe('1');
    expect(await wall.getByTestId('wall-control-instruction-open').getAttribute('data-value')).toBe('2');
    const wallBody = wall.locator(`[data-testid="wall-control-body"][data-body="${BODY}"]`);
    expect(await wallBody.getByTestId('wall-control-body-overdue').innerText()).toBe('1');
    const wallText = await wall.getByTestId('wall-scene-control').innerText();
    expect(wallText).not.toContain('Сидоров');
    expect(wallText).not.toContain(TEST_ADMIN.displayName);
    // Pause so the picture is of this scene.
    await wall.screenshot({ path: `${GUIDE_IMG}/control-wall.png`, animations: 'disabled' });

    // The records survived the reload; the protocol lists both instructions with their state.
    await control.go('control/meetings');
    await page.getByTestId('meeting-row').first().locator('a').click();
    await waitForScreen(page, 'meeting-page');
    // The protocol through the report writers: DOCX and PDF, each a real document.
    for (const format of ['docx', 'pdf'] as const) {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(`meeting-protocol-${format}`).click()]);
      expect(file.suggestedFilename()).toBe(`protokol-2025-11-18.${format}`);
      const bytes = await readFile((await file.path())!);
      expect(bytes.subarray(0, format === 'pdf' ? 4 : 2).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK');
    }
    await page.getByTestId('meeting-protocol-print').click();
    await waitForScreen(page, 'protocol-view');
    const protocol = await page.getByTestId('protocol-view').innerText();
    expect(protocol).toContain('Протокол: Оперативное совещание');
    expect(protocol).toContain('просрочено');
    expect(protocol).toContain('Представить график вывоза снега');
    expect(app.consoleErrors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });

  it('refuses the later of two edits of one instruction, shows both versions and lets the person choose', async () => {
    const dbName = uniqueDbName('control-conflict');
    const app = await openSyncedApp({ path: 'control/meetings', query: { ...DEMO, dbName } });
    const first = app.page;
    const control = new ControlPage(first);
    await control.newMeeting({ title: 'Штаб по отоплению', agenda: 'Котельные', participants: 'Минстрой', by: TEST_ADMIN.displayName });
    await control.giveInstruction({ text: 'Проверить котельную в Слободском', body: 'Министерство строительства', deadline: 'working-days', days: 3 });
    await first.getByTestId('meeting-instruction').first().locator('a').click();
    await waitForScreen(first, 'instruction-card');
    const url = first.url();

    const second = await first.context().newPage();
    await second.setViewportSize({ width: 1440, height: 900 });
    await second.goto(url);
    // A new tab has no session of its own (runtime/session.ts).
    await signInIfAsked(second);
    await waitForScreen(second, 'instruction-card');

    // The second window moves it to work.
    await second.getByTestId('instruction-move-in-progress').click();
    await second.getByTestId('instruction-move-save').click();
    await second.locator('[data-testid="instruction-card"][data-status="in-progress"]').waitFor();

    // The first, still on version 1, comments: refused, both versions shown, nothing overwritten.
    await first.getByTestId('instruction-stale').waitFor();
    await first.getByTestId('instruction-comment').fill('Котельная проверена, акт готовится');
    await first.getByTestId('instruction-comment-save').click();
    const conflict = first.getByTestId('control-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Запись изменена в другом окне');
    expect(await conflict.getByTestId('conflict-stored').innerText()).toContain('в работе');
    expect(await conflict.getByTestId('conflict-mine').innerText()).toContain('Котельная проверена');
    await conflict.scrollIntoViewIfNeeded();
    await guideShot(first, 'control-conflict');

    await conflict.getByTestId('conflict-apply-mine').click();
    await conflict.waitFor({ state: 'detached' });
    await first.locator('[data-testid="instruction-card"][data-version="3"]').waitFor();
    const history = await first.getByTestId('history-entry').allInnerTexts();
    expect(history.map((h) => h.split(' · ').slice(1).join(' · '))).toEqual([
      // Every change is signed by the signed-in person (runtime/actor.ts recordAuthor), in both windows.
      `${TEST_ADMIN.displayName} · создано (выдано)`,
      `${TEST_ADMIN.displayName} · выдано → в работе`,
      `${TEST_ADMIN.displayName} · комментарий: Котельная проверена, акт готовится`,
    ]);
    // Executed needs evidence.
    await first.getByTestId('instruction-move-done').click();
    await first.getByTestId('instruction-move-save').click();
    expect(await first.getByTestId('control-errors').innerText()).toContain('нужно пояснение');
    await first.getByTestId('instruction-move-note').fill('Акт проверки № 12');
    await first.getByTestId('instruction-move-save').click();
    await first.locator('[data-testid="instruction-card"][data-status="done"]').waitFor();
    expect(await first.getByTestId('instruction-evidence').innerText()).toBe('Акт проверки № 12');
    expect(app.consoleErrors).toEqual([]);
  });
});
