import { describe, expect, it } from 'vitest';
import type { Cell, RawRow } from './cells';
import { ImportError } from './errors';
import { POS_FIELDS } from './fields';
import { RowProcessor, parseNeedsKey } from './processor';
import { testContext } from '../../tests/support/convert-context';

function run(rows: Cell[][], forcedType: 'pos' | 'im' | 'letter59' | null = null) {
  const p = new RowProcessor({ forcedType, savedMappings: {}, ctx: testContext() });
  rows.forEach((cells, i) => p.push({ row: i + 1, cells } satisfies RawRow));
  return p.finish();
}

function fails(rows: Cell[][]): ImportError {
  try {
    run(rows);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

const POS_HEADER = POS_FIELDS.filter((f) => f.key !== 'text').map((f) => f.headers[0] as string);
function posRow(values: Partial<Record<string, Cell>>): Cell[] {
  return POS_HEADER.map((h) => values[h] ?? '-');
}

describe('ПОС rows', () => {
  it('converts every known column and keeps the record deadline and overdue flag', () => {
    const result = run([
      ['Выгрузка'],
      POS_HEADER,
      posRow({
        Номер: '12345',
        'Номер ЕПГУ': '998877',
        Источник: 'MED_DOC_EPGU',
        Категория: 'Медицина',
        Подкатегория: 'Запись к врачу',
        Факт: 'Нет записи к терапевту',
        'Организация, в которую поступило сообщение': 'Администрация города Кирова',
        'Организация, в которой находится сообщение': 'Министерство здравоохранения Кировской области',
        'Дата поступления': '03.11.2025 10:15',
        'Дата планируемого завершения работ': '13.11.2025',
        'Дата фактического завершения работ': '10.11.2025 16:00',
        Стадия: 'Завершено',
        Статус: 'Отправлен ответ заявителю',
        Просрочено: 'Нет',
        'Фаст-трек': 'Да',
        ФЗ: 'Обычное сообщение',
        'Заявитель выбрал подачу по 59-ФЗ': 'Нет',
        'Тип решения': 'Решено',
        'Оценка ответа заявителем': '5',
        'Повторное рассмотрение': 'Да',
        'ФИО исполнителя': 'Иванова А. А.',
      }),
    ]);
    expect(result.type).toBe('pos');
    expect(result.headerRow).toBe(2);
    const a = result.appeals.get('pos:12345');
    expect(a).toBeDefined();
    expect(a).toMatchObject({
      secondaryId: '998877',
      channel: 'MED_DOC_EPGU',
      regime: 'message',
      receivedAt: Date.UTC(2025, 10, 3, 7, 15),
      answeredAt: Date.UTC(2025, 10, 10, 13, 0),
      closedAt: Date.UTC(2025, 10, 10, 13, 0),
      stage: 'Завершено',
      status: 'answered',
      platformOverdue: false,
      fastTrack: true,
      outcome: 'resolved',
      rating: 5,
      isRepeat: true,
      sector: 'health',
      sectorMapped: true,
      municipality: 'kirov',
      executor: 'Иванова А. А.',
      import: { batchId: 'b1', fileName: 'test.xlsx', row: 3 },
    });
    expect(a?.deadline).toMatchObject({ ruleId: 'record', dueAt: Date.UTC(2025, 10, 13, 21, 0) - 1 });
  });

  it('rejects rows with bad required values, warns about bad optional ones, lists values needing mapping', () => {
    const result = run([
      POS_HEADER,
      posRow({ Номер: '1', 'Дата поступления': '31.02.2025' }),
      posRow({ Номер: '2', 'Дата поступления': 'вчера' }),
      posRow({ Номер: '-', 'Дата поступления': '01.11.2025' }),
      posRow({ Номер: '4', 'Дата поступления': '01.11.2025', 'Оценка ответа заявителем': { error: '#DIV/0!' }, Статус: 'Новый статус X', Категория: 'Котики', 'Организация, в которой находится сообщение': 'ООО Неизвестная' }),
      posRow({ Номер: '4', 'Дата поступления': '02.11.2025', Статус: 'Новый статус X' }),
    ]);
    expect(result.rowsRead).toBe(5);
    expect(result.rejected.map((r) => r.row)).toEqual([2, 3, 4]);
    const firstProblem = (i: number) => {
      const m = result.rejected[i]?.message;
      return m?.kind === 'row-rejected' ? m.params.errors[0]?.problem.kind : null;
    };
    expect([firstProblem(0), firstProblem(1), firstProblem(2)]).toEqual(['no-such-date', 'not-a-date', 'number-missing']);
    expect(result.appeals.size).toBe(1);
    expect(result.appeals.get('pos:4')?.import?.row).toBe(6);
    expect(result.warnings.some((w) => w.row === 5 && w.message.kind === 'value-dropped' && w.message.params.problem.kind === 'cell-error')).toBe(true);
    expect(result.warnings.some((w) => w.row === 6 && w.message.kind === 'duplicate-number')).toBe(true);
    const needs = [...result.needs].map(([k, n]) => ({ ...parseNeedsKey(k), n }));
    expect(needs).toContainEqual({ kind: 'status', value: 'Новый статус X', n: 2 });
    expect(needs).toContainEqual({ kind: 'category', value: 'Котики', n: 1 });
    expect(needs).toContainEqual({ kind: 'organisation', value: 'ООО Неизвестная', n: 1 });
    expect(result.appeals.get('pos:4')?.qualityFlags).toContain('unknown-status');
  });

  it('streamed (the server writing while reading): every valid appeal handed over in row order, the same findings', () => {
    const rows: Cell[][] = [
      POS_HEADER,
      posRow({ Номер: '1', 'Дата поступления': '01.11.2025' }),
      posRow({ Номер: '2', 'Дата поступления': 'вчера' }),
      posRow({ Номер: '1', 'Дата поступления': '02.11.2025' }),
      posRow({ Номер: '3', 'Дата поступления': '03.11.2025' }),
    ];
    const whole = run(rows);
    const handed: string[] = [];
    const streamed = new RowProcessor({ forcedType: null, savedMappings: {}, ctx: testContext(), onAppeal: (a) => handed.push(`${a.id}@${a.import?.row}`) });
    rows.forEach((cells, i) => streamed.push({ row: i + 1, cells }));
    const result = streamed.finish();
    expect(handed).toEqual(['pos:1@2', 'pos:1@4', 'pos:3@5']);
    expect(result.appeals.size).toBe(0);
    const { appeals: _a, ...findings } = result;
    const { appeals: _b, ...wholeFindings } = whole;
    expect(findings).toEqual(wholeFindings);
    expect(result.warnings.some((w) => w.row === 4 && w.message.kind === 'duplicate-number' && w.message.params.earlierRow === 2)).toBe(true);
  });

  it('takes the municipality from the receiving body when the current one is regional, and lists only unknown bodies', () => {
    const result = run([
      POS_HEADER,
      posRow({ Номер: '20', 'Дата поступления': '01.11.2025', 'Организация, в которую поступило сообщение': 'Администрация Слободского района', 'Организация, в которой находится сообщение': 'Правительство Кировской области' }),
      posRow({ Номер: '21', 'Дата поступления': '01.11.2025', 'Организация, в которой находится сообщение': 'Правительство Кировской области' }),
    ]);
    expect(result.appeals.get('pos:20')?.municipality).toBe('slobodskoy');
    expect(result.appeals.get('pos:21')?.municipality).toBeNull();
    expect(result.appeals.get('pos:21')?.qualityFlags).toContain('unknown-municipality');
    expect([...result.needs.keys()].some((k) => k.startsWith('organisation'))).toBe(false);
  });

  it('keeps hostile text as plain text', () => {
    const result = run([POS_HEADER, posRow({ Номер: '9', 'Дата поступления': '01.11.2025', Факт: '=HYPERLINK("http://x","y")<script>alert(1)</script>' })]);
    expect(result.appeals.get('pos:9')?.text).toBe('=HYPERLINK("http://x","y")<script>alert(1)</script>');
  });
});

describe('file-level problems', () => {
  it('empty file, headers only, unknown sheet', () => {
    expect(fails([]).code).toBe('empty');
    expect(fails([[], ['']]).code).toBe('empty');
    expect(fails([POS_HEADER]).code).toBe('no-rows');
    expect(fails([['Имя', 'Фамилия', 'Возраст'], ['a', 'b', '3']]).code).toBe('no-header');
  });
  it('names missing required columns', () => {
    const e = fails([['Номер', 'Категория', 'Подкатегория', 'Статус', 'Стадия'], ['1', 'a', 'b', 'c', 'd']]);
    expect(e.code).toBe('missing-columns');
    expect(e.reason).toEqual({ kind: 'missing-columns', params: { columns: expect.arrayContaining(['Дата поступления']) } });
  });
  it('refuses a duplicate required column', () => {
    const e = fails([['Номер', 'Номер', 'Дата поступления', 'Статус', 'Категория'], ['1', '2', '01.11.2025', 'x', 'y']]);
    expect(e.code).toBe('duplicate-columns');
    expect(e.reason).toEqual({ kind: 'duplicate-columns', params: { columns: ['Номер'] } });
  });
});

describe('ИМ rows', () => {
  it('reads address parts, URL, importance, time to answer, outcome and reaction', () => {
    const header = ['Номер инцидента', 'Дата создания', 'Дата закрытия', 'Группа тем', 'Тема', 'Регион', 'Муниципалитет', 'Населенный пункт', 'Улица', 'Дом', 'Теги', 'Текст инцидента', 'Урл блога', 'Причина закрытия', 'Тип инцидента', 'Итог', 'Исполнитель', 'Время до ответа', 'Важность'];
    const result = run([
      header,
      ['77', '01.11.2025 08:00', '02.11.2025 09:00', 'ЖКХ', 'Отопление', 'Кировская область', 'Киров', 'Киров', 'ул. Ленина', '5', 'отопление, холодно', 'Холодно в квартире', 'https://vk.com/wall-1_2', 'Автор доволен', 'Решаемый', 'Решено', 'Администрация города Кирова', '3:30:00', 'Высокая'],
    ]);
    expect(result.type).toBe('im');
    expect(result.appeals.get('im:77')).toMatchObject({
      source: 'im',
      category: 'ЖКХ',
      subcategory: 'Отопление',
      sector: 'housing',
      municipality: 'kirov',
      settlement: 'Киров',
      address: 'ул. Ленина, 5',
      tags: ['отопление', 'холодно'],
      url: 'https://vk.com/wall-1_2',
      channel: 'ВКонтакте',
      reaction: 'satisfied',
      outcome: 'resolved',
      importance: 'high',
      answerHours: 3.5,
      answeredAt: Date.UTC(2025, 10, 1, 8, 30),
    });
  });
});

describe('59-ФЗ register rows', () => {
  it('keeps personal data apart and the extended deadline', () => {
    const header = ['Регистрационный номер', 'Дата регистрации', 'Срок ответа', 'Продлённый срок', 'Статус', 'Тематика', 'Исполнитель', 'Краткое содержание', 'ФИО заявителя', 'Телефон заявителя'];
    const result = run([header, ['01-15/123', '03.11.2025', '03.12.2025', '25.12.2025', 'На рассмотрении', 'Образование', 'Администрация Слободского района', 'Про школу', 'Петров П. П.', '+79120000000']]);
    const a = result.appeals.get('letter59:01-15/123');
    expect(a).toMatchObject({ regime: 'fz59', sector: 'education', municipality: 'slobodskoy', text: 'Про школу' });
    expect(a?.personal).toMatchObject({ fullName: 'Петров П. П.', phone: '+79120000000' });
    expect(a?.deadline?.originalDueAt).toBe(Date.UTC(2025, 11, 3, 21, 0) - 1);
    expect(a?.deadline?.dueAt).toBe(Date.UTC(2025, 11, 25, 21, 0) - 1);
  });
});
