/**
 * Deterministic stored appeals for the registry's unit tests and benchmark (a seeded PRNG, no
 * Math.random), written straight into the appeals table so the registry's reads are tested
 * independently of the sync and demo code.
 */
import { blankAppeal, type Appeal, type NormalizedStatus, type SourceKind } from '../../shared/domain/appeal';
import { rng } from './prng';
import type { StoredAppeal } from '../../renderer/db/schema';
import { regionDay } from '../../shared/domain/time';

const SECTORS = ['housing', 'roads', 'health', 'education', 'waste', 'other'];
const MUNIS = ['kirov', 'slobodskoy', 'kotelnich', 'vyatskiye-polyany', null];
const ORGS = ['Администрация г. Кирова', 'Минздрав Кировской области', 'ООО «УК Уют»', null];
const SOURCES: SourceKind[] = ['pos', 'im', 'letter59'];
const STATUSES: NormalizedStatus[] = ['new', 'assigned', 'extended', 'answered', 'closed', 'postponed', 'rejected'];
const CATEGORIES = ['Отопление', 'Ямы на дорогах', 'Запись к врачу', 'Вывоз мусора', 'Прочее'];
const TEXTS = [
  'Протекает крыша в доме, вода течёт по стенам',
  'Третью неделю не вывозят мусор с контейнерной площадки',
  'Огромные ямы на дороге, машины ломаются',
  'Не могу записаться к врачу через портал',
  'В квартире холодно, батареи ледяные',
  'После протечки крыши обвалился потолок',
];

const DAY = 86_400_000;

export interface TestAppealOptions {
  count: number;
  seed: number;
  /** Received instants spread over the 60 days before this. */
  now: number;
  startIndex?: number;
}

export function makeTestAppeals({ count, seed, now, startIndex = 0 }: TestAppealOptions): StoredAppeal[] {
  const rnd = rng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: StoredAppeal[] = [];
  for (let i = startIndex; i < startIndex + count; i++) {
    const source = pick(SOURCES);
    const status = pick(STATUSES);
    // Coarse times (whole hours) so many rows share index keys: paging must handle ties.
    const receivedAt = now - Math.floor(rnd() * 60 * 24) * 3_600_000;
    const hasDeadline = rnd() > 0.05;
    const dueAt = receivedAt + Math.floor(1 + rnd() * 30) * DAY;
    const open = !['answered', 'closed', 'rejected'].includes(status);
    const answeredAt = open || status === 'rejected' ? null : receivedAt + Math.floor(rnd() * 40) * DAY;
    const municipality = pick(MUNIS);
    const isRepeat = rnd() < 0.15;
    const rating = answeredAt !== null && rnd() < 0.6 ? 1 + Math.floor(rnd() * 5) : null;
    const externalId = String(i).padStart(7, '0');
    const appeal: Appeal = {
      ...blankAppeal(source, externalId, receivedAt),
      channel: source === 'pos' ? pick(['MED_DOC_EPGU', 'WIDGET']) : source === 'im' ? 'vk' : 'mail',
      regime: source === 'letter59' ? 'fz59' : 'message',
      registeredAt: receivedAt + 3_600_000,
      deadline: hasDeadline
        ? { dueAt, originalDueAt: null, ruleId: 'test', ruleVersion: 1, explanation: 'тестовый срок', hourBased: source === 'im' }
        : null,
      answeredAt,
      closedAt: status === 'closed' ? answeredAt : null,
      statusRaw: status,
      status,
      rating,
      isRepeat,
      category: pick(CATEGORIES),
      sector: pick(SECTORS),
      sectorMapped: true,
      orgCurrent: pick(ORGS),
      municipality,
      address: `ул. Ленина, ${1 + (i % 90)}`,
      text: pick(TEXTS),
      personal: { fullName: 'Иванов Иван Иванович', phone: '+7 912 345-67-89', email: 'ivanov@example.ru', address: null, applicantKey: null },
      updatedAt: receivedAt + 7_200_000,
    };
    const stored: StoredAppeal = { ...appeal, muniKey: municipality ?? '', receivedDay: regionDay(receivedAt, 'Europe/Moscow') };
    if (open && appeal.deadline) stored.openDueAt = appeal.deadline.dueAt;
    out.push(stored);
  }
  return out;
}
