import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Escalation, InfoRequest } from '../../db/cur-records-repo';
import { escalationsCsv, infoRequestsCsv } from './records-csv';

const T0 = Date.parse('2025-11-18T09:00:00+03:00');
const appeal = { externalId: '77', sector: 'housing', organisation: 'УК; «Дом»', municipality: null, executor: null, dueAt: null };
const labels = { status: (s: string) => `S:${s}`, reason: (r: string) => `R:${r}` };

function parse(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data;
}

describe('records CSV', () => {
  it('writes escalations with Russian headers, region-local times and quoted separators', () => {
    const e: Escalation = {
      id: 'esc:1', appealId: 'pos:77', createdAt: T0, createdBy: 'Смирнова', updatedAt: T0, status: 'open',
      reason: 'overdue', note: '=HYPERLINK("x")', assignee: 'Петров', body: '', answer: null, appeal, history: [],
      subject: { kind: 'appeal', id: 'pos:77', label: '77' }, version: 1,
    };
    const rows = parse(escalationsCsv([e], 'Europe/Moscow', labels));
    expect(rows[0]![0]).toBe('Создано');
    expect(rows[1]).toEqual([
      '18.11.2025 09:00', 'Смирнова', 'pos:77', '77', 'housing', 'УК; «Дом»', 'R:overdue', 'Петров', '\'=HYPERLINK("x")', 'S:open', '18.11.2025 09:00',
    ]);
  });

  it('writes information requests with their due time and answer', () => {
    const r: InfoRequest = {
      id: 'inf:1', appealId: 'pos:77', createdAt: T0, createdBy: 'А', updatedAt: T0, status: 'answered', kind: 'official-information', quarter: null,
      body: 'Администрация', question: 'Сроки?', dueAt: T0 + 3 * 3600_000, answeredAt: T0 + 3600_000, answer: 'завтра', appeal, history: [],
      subject: { kind: 'appeal', id: 'pos:77', label: '77' }, version: 1,
    };
    const rows = parse(infoRequestsCsv([r], 'Europe/Moscow', labels));
    expect(rows[1]!.slice(5)).toEqual(['Официальная информация (3 часа)', 'Администрация', 'Сроки?', '18.11.2025 12:00', 'S:answered', '18.11.2025 10:00', 'завтра']);
    const noTerm = parse(infoRequestsCsv([{ ...r, kind: 'federal', dueAt: null }], 'Europe/Moscow', labels));
    expect(noTerm[1]!.slice(5, 8)).toEqual(['Федеральный запрос (срок по запросу)', 'Администрация', 'Сроки?']);
    expect(noTerm[1]![8]).toBe('без срока');
  });
});
