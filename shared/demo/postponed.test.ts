import { describe, expect, it } from 'vitest';
import { finishedAtOf } from '../domain/classify';
import { KIROV_PACK } from '../domain/packs';
import { carriesNewDate, isPostponed } from '../domain/postponement';
import { DemoModel } from './model';

describe('demo postponements', () => {
  it('every open postponed demo appeal carries its new date, as the sources do', () => {
    const model = new DemoModel({ scale: 20_000, seed: 1, pack: KIROV_PACK });
    const now = Date.UTC(2025, 10, 18, 9);
    const today = model.dayOf(now);
    const bySource = new Map<string, number>();
    for (let day = today - 365; day <= today; day++) {
      for (let i = 0; i < model.countOn(day); i++) {
        const a = model.appealAt(day, i, now);
        if (!a || finishedAtOf(a) !== null || !isPostponed(a) || a.deadline === null) continue;
        expect(carriesNewDate(a.deadline), `${a.id} ${a.status} ${a.deadline.ruleId}`).toBe(true);
        expect(a.deadline.dueAt).toBeGreaterThan(a.deadline.originalDueAt ?? 0);
        bySource.set(a.source, (bySource.get(a.source) ?? 0) + 1);
      }
    }
    // The demo has open postponements from more than one source to show.
    expect(bySource.size).toBeGreaterThanOrEqual(2);
  });
});
