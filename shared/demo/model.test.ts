import { describe, expect, it } from 'vitest';
import { KIROV_PACK, SVERDLOVSK_PACK } from '../domain/packs';
import { validateAppeal, formatValidationErrors } from '../domain/validation';
import { isOpenStatus } from '../domain/status';
import { workCalendar } from '../domain/calendar';
import { regionDay } from '../domain/time';
import { DemoModel } from './model';
import { changeWindow, initialWindow, readAll, readWindow } from './stream';

const NOW = Date.parse('2026-11-18T09:00:00+03:00');
const DAY = 86_400_000;

function year(scale: number, seed = 7, pack = KIROV_PACK) {
  const model = new DemoModel({ seed, scale, pack });
  return { model, ...readAll(model, initialWindow(model, NOW)) };
}

const base = year(20_000);

describe('demo simulator', () => {
  it('is deterministic: same seed, scale and instant give identical records', () => {
    const again = year(20_000);
    expect(again.changes.length).toBe(base.changes.length);
    expect(JSON.stringify(again.changes.slice(0, 500))).toBe(JSON.stringify(base.changes.slice(0, 500)));
    expect(JSON.stringify(again.changes.at(-1))).toBe(JSON.stringify(base.changes.at(-1)));
  });

  it('gives different data for another seed', () => {
    const other = year(20_000, 8);
    expect(other.changes[0]!.text === base.changes[0]!.text && other.changes[0]!.receivedAt === base.changes[0]!.receivedAt).toBe(false);
  });

  it('produces about `scale` appeals a year, each a valid Appeal with unique id', () => {
    expect(base.changes.length).toBeGreaterThan(18_000);
    expect(base.changes.length).toBeLessThan(22_000);
    expect(new Set(base.changes.map((a) => a.id)).size).toBe(base.changes.length);
    for (const appeal of base.changes.slice(0, 3000)) {
      const result = validateAppeal(appeal);
      if (!result.ok) throw new Error(`${appeal.id}: ${formatValidationErrors(result.errors)}`);
    }
  });

  it('keeps every appeal inside the year before the instant', () => {
    for (const a of base.changes) {
      expect(a.receivedAt).toBeLessThanOrEqual(NOW);
      expect(a.receivedAt).toBeGreaterThanOrEqual(NOW - 365 * DAY);
      expect(a.updatedAt).toBeLessThanOrEqual(NOW);
      expect(a.updatedAt).toBeGreaterThanOrEqual(a.receivedAt);
    }
  });

  it('covers every channel and the 59-ФЗ regime', () => {
    const sources = new Set(base.changes.map((a) => a.source));
    expect([...sources].sort()).toEqual(['im', 'letter59', 'pos', 'regional']);
    expect(base.changes.some((a) => a.source === 'pos' && a.regime === 'fz59')).toBe(true);
    const im = base.changes.filter((a) => a.source === 'im');
    expect(new Set(im.map((a) => a.channel))).toEqual(new Set(['vk', 'ok', 'telegram']));
    expect(new Set(im.map((a) => a.importance))).toEqual(new Set(['high', 'normal', 'private']));
    expect(im.every((a) => a.deadline?.hourBased)).toBe(true);
  });

  it('has volume proportional to population', () => {
    const counts = new Map<string, number>();
    for (const a of base.changes) counts.set(a.municipality!, (counts.get(a.municipality!) ?? 0) + 1);
    const kirov = counts.get('g-kirov') ?? 0;
    const small = counts.get('arbazhskiy') ?? 0; // 4,257 residents vs 500,457 in Kirov (Rosstat, 1 Jan 2024)
    expect(kirov).toBeGreaterThan(small * 40);
    const zuevskiy = counts.get('zuevskiy') ?? 0; // 16,435
    const ratio = zuevskiy / Math.max(1, small);
    expect(ratio).toBeGreaterThan(16_435 / 4_257 / 1.8);
    expect(ratio).toBeLessThan((16_435 / 4_257) * 1.8);
  });

  it('labels every weight that is not a published population', () => {
    for (const m of base.model.region.municipalities) {
      if (m.weightBasis === 'population') expect(m.weightNote).toBeNull();
      else expect(m.weightNote).toMatch(/оценк/i);
    }
    // The Kirov pack now has a published population for every unit: nothing is weighted by an estimate.
    expect(base.model.region.municipalities.every((m) => m.weightBasis === 'population')).toBe(true);
  });

  it('has a heating season, spring roads and winter snow', () => {
    const month = (a: { receivedAt: number }) => new Date(a.receivedAt + 3 * 3_600_000).getUTCMonth();
    const share = (filter: (a: (typeof base.changes)[number]) => boolean, months: number[]) => {
      const inMonths = base.changes.filter((a) => months.includes(month(a)));
      return inMonths.filter(filter).length / inMonths.length;
    };
    const heating = (a: (typeof base.changes)[number]) => a.category === 'Теплоснабжение';
    expect(share(heating, [0, 1, 9, 10])).toBeGreaterThan(3 * share(heating, [5, 6, 7]));
    const potholes = (a: (typeof base.changes)[number]) => a.subcategory === 'Ямы на дороге';
    expect(share(potholes, [3, 4])).toBeGreaterThan(2 * share(potholes, [0, 1, 11]));
    const snow = (a: (typeof base.changes)[number]) => a.subcategory === 'Уборка снега';
    expect(share(snow, [0, 1, 11])).toBeGreaterThan(10 * share(snow, [5, 6, 7]));
  });

  it('has a weekday rhythm: working days busier than Sundays', () => {
    const byWeekday = new Array(7).fill(0);
    for (const a of base.changes) byWeekday[new Date(a.receivedAt + 3 * 3_600_000).getUTCDay()] += 1;
    expect(byWeekday[1]).toBeGreaterThan(byWeekday[0] * 1.4);
    expect(byWeekday[3]).toBeGreaterThan(byWeekday[6] * 1.3);
  });

  it('has repeats linked to their originals, extensions, overdue ones, ratings and reactions', () => {
    const ids = new Set(base.changes.map((a) => a.id));
    const repeats = base.changes.filter((a) => a.isRepeat);
    expect(repeats.length / base.changes.length).toBeGreaterThan(0.03);
    const linked = repeats.filter((a) => a.originalId && ids.has(a.originalId));
    expect(linked.length).toBeGreaterThan(repeats.length * 0.7);
    const byId = new Map(base.changes.map((a) => [a.id, a]));
    for (const r of linked.slice(0, 50)) {
      const o = byId.get(r.originalId!)!;
      expect(o.receivedAt).toBeLessThan(r.receivedAt);
      expect(o.municipality).toBe(r.municipality);
      expect(o.subcategory).toBe(r.subcategory);
      // The same applicant writes again (ИМ authors may be anonymous).
      if (o.source !== 'im' && r.source !== 'im') expect(r.personal?.fullName).toBe(o.personal?.fullName);
    }
    expect(base.changes.some((a) => a.status === 'extended' || (a.deadline?.originalDueAt ?? null) !== null)).toBe(true);
    const overdueNow = base.changes.filter((a) => isOpenStatus(a.status) && a.deadline && a.deadline.dueAt < NOW);
    expect(overdueNow.length).toBeGreaterThan(20);
    const late = base.changes.filter((a) => a.answeredAt !== null && a.deadline && a.answeredAt > a.deadline.dueAt);
    expect(late.length).toBeGreaterThan(100);
    const ratings = base.changes.filter((a) => a.rating !== null).map((a) => a.rating!);
    expect(new Set(ratings)).toEqual(new Set([1, 2, 3, 4, 5]));
    const satisfied = ratings.filter((r) => r >= 4).length / ratings.length;
    expect(satisfied).toBeGreaterThan(0.45);
    expect(satisfied).toBeLessThan(0.9);
    expect(new Set(base.changes.map((a) => a.reaction).filter(Boolean))).toEqual(new Set(['satisfied', 'neutral', 'dissatisfied']));
    expect(base.changes.some((a) => a.fastTrack)).toBe(true);
  });

  it('normalises every raw status it produces and maps all but deliberate categories', () => {
    expect(base.changes.filter((a) => a.qualityFlags.includes('unknown-status'))).toEqual([]);
    const unmapped = base.changes.filter((a) => !a.sectorMapped);
    expect(unmapped.length / base.changes.length).toBeLessThan(0.05);
  });

  it('gives coordinates near the municipality centre to part of the appeals', () => {
    const withCoords = base.changes.filter((a) => a.lat !== null);
    expect(withCoords.length / base.changes.length).toBeGreaterThan(0.3);
    expect(withCoords.length / base.changes.length).toBeLessThan(0.8);
    const centres = new Map(KIROV_PACK.municipalities.map((m) => [m.id, m.adminCentre]));
    for (const a of withCoords.slice(0, 200)) {
      const c = centres.get(a.municipality!)!;
      expect(Math.abs(a.lat! - c.lat!)).toBeLessThan(0.2);
    }
  });

  it('generates fictional personal data that looks real', () => {
    const pos = base.changes.filter((a) => a.source === 'pos');
    for (const a of pos.slice(0, 100)) {
      expect(a.personal?.fullName).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
      if (a.personal?.phone) expect(a.personal.phone).toMatch(/^\+7 9\d\d \d{3}-\d\d-\d\d$/);
      if (a.personal?.email) expect(a.personal.email).toMatch(/^[a-z0-9.]+@[a-z]+\.(ru|com)$/);
    }
    // Personal data never leaks into the text.
    for (const a of pos.slice(0, 500)) if (a.personal?.fullName) expect(a.text).not.toContain(a.personal.fullName);
  });

  it('pages resume from a cursor and give the same records as one read', () => {
    const model = new DemoModel({ seed: 7, scale: 20_000, pack: KIROV_PACK });
    const ids: string[] = [];
    let cursor = JSON.parse(JSON.stringify(initialWindow(model, NOW)));
    while (cursor) {
      const page = readWindow(model, cursor, 1_234);
      ids.push(...page.changes.map((a) => a.id));
      cursor = page.next && JSON.parse(JSON.stringify(page.next));
    }
    expect(ids).toEqual(base.changes.map((a) => a.id));
    // The days this paged reader remembered give the same change window as a model that knows nothing.
    const later = NOW + 36 * 3_600_000;
    const remembered = readAll(model, changeWindow(model, NOW - 365 * DAY, NOW, later));
    const fresh = new DemoModel({ seed: 7, scale: 20_000, pack: KIROV_PACK });
    const forgotten = readAll(fresh, changeWindow(fresh, NOW - 365 * DAY, NOW, later));
    expect(JSON.stringify(remembered)).toBe(JSON.stringify(forgotten));
  });

  it('keeps producing new appeals and status changes as time moves, consistent with a fresh read', () => {
    const model = base.model;
    const later = NOW + 6 * 3_600_000;
    const delta = readAll(model, changeWindow(model, NOW - 365 * DAY, NOW, later));
    expect(delta.changes.length).toBeGreaterThan(10);
    const fresh = new Map(readAll(model, initialWindow(model, later)).changes.map((a) => [a.id, a]));
    const old = new Map(base.changes.map((a) => [a.id, a]));
    expect(delta.changes.some((a) => !old.has(a.id))).toBe(true);
    expect(delta.changes.some((a) => old.has(a.id) && old.get(a.id)!.status !== a.status)).toBe(true);
    for (const a of delta.changes) {
      expect(a.updatedAt).toBeGreaterThan(NOW);
      // Records inside both horizons must equal the state a fresh read gives.
      if (fresh.has(a.id)) expect(a).toEqual(fresh.get(a.id));
    }
  });

  it('gives the same changes whether or not it remembers which days have settled', () => {
    const later = NOW + 2 * DAY;
    const cached = readAll(base.model, changeWindow(base.model, NOW - 365 * DAY, NOW, later));
    const fresh = new DemoModel({ seed: 7, scale: 20_000, pack: KIROV_PACK });
    const uncached = readAll(fresh, changeWindow(fresh, NOW - 365 * DAY, NOW, later));
    expect(cached.changes.map((a) => a.id)).toEqual(uncached.changes.map((a) => a.id));
    expect(cached.deletions).toEqual(uncached.deletions);
  });

  it('answers forms and letters in office hours on working days; ИМ round the clock', () => {
    const hourOf = (at: number) => new Date(at + 3 * 3_600_000).getUTCHours();
    const formal = base.changes.filter((a) => a.source !== 'im' && a.answeredAt !== null);
    expect(formal.length).toBeGreaterThan(1000);
    for (const a of formal) {
      expect(hourOf(a.answeredAt!)).toBeGreaterThanOrEqual(9);
      expect(hourOf(a.answeredAt!)).toBeLessThan(18);
      expect(workCalendar.isWorkingDay(regionDay(a.answeredAt!, 'Europe/Moscow'))).toBe(true);
    }
    const imNight = base.changes.filter((a) => a.source === 'im' && a.answeredAt !== null && (hourOf(a.answeredAt) < 7 || hourOf(a.answeredAt) >= 22));
    expect(imNight.length).toBeGreaterThan(0);
  });

  it('works for another region pack', () => {
    const other = year(3_000, 1, SVERDLOVSK_PACK);
    expect(other.changes.length).toBeGreaterThan(2_500);
    const muni = new Set(SVERDLOVSK_PACK.municipalities.map((m) => m.id));
    expect(other.changes.every((a) => a.municipality !== null && muni.has(a.municipality))).toBe(true);
  });
});

describe('hostile samples', () => {
  it('are kept out of the demo data', async () => {
    const { HOSTILE_TEXTS } = await import('./hostile-samples');
    const texts = new Set(base.changes.map((a) => a.text));
    for (const hostile of HOSTILE_TEXTS) expect(texts.has(hostile)).toBe(false);
    expect(base.changes.some((a) => /<|>|^[=+@]/.test(a.text))).toBe(false);
  });
});

describe('public surface', () => {
  it('demoChanges is a pure function of (seed, scale, pack, from, to)', async () => {
    const { demoChanges } = await import('./index');
    const spec = { seed: 7, scale: 20_000, pack: KIROV_PACK };
    const a = demoChanges(spec, NOW, NOW + 6 * 3_600_000);
    const b = demoChanges(spec, NOW, NOW + 6 * 3_600_000);
    expect(a.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const split = [...demoChanges(spec, NOW, NOW + 3 * 3_600_000).changes, ...demoChanges(spec, NOW + 3 * 3_600_000, NOW + 6 * 3_600_000).changes];
    // Two consecutive windows see every appeal the whole window sees (some twice, in two states).
    expect(new Set(split.map((x) => x.id))).toEqual(new Set(a.changes.map((x) => x.id)));
  });
});
