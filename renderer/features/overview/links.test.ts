/**
 * «Every number is a link to the registry filtered to exactly those appeals» (issue 6), as a
 * property: for random stores, every linked overview number equals what the registry's own row
 * path (fetchRegistryPage → planScan + matchesFilter, never the aggregates) finds for the link.
 * Counts must be equal; a share must be the link's rows over its denominator's rows; the average
 * answer time must be the average over the link's rows.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Appeal, Outcome } from '../../../shared/domain/appeal';
import { openDb } from '../../db/db';
import { upsertAppeals } from '../../db/appeals-repo';
import { answerHoursOf } from '../../db/aggregate-model';
import { appealArb, T0 } from '../../../tests/support/store-appeal';
import { SearchIndexBuilder } from '../../search/search-builder';
import { parseRegistryFilter, registryHref, type RegistryFilter } from '../../app/registry-filter';
import { countBounded, iterateRegistry, type RegistryQueryContext } from '../registry/queries';
import { loadOverview } from './queries';
import type { Metric, OverviewModel } from './shape';

const HOUR = 3_600_000;
const order = ['housing', 'roads', 'energy'];
const period = { from: '2025-11-05', to: '2025-11-18' };

/** The store builders' appeals, plus the cases where close-but-not-equal definitions part ways:
 *  closed without an answer, final status without dates, postponed by outcome only, ИМ answer hours. */
const variedAppeal: fc.Arbitrary<Appeal> = fc
  .tuple(
    appealArb(60),
    fc.record({
      closedAfterH: fc.option(fc.integer({ min: 0, max: 24 * 30 }), { nil: null }),
      dropAnswer: fc.boolean(),
      outcome: fc.constantFrom<Outcome | null>(null, null, 'postponed', 'resolved', 'unresolved'),
      answerHours: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null, freq: 3 }),
    }),
  )
  .map(([a, x]) => ({
    ...a,
    answeredAt: x.dropAnswer ? null : a.answeredAt,
    closedAt: x.closedAfterH === null ? null : a.receivedAt + x.closedAfterH * HOUR,
    outcome: x.outcome,
    answerHours: x.answerHours,
  }));

let dbCounter = 0;

/** Every linked number of the model with a label for failure messages. */
function linkedMetrics(model: OverviewModel): [string, string, Metric][] {
  const out: [string, string, Metric][] = [];
  for (const row of [model.total, ...model.sectors]) {
    const who = row.sector ?? 'total';
    for (const [key, m] of Object.entries(row.period)) out.push([`${who}.period.${key}`, key, m]);
    for (const [key, m] of Object.entries(row.now)) out.push([`${who}.now.${key}`, key, m]);
  }
  for (const [key, m] of Object.entries(model.today)) out.push([`today.${key}`, key, m]);
  return out;
}

async function rowsOf(ctx: RegistryQueryContext, filter: RegistryFilter): Promise<Appeal[]> {
  const rows: Appeal[] = [];
  for await (const page of iterateRegistry(ctx, filter)) rows.push(...page);
  return rows;
}

async function count(ctx: RegistryQueryContext, filter: RegistryFilter): Promise<number> {
  const result = await countBounded(ctx, filter);
  expect(result.exact).toBe(true);
  return result.count;
}

async function checkLinks(appeals: Appeal[], sector: string | null, now: number): Promise<void> {
  const db = openDb(`overview-links-${++dbCounter}`);
  try {
    await upsertAppeals(db, appeals);
    const ctx: RegistryQueryContext = { db, now, timeZone: db.timeZone, search: new SearchIndexBuilder(db) };
    const model = await loadOverview(db, { period, sector, sectorOrder: order, now });
    for (const [label, key, metric] of linkedMetrics(model)) {
      // The link as the user follows it: through the URL and back.
      const filter = parseRegistryFilter(registryHref(metric.filter));
      expect(filter, label).toEqual(metric.filter);
      const n = await count(ctx, filter);
      if (metric.format === 'count') {
        expect(metric.value, label).toBe(n);
      } else if (key === 'onTimeShare') {
        const late = await count(ctx, { ...filter, deadline: 'answered-late' });
        expect(metric.value, label).toBe(n + late > 0 ? n / (n + late) : null);
      } else if (key === 'satisfaction') {
        const rated = await count(ctx, { ...filter, satisfaction: 'rated' });
        expect(metric.value, label).toBe(rated > 0 ? n / rated : null);
      } else if (key === 'avgAnswerHours') {
        const hours = (await rowsOf(ctx, filter)).map((a) => answerHoursOf(a)!);
        expect(hours.every((h) => h !== null && Number.isFinite(h)), label).toBe(true);
        if (hours.length === 0) expect(metric.value, label).toBeNull();
        else expect(metric.value, label).toBeCloseTo(hours.reduce((s, h) => s + h, 0) / hours.length, 6);
      } else {
        throw new Error(`unchecked metric ${label}`);
      }
    }
  } finally {
    db.close();
    await db.delete();
  }
}

const uniqueAppeals = fc.uniqueArray(variedAppeal, { selector: (a) => a.id, minLength: 1, maxLength: 50 });

describe('overview links', () => {
  it('every number equals what its registry link lists (all sectors)', async () => {
    await fc.assert(
      fc.asyncProperty(uniqueAppeals, fc.integer({ min: -30, max: 30 }), async (appeals, nowOffsetH) => {
        await checkLinks(appeals, null, T0 + nowOffsetH * HOUR);
      }),
      { numRuns: 25 },
    );
  });

  it('every number equals what its registry link lists (one sector chosen)', async () => {
    await fc.assert(
      fc.asyncProperty(uniqueAppeals, async (appeals) => {
        await checkLinks(appeals, 'roads', T0);
      }),
      { numRuns: 10 },
    );
  });

  it('links «Отвечено» and «Отложенные» by the store’s definitions, not by status', async () => {
    const base = appealArb(1);
    const [template] = fc.sample(base, { seed: 7, numRuns: 1 });
    const a = (id: string, patch: Partial<Appeal>): Appeal => ({
      ...template!,
      id: `pos:${id}`,
      source: 'pos',
      externalId: id,
      sector: 'housing',
      receivedAt: T0 - 2 * HOUR,
      deadline: { dueAt: T0 + 48 * HOUR, originalDueAt: null, ruleId: 'r', ruleVersion: 1, explanation: '', hourBased: false },
      answeredAt: null,
      closedAt: null,
      answerHours: null,
      outcome: null,
      status: 'new',
      ...patch,
    });
    // Answered by date while the status still says «in work»; closed with no answer; postponed by outcome.
    const appeals = [
      a('1', { status: 'assigned', answeredAt: T0 - HOUR }),
      a('2', { status: 'closed', closedAt: T0 - HOUR }),
      a('3', { status: 'assigned', outcome: 'postponed' }),
      a('4', { status: 'postponed' }),
      a('5', { status: 'new' }),
    ];
    await checkLinks(appeals, null, T0);
    const db = openDb(`overview-links-${++dbCounter}`);
    try {
      await upsertAppeals(db, appeals);
      const model = await loadOverview(db, { period, sector: null, sectorOrder: order, now: T0 });
      expect(model.total.period.answered.value).toBe(2);
      expect(model.total.period.postponed.value).toBe(2);
      expect(model.total.period.answered.filter).toEqual({ ...period, answered: true });
      expect(model.total.period.postponed.filter).toEqual({ ...period, postponed: true });
    } finally {
      db.close();
      await db.delete();
    }
  });
});
