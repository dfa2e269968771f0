/**
 * The centre's indicators (ПП РФ № 1844 directions «Обратная связь» and «Процессы и методология»,
 * and the region's own), as data: a plain definition, the formula, the columns it reads, and
 * whether it is computed from appeals or entered by hand per quarter. The regulations publish only
 * the names (Kirov 6.1); the formulas are the centre's working interpretations [U] and are shown on
 * screen beside every value, so nobody reads a number without knowing what it counts.
 */
import type { SourceKind } from '../domain/appeal';

export const COMPUTED_INDICATOR_IDS = ['fast-track', 'auto-delivery', 'roadmap-coverage', 'info-systems', 'on-time', 'satisfaction', 'repeat'] as const;
export type ComputedIndicatorId = (typeof COMPUTED_INDICATOR_IDS)[number];

export const MANUAL_INDICATOR_IDS = ['trained-staff', 'social-bodies', 'decisions-reported', 'best-practices'] as const;
export type ManualIndicatorId = (typeof MANUAL_INDICATOR_IDS)[number];

export type IndicatorId = ComputedIndicatorId | ManualIndicatorId;
export const INDICATOR_IDS: readonly IndicatorId[] = [...COMPUTED_INDICATOR_IDS, ...MANUAL_INDICATOR_IDS];

export type IndicatorDirection = 'feedback' | 'process' | 'training' | 'informing' | 'region';
export type IndicatorUnit = 'share' | 'count';

interface Text {
  ru: string;
  en: string;
}

export interface IndicatorDefinition {
  id: IndicatorId;
  direction: IndicatorDirection;
  kind: 'computed' | 'manual';
  unit: IndicatorUnit;
  better: 'higher' | 'lower';
  name: Text;
  definition: Text;
  formula: Text;
  /** Export columns / record fields it reads (manual: who provides the figure). */
  columns: string[];
  /** Breakdowns that mean something for it. */
  breakdowns: readonly ('sector' | 'municipality')[];
  note?: Text;
}

export const DIRECTION_LABELS: Readonly<Record<IndicatorDirection, Text>> = {
  feedback: { ru: 'Обратная связь (ПП № 1844)', en: 'Feedback (Decree 1844)' },
  process: { ru: 'Процессы и методология (ПП № 1844)', en: 'Processes and methodology (Decree 1844)' },
  training: { ru: 'Обучение (ПП № 1844)', en: 'Training (Decree 1844)' },
  informing: { ru: 'Информирование (ПП № 1844)', en: 'Informing (Decree 1844)' },
  region: { ru: 'Показатели региона', en: "The region's own indicators" },
};

/** Sources whose appeals reach an executor through the platform's routing, not by hand [U]. */
export const AUTO_ROUTED_SOURCES: readonly SourceKind[] = ['pos', 'im', 'regional'];
/** Sources that are information systems (platforms, portals, voice and survey systems) [U]. */
export const INFO_SYSTEM_SOURCES: readonly SourceKind[] = ['pos', 'im', 'regional', 'voice', 'survey'];

const BOTH = ['sector', 'municipality'] as const;

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'fast-track',
    direction: 'feedback',
    kind: 'computed',
    unit: 'share',
    better: 'higher',
    name: { ru: 'Доля обращений, решённых с применением механизмов ускоренного решения', en: 'Share of appeals handled by fast-track mechanisms' },
    definition: {
      ru: 'Какая часть сообщений ПОС, поступивших за период, рассмотрена по фаст-треку.',
      en: 'What part of the ПОС messages received in the period went through the fast track.',
    },
    formula: { ru: 'сообщения ПОС с «Фаст-трек = Да» / все сообщения ПОС за период', en: 'ПОС messages with «Фаст-трек = Да» / all ПОС messages in the period' },
    columns: ['ПОС: Фаст-трек', 'ПОС: Дата поступления'],
    breakdowns: BOTH,
    note: { ru: 'Рабочая трактовка: «ускоренное решение» — фаст-трек ПОС.', en: 'Working interpretation: «accelerated resolution» is the ПОС fast track.' },
  },
  {
    id: 'auto-delivery',
    direction: 'feedback',
    kind: 'computed',
    unit: 'share',
    better: 'higher',
    name: { ru: 'Доля обращений, доставленных конечному исполнителю автоматически', en: 'Share of appeals delivered to the final executor automatically' },
    definition: {
      ru: 'Какая часть всех обращений периода пришла через систему с автоматической маршрутизацией (ПОС, ИМ, региональная система) и дошла до исполнителя.',
      en: 'What part of all appeals of the period came through a system with automatic routing (ПОС, ИМ, regional system) and reached an executor.',
    },
    formula: { ru: 'обращения из ПОС, ИМ и региональной системы с указанным исполнителем / все обращения за период', en: 'appeals from ПОС, ИМ and the regional system with an executor / all appeals in the period' },
    columns: ['Источник', 'ПОС: ФИО исполнителя', 'ИМ: Исполнитель'],
    breakdowns: BOTH,
    note: { ru: 'Федеральный ориентир — 50 % к 2024 г. Рабочая трактовка: источники не сообщают, была ли доставка ручной.', en: 'Federal target: 50 % by 2024. Working interpretation: sources do not say whether delivery was manual.' },
  },
  {
    id: 'roadmap-coverage',
    direction: 'process',
    kind: 'computed',
    unit: 'share',
    better: 'higher',
    name: { ru: 'Доля обращений по темам, охваченным выполненными мероприятиями дорожных карт', en: 'Share of appeals on topics covered by implemented roadmap measures' },
    definition: {
      ru: 'Какая часть обращений периода относится к темам и территориям мероприятий дорожных карт, выполненных к концу периода.',
      en: 'What part of the appeals of the period falls on the topics and territories of roadmap measures completed by the end of the period.',
    },
    formula: { ru: 'обращения с категорией мероприятия на территории его дорожной карты (мероприятие выполнено не позже конца периода) / все обращения за период', en: "appeals in a measure's category on its roadmap's territory (measure completed by the period's end) / all appeals in the period" },
    columns: ['ПОС: Категория', 'ИМ: Тема', 'Муниципалитет', 'Дорожные карты: темы, территория, дата выполнения мероприятия'],
    breakdowns: BOTH,
  },
  {
    id: 'info-systems',
    direction: 'process',
    kind: 'computed',
    unit: 'share',
    better: 'higher',
    name: { ru: 'Доля обращений, обработанных с использованием информационных систем', en: 'Share of appeals handled through information systems' },
    definition: {
      ru: 'Какая часть обращений периода поступила и обработана в информационных системах (ПОС, ИМ, региональная система, голосовые системы, опросы).',
      en: 'What part of the appeals of the period arrived and was handled in information systems (ПОС, ИМ, regional system, voice systems, surveys).',
    },
    formula: { ru: 'обращения из ПОС, ИМ, региональной системы, голосовых систем и опросов / все обращения за период', en: 'appeals from ПОС, ИМ, the regional system, voice systems and surveys / all appeals in the period' },
    columns: ['Источник'],
    breakdowns: BOTH,
    note: {
      ru: 'Почти 100 % по построению: всё, что видит ЦУР, уже в его системе. Письма по 59-ФЗ и официальные запросы здесь не считаются, хотя их могут вести в СЭД.',
      en: 'Close to 100 % by construction: whatever the centre sees is already in its system. Letters under 59-ФЗ and official requests are not counted, though they may be kept in an EDMS.',
    },
  },
  {
    id: 'on-time',
    direction: 'region',
    kind: 'computed',
    unit: 'share',
    better: 'higher',
    name: { ru: 'Доля ответов в срок', en: 'On-time share' },
    definition: { ru: 'Какая часть отвеченных обращений периода, у которых есть срок, отвечена не позже срока.', en: 'What part of the answered appeals of the period with a deadline was answered by the deadline.' },
    formula: { ru: 'отвечено в срок / (отвечено в срок + отвечено с нарушением срока)', en: 'answered on time / (answered on time + answered late)' },
    columns: ['ПОС: Дата фактического завершения работ, Дата планируемого завершения работ', 'ИМ: Дата закрытия, Время до ответа'],
    breakdowns: BOTH,
  },
  {
    id: 'satisfaction',
    direction: 'region',
    kind: 'computed',
    unit: 'share',
    better: 'higher',
    name: { ru: 'Удовлетворённость (оценки 4–5)', en: 'Satisfaction (ratings 4–5)' },
    definition: { ru: 'Какая часть оценённых заявителями ответов периода получила оценку 4 или 5.', en: 'What part of the answers of the period rated by applicants got 4 or 5.' },
    formula: { ru: 'оценок 4 и 5 / всех оценок 1–5', en: 'ratings 4 and 5 / all ratings 1–5' },
    columns: ['ПОС: Оценка ответа заявителем'],
    breakdowns: BOTH,
    note: { ru: 'Федеральный ориентир 2025 г. — не менее 60 %.', en: 'Federal target for 2025: at least 60 %.' },
  },
  {
    id: 'repeat',
    direction: 'region',
    kind: 'computed',
    unit: 'share',
    better: 'lower',
    name: { ru: 'Доля повторных обращений', en: 'Repeat share' },
    definition: { ru: 'Какая часть обращений периода — повторные: по признаку источника или тот же заявитель с той же проблемой.', en: 'What part of the appeals of the period are repeats: flagged by the source or the same applicant with the same problem.' },
    formula: { ru: 'повторные / все обращения за период', en: 'repeats / all appeals in the period' },
    columns: ['ПОС: Повторное рассмотрение', 'контакты заявителя (солёный хэш) + категория'],
    breakdowns: BOTH,
  },
  {
    id: 'trained-staff',
    direction: 'training',
    kind: 'manual',
    unit: 'count',
    better: 'higher',
    name: { ru: 'Число обученных сотрудников', en: 'Staff trained' },
    definition: { ru: 'Сколько сотрудников органов и ЦУР прошли обучение работе с обратной связью за квартал.', en: 'How many staff of bodies and the centre were trained in handling feedback in the quarter.' },
    formula: { ru: 'вводится вручную за квартал', en: 'entered by hand per quarter' },
    columns: ['ввод оператора ЦУР'],
    breakdowns: [],
  },
  {
    id: 'social-bodies',
    direction: 'informing',
    kind: 'manual',
    unit: 'share',
    better: 'higher',
    name: { ru: 'Доля органов, взаимодействующих с гражданами через официальные страницы в соцсетях', en: 'Share of bodies interacting with citizens through official social-network pages' },
    definition: { ru: 'Какая часть региональных органов и муниципалитетов ведёт официальные страницы и отвечает на них гражданам.', en: 'What part of regional bodies and municipalities run official pages and answer citizens there.' },
    formula: { ru: 'вводится вручную за квартал, в процентах', en: 'entered by hand per quarter, in percent' },
    columns: ['ввод оператора ЦУР'],
    breakdowns: [],
    note: { ru: 'Федеральный ориентир — 60 %.', en: 'Federal target: 60 %.' },
  },
  {
    id: 'decisions-reported',
    direction: 'process',
    kind: 'manual',
    unit: 'share',
    better: 'higher',
    name: { ru: 'Доля решений, принятых с участием граждан через ПОС, о которых сообщено в соцсетях', en: 'Share of decisions taken with citizens through ПОС reported back in social networks' },
    definition: { ru: 'Какая часть решений по голосованиям и опросам ПОС доведена до граждан в официальных соцсетях.', en: 'What part of decisions from ПОС votes and surveys were reported back in official social networks.' },
    formula: { ru: 'вводится вручную за квартал, в процентах', en: 'entered by hand per quarter, in percent' },
    columns: ['ввод оператора ЦУР'],
    breakdowns: [],
  },
  {
    id: 'best-practices',
    direction: 'process',
    kind: 'manual',
    unit: 'count',
    better: 'higher',
    name: { ru: 'Число лучших практик', en: 'Best practices' },
    definition: { ru: 'Сколько практик ЦУР за квартал признаны лучшими или переданы в другие регионы.', en: 'How many of the centre’s practices were recognised as best practices or shared with other regions in the quarter.' },
    formula: { ru: 'вводится вручную за квартал', en: 'entered by hand per quarter' },
    columns: ['ввод оператора ЦУР'],
    breakdowns: [],
  },
];

export function indicatorById(id: string): IndicatorDefinition | null {
  return INDICATORS.find((d) => d.id === id) ?? null;
}

export function isIndicatorId(id: unknown): id is IndicatorId {
  return typeof id === 'string' && INDICATORS.some((d) => d.id === id);
}

export function isManualIndicatorId(id: unknown): id is ManualIndicatorId {
  return typeof id === 'string' && (MANUAL_INDICATOR_IDS as readonly string[]).includes(id);
}

/** Whether a value meets a target, by the indicator's direction (null when either is unknown). */
export function meetsTarget(def: Pick<IndicatorDefinition, 'better'>, value: number | null, target: number | null): boolean | null {
  if (value === null || target === null) return null;
  return def.better === 'higher' ? value >= target : value <= target;
}
