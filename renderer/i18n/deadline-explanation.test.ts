import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../shared/domain/calendar';
import { computeDeadline, type DeadlineInput } from '../../shared/domain/deadline';
import { DEFAULT_DEADLINE_RULES, deadlineRuleSetSchema, type DeadlineRuleSet } from '../../shared/domain/deadline-rules';
import { regionTimeOn } from '../../shared/domain/time';
import { deadlineExplanationText, ruleLabel } from './deadline-explanation';

const TZ = 'Europe/Moscow';
const at = (day: string, hh = 10) => regionTimeOn(day, hh * 60, TZ);
const fz59 = (day: string, extra: Partial<DeadlineInput> = {}): DeadlineInput => ({ source: 'letter59', regime: 'fz59', receivedAt: at(day, 9), registeredAt: at(day), ...extra });
const text = (input: DeadlineInput, lang: 'ru' | 'en', rules: DeadlineRuleSet = DEFAULT_DEADLINE_RULES) =>
  deadlineExplanationText(computeDeadline(input, rules, workCalendar, TZ)!.explanation, lang, TZ);

describe('deadline explanations read in both languages', () => {
  it.each([
    [fz59('2025-03-12'), '59-ФЗ: 30 календарных дней с 12.03.2025: до 11.04.2025', '59-FZ: 30 calendar days from 12.03.2025: until 11.04.2025'],
    [
      fz59('2025-03-14'),
      '59-ФЗ: 30 календарных дней с 14.03.2025, перенесено с воскресенья на 14.04.2025',
      '59-FZ: 30 calendar days from 14.03.2025, moved from Sunday to 14.04.2025',
    ],
    [
      fz59('2025-04-01'),
      '59-ФЗ: 30 календарных дней с 01.04.2025, перенесено с нерабочего дня 01.05.2025 на 05.05.2025',
      '59-FZ: 30 calendar days from 01.04.2025, moved from the non-working day 01.05.2025 to 05.05.2025',
    ],
    [
      fz59('2025-03-14', { extensionDays: 30 }),
      '59-ФЗ: 30 календарных дней с 14.03.2025, перенесено с воскресенья на 14.04.2025; продлено на 30 дней — до 14.05.2025',
      '59-FZ: 30 calendar days from 14.03.2025, moved from Sunday to 14.04.2025; extended by 30 days — until 14.05.2025',
    ],
    [
      fz59('2025-03-12', { extensionDays: 22 }),
      '59-ФЗ: 30 календарных дней с 12.03.2025: до 11.04.2025; продлено на 22 дня, перенесено с субботы на 05.05.2025',
      '59-FZ: 30 calendar days from 12.03.2025: until 11.04.2025; extended by 22 days, moved from Saturday to 05.05.2025',
    ],
    [
      fz59('2025-03-14', { extensionDays: 45 }),
      '59-ФЗ: 30 календарных дней с 14.03.2025, перенесено с воскресенья на 14.04.2025; продлено на 30 дней (запрошено 45, допускается не более 30) — до 14.05.2025',
      '59-FZ: 30 calendar days from 14.03.2025, moved from Sunday to 14.04.2025; extended by 30 days (requested 45, at most 30 allowed) — until 14.05.2025',
    ],
    [fz59('2025-03-12', { extendedDueDay: '2025-04-25' }), '59-ФЗ: 30 календарных дней с 12.03.2025: до 11.04.2025; продлено до 25.04.2025', '59-FZ: 30 calendar days from 12.03.2025: until 11.04.2025; extended to 25.04.2025'],
    [
      { source: 'pos', regime: 'message', receivedAt: at('2025-03-12'), recordDueDay: '2025-03-20', extendedDueDay: '2025-04-03' },
      'срок из источника: до 20.03.2025, продлён до 03.04.2025',
      'deadline from the source: until 20.03.2025, extended to 03.04.2025',
    ],
    [
      { source: 'im', regime: 'message', importance: 'high', receivedAt: at('2025-03-12', 13) },
      'ИМ, важность «Высокая»: 4 часа с 12.03.2025 13:00: до 12.03.2025 17:00',
      'Incident Management, importance «High»: 4 hours from 12/03/2025 13:00: until 12/03/2025 17:00',
    ],
    [
      { source: 'pos', regime: 'message', receivedAt: at('2025-12-26') },
      'ПОС, сообщение: 10 рабочих дней с 26.12.2025: до 21.01.2026',
      'ПОС, message: 10 working days from 26.12.2025: until 21.01.2026',
    ],
  ] as [DeadlineInput, string, string][])('%#', (input, ru, en) => {
    expect(text(input, 'ru')).toBe(ru);
    expect(text(input, 'en')).toBe(en);
  });

  it('keeps fractional amounts and a region’s own rule name', () => {
    const rules = deadlineRuleSetSchema.parse({ version: 2, rules: [{ id: 'x', label: 'Правило X', unit: 'calendar-days', amount: 1.5 }] });
    expect(text({ source: 'other', regime: 'message', receivedAt: at('2025-03-12') }, 'ru', rules)).toBe('Правило X: 1,5 календарных дня с 12.03.2025: до 14.03.2025');
    expect(text({ source: 'other', regime: 'message', receivedAt: at('2025-03-12') }, 'en', rules)).toBe('Правило X: 1.5 calendar days from 12.03.2025: until 14.03.2025');
    expect(ruleLabel('fz59', 'Свой 59-ФЗ', 'en')).toBe('Свой 59-ФЗ');
  });

  it('reads the importers’ own deadlines', () => {
    expect(deadlineExplanationText({ kind: 'pos-planned', params: { day: '2025-11-20' } }, 'en', TZ)).toBe('Deadline from the ПОС export: 20.11.2025');
    expect(deadlineExplanationText({ kind: 'register', params: { day: '2025-11-20', extendedDay: '2025-12-20' } }, 'ru', TZ)).toBe('Срок из реестра: 20.11.2025, продлён до 20.12.2025');
  });

  it('shows a sentence stored before explanations had kinds as written', () => {
    expect(deadlineExplanationText('срок из источника: до 20.03.2025', 'en', TZ)).toBe('срок из источника: до 20.03.2025');
  });
});
