/**
 * KPI definitions as data (domain brief §4, §7): what each indicator counts, its formula and the
 * export columns it comes from, so every number on screen can show its definition. Working
 * interpretations marked [U] in the brief are said so in `note`.
 */
export type KpiUnit = 'count' | 'share' | 'hours' | 'days' | 'rating';

export interface KpiDefinition {
  /** Key in `Measures` (dotted for nested values). */
  id: string;
  name: string;
  formula: string;
  counts: string;
  /** Source columns: ПОС and ИМ export headers, or the record field for other sources. */
  columns: string[];
  unit: KpiUnit;
  better: 'higher' | 'lower' | 'neutral';
  target?: { value: number; note: string };
  note?: string;
}

const PERIOD = 'Обращения, поступившие в выбранный период, в выбранном срезе (регион, муниципалитет, организация, блок, источник)';

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'received',
    name: 'Поступило',
    formula: 'количество обращений с датой поступления в периоде',
    counts: PERIOD,
    columns: ['ПОС: Дата поступления', 'ИМ: Дата создания'],
    unit: 'count',
    better: 'neutral',
  },
  {
    id: 'open',
    name: 'В работе',
    formula: 'поступившие в периоде, по которым на текущий момент нет ответа',
    counts: PERIOD,
    columns: ['ПОС: Статус, Дата фактического завершения работ', 'ИМ: Дата закрытия'],
    unit: 'count',
    better: 'lower',
  },
  {
    id: 'overdue',
    name: 'Просрочено',
    formula: 'в работе и срок истёк (сейчас позже срока)',
    counts: PERIOD,
    columns: ['ПОС: Дата планируемого завершения работ', 'ИМ: Дата создания, Важность'],
    unit: 'count',
    better: 'lower',
    note: 'Срок — из выгрузки, иначе по правилам сроков; флаг платформы «Просрочено» показывается рядом. Отложенное обращение просрочено только относительно нового срока; пока новый срок не известен, оно считается отложенным, а не просроченным.',
  },
  {
    id: 'overdueShare',
    name: 'Доля просроченных',
    formula: 'просрочено / поступило',
    counts: PERIOD,
    columns: ['ПОС: Дата планируемого завершения работ', 'ИМ: Дата создания, Важность'],
    unit: 'share',
    better: 'lower',
  },
  {
    id: 'onTimeShare',
    name: 'Доля отвеченных в срок',
    formula: 'отвечено в срок / (отвечено в срок + отвечено с нарушением срока)',
    counts: 'Обращения периода, получившие ответ, у которых есть срок',
    columns: ['ПОС: Дата фактического завершения работ, Дата планируемого завершения работ', 'ИМ: Дата закрытия, Время до ответа'],
    unit: 'share',
    better: 'higher',
  },
  {
    id: 'answerTime.average',
    name: 'Среднее время ответа',
    formula: 'среднее (дата ответа − дата поступления); для ИМ — «Время до ответа»',
    counts: 'Обращения периода, получившие ответ',
    columns: ['ПОС: Дата поступления, Дата фактического завершения работ', 'ИМ: Время до ответа'],
    unit: 'days',
    better: 'lower',
    note: 'В часах для ИМ, в днях для остальных источников.',
  },
  {
    id: 'answerTime.median',
    name: 'Медианное время ответа',
    formula: 'медиана (дата ответа − дата поступления); для ИМ — «Время до ответа»',
    counts: 'Обращения периода, получившие ответ',
    columns: ['ПОС: Дата поступления, Дата фактического завершения работ', 'ИМ: Время до ответа'],
    unit: 'days',
    better: 'lower',
    note: 'В часах для ИМ, в днях для остальных источников.',
  },
  {
    id: 'answeredWithin8DaysShare',
    name: 'Доля ответов за 8 дней',
    formula: 'отвечено не позднее 8 суток после поступления / отвечено',
    counts: 'Обращения периода, получившие ответ',
    columns: ['ПОС: Дата поступления, Дата фактического завершения работ'],
    unit: 'share',
    better: 'higher',
    target: { value: 1, note: 'Федеральный ориентир 2025 г. для ПОС: ответ в течение 8 дней' },
  },
  {
    id: 'rating.average',
    name: 'Средняя оценка',
    formula: 'сумма оценок / число оценённых',
    counts: 'Обращения периода с оценкой 1–5',
    columns: ['ПОС: Оценка ответа заявителем'],
    unit: 'rating',
    better: 'higher',
  },
  {
    id: 'rating.satisfiedShare',
    name: 'Доля оценок 4–5',
    formula: 'оценок 4 и 5 / число оценённых',
    counts: 'Обращения периода с оценкой 1–5',
    columns: ['ПОС: Оценка ответа заявителем'],
    unit: 'share',
    better: 'higher',
    target: { value: 0.6, note: 'Федеральный ориентир 2025 г.: не менее 60 % оценок 4–5' },
  },
  {
    id: 'fastTrackShare',
    name: 'Доля ускоренного решения (фаст-трек)',
    formula: 'с признаком «Фаст-трек» / поступило',
    counts: PERIOD,
    columns: ['ПОС: Фаст-трек'],
    unit: 'share',
    better: 'higher',
    note: 'Рабочая трактовка показателя «механизмы ускоренного решения» (Киров, 6.1) [U].',
  },
  {
    id: 'fz59Share',
    name: 'Доля обращений по 59-ФЗ',
    formula: 'в режиме 59-ФЗ / поступило',
    counts: PERIOD,
    columns: ['ПОС: ФЗ, Заявитель выбрал подачу по 59-ФЗ'],
    unit: 'share',
    better: 'neutral',
  },
  {
    id: 'repeatShare',
    name: 'Доля повторных',
    formula: 'повторные / поступило',
    counts: PERIOD,
    columns: ['ПОС: Повторное рассмотрение', 'контакты заявителя (солёный хэш) + категория'],
    unit: 'share',
    better: 'lower',
    note: 'Повторное — по признаку источника или тот же заявитель с той же категорией в заданном окне [U].',
  },
  {
    id: 'postponedShare',
    name: 'Доля отложенных',
    formula: 'отложенные / поступило',
    counts: PERIOD,
    columns: ['ИМ: Итог = Отложено', 'ПОС: Статус «Перенос срока обработки утвержден»', 'ПОС: Тип решения «Запланировано»', '59-ФЗ: Срок продлен'],
    unit: 'share',
    better: 'lower',
    note: 'Отложенное — срок обработки перенесён утверждённым переносом (ПОС «Перенос срока обработки утвержден», продление по 59-ФЗ), ИМ «Итог = Отложено» или итог «отложено». Просроченным оно становится только после нового срока.',
  },
  {
    id: 'reactions.satisfied',
    name: 'Автор доволен',
    formula: 'инциденты с причиной закрытия «Автор доволен»',
    counts: 'Инциденты ИМ периода',
    columns: ['ИМ: Причина закрытия'],
    unit: 'count',
    better: 'higher',
  },
];

export function kpiById(id: string): KpiDefinition | null {
  return KPI_DEFINITIONS.find((k) => k.id === id) ?? null;
}
