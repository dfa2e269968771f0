import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { regionDayStart } from '../../../shared/domain/time';
import { CurDatabase } from '../../db/schema';
import { createInstruction } from '../../db/control-repo';
import { createEscalation, snapshotOf } from '../../db/cur-records-repo';
import { loadWallControl } from './control-queries';
import { selectionOf } from '../../../shared/wall';
import { setViewerScope, UNRESTRICTED } from '../../runtime/access';

const TZ = 'Europe/Moscow';
const NOW = regionDayStart('2026-12-03', TZ) + 10 * 3_600_000;
let db: CurDatabase;
let n = 0;

beforeEach(async () => {
  db = new CurDatabase(`wall-control-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('wall scene «Поручения и эскалации»', () => {
  it('counts open and overdue by body as the clock moves, within the focus, and never names a person', async () => {
    const base = { meetingId: null, text: 'Т', responsibleOfficial: 'Сидоров С. С.', by: 'П', at: NOW };
    await createInstruction(db, { ...base, responsibleBody: 'Минтранс', deadline: { kind: 'calendar-days', days: 1 }, links: { sector: 'roads' } });
    await createInstruction(db, { ...base, responsibleBody: 'Минздрав', deadline: { kind: 'calendar-days', days: 10 }, links: { sector: 'health' } });
    await createEscalation(db, { appeal: snapshotOf({ sector: 'roads' }), subject: { kind: 'sector', id: 'roads', label: 'Дороги' }, reason: 'other', note: '', assignee: 'Петров П. П.', by: 'П', at: NOW });

    const today = await loadWallControl(db, null, NOW);
    expect(today.totals.instruction).toEqual({ open: 2, overdue: 0 });
    const later = await loadWallControl(db, null, NOW + 3 * 86_400_000);
    expect(later.totals.instruction).toEqual({ open: 2, overdue: 1 });
    expect(later.byBody.map((b) => [b.responsibleBody, b.overdue])).toEqual([
      ['Минтранс', 1],
      ['', 0],
      ['Минздрав', 0],
    ]);
    expect(JSON.stringify(later)).not.toContain('Петров');
    expect(JSON.stringify(later)).not.toContain('Сидоров');
    const roads = await loadWallControl(db, { kind: 'sector', id: 'roads' }, NOW);
    expect(roads.totals).toMatchObject({ instruction: { open: 1 }, escalation: { open: 1 } });
  });

  it('follows the presenter area, and the account scope limits it', async () => {
    const base = { meetingId: null, text: 'Т', responsibleOfficial: 'С', by: 'П', at: NOW, deadline: { kind: 'calendar-days' as const, days: 1 } };
    await createInstruction(db, { ...base, responsibleBody: 'Юг', links: { sector: 'roads', municipality: 'm1' } });
    await createInstruction(db, { ...base, responsibleBody: 'Север', links: { sector: 'roads', municipality: 'm2' } });
    const south = selectionOf({ sector: null, municipalities: { name: 'Юг', members: ['m1'] } }, null);
    expect((await loadWallControl(db, south, NOW)).byBody.map((b) => b.responsibleBody)).toEqual(['Юг']);
    expect((await loadWallControl(db, selectionOf({ sector: 'health', municipalities: null }, null), NOW)).totals.instruction.open).toBe(0);
    setViewerScope({ sectors: null, municipalities: ['m2'] });
    try {
      expect((await loadWallControl(db, null, NOW)).byBody.map((b) => b.responsibleBody)).toEqual(['Север']);
      expect((await loadWallControl(db, south, NOW)).totals.instruction.open).toBe(0);
    } finally {
      setViewerScope(UNRESTRICTED);
    }
  });
});
