import { describe, expect, it } from 'vitest';
import { buildMeetingProtocol } from './protocol';
import type { Instruction, Meeting } from './meetings';
import type { ReportTable } from '../report/model';

const meeting: Meeting = {
  id: 'm1', kind: 'operative', day: '2026-12-03', title: 'Дороги', agenda: ['Ямы', 'Освещение'], participants: 'Минтранс — Сидоров',
  playlist: 'Оперативное совещание', createdAt: 1, createdBy: 'А', updatedAt: 1, version: 1,
};
const instruction = (id: string, dueAt: number, status: Instruction['status']): Instruction => ({
  id, meetingId: 'm1', text: `Поручение ${id}`, responsibleBody: 'Минтранс', responsibleOfficial: '', deadline: { kind: 'date', day: '2026-12-05' },
  dueDay: '2026-12-05', dueAt, links: { appealIds: [], municipality: null, sector: null, organisation: null }, status, evidence: null, log: [],
  number: id === 'a' ? 2 : 1, createdAt: 1, createdBy: 'А', updatedAt: 1, version: 1,
});

describe('meeting protocol', () => {
  it('lists the agenda, those present and the instructions in the order given, with the state at the time of printing', () => {
    const doc = buildMeetingProtocol({ meeting, instructions: [instruction('a', 100, 'issued'), instruction('b', 1_000, 'in-progress')], now: 500, timeZone: 'Europe/Moscow', author: 'Петров', demo: false });
    expect(doc.sections.map((s) => s.title)).toEqual(['Повестка', 'Присутствовали', 'Поручения']);
    const table = doc.sections[2]!.blocks[0] as ReportTable;
    expect(table.rows.map((r) => [r[1], r[3], r[5]])).toEqual([
      ['Поручение b', '—', 'в работе'],
      ['Поручение a', '—', 'просрочено'],
    ]);
  });

  it('says so when nothing was given', () => {
    const doc = buildMeetingProtocol({ meeting: { ...meeting, agenda: [] }, instructions: [], now: 0, timeZone: 'Europe/Moscow', author: 'П', demo: true });
    expect(doc.sections[0]!.blocks[0]).toEqual({ type: 'note', text: 'Повестка не записана.' });
    expect(doc.sections[2]!.blocks[0]).toEqual({ type: 'note', text: 'Поручений не дано.' });
  });
});
