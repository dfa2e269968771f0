/**
 * The columns of an appeals export (registry, overdue control, reports): Russian headers, dates
 * as dates, and the applicant's personal data masked unless the operator explicitly asked for it.
 */
import type { Appeal } from '../../shared/domain/appeal';
import type { SealedPersonal } from '../personal-vault/sealed';
import { municipalityById, type RegionPack } from '../../shared/domain/region-pack';
import { sectorById, sectorsOf } from '../../shared/domain/sectors';
import { sourceLabel, statusLabel } from './appeal-labels';
import { maskAddress, maskEmail, maskName, maskPhone, SEALED_MASKS } from './mask';
import type { ExportColumn } from './table-export';

export interface AppealColumnsOptions {
  pack: RegionPack;
  /** Personal data in clear text (the operator ticked it; the export is audited either way). */
  showPersonal: boolean;
}

/** An exported row: personal data in clear (opened after the audit, or never sealed) or sealed. */
export type ExportAppeal = Appeal & { sealedPersonal?: SealedPersonal };

/** A cell of a field whose key is lost (renderer/personal-vault): said, not left blank. */
export const PERSONAL_KEY_LOST_CELL = 'недоступно: ключ утрачен';

export function appealExportColumns({ pack, showPersonal }: AppealColumnsOptions): ExportColumn<ExportAppeal>[] {
  const sectors = sectorsOf(pack);
  const personal = (field: keyof typeof SEALED_MASKS, mask: (v: string | null) => string | null) => (a: ExportAppeal) => {
    if (a.personal) return showPersonal ? a.personal[field] : mask(a.personal[field]);
    const sealed = a.sealedPersonal;
    if (!sealed?.present[field]) return null;
    // Still sealed: masked without the key, or (in clear) a record whose key is lost.
    return showPersonal ? PERSONAL_KEY_LOST_CELL : SEALED_MASKS[field];
  };
  return [
    { header: 'Номер', kind: 'text', width: 16, value: (a) => a.externalId },
    { header: 'Источник', kind: 'text', width: 18, value: (a) => sourceLabel(a.source) },
    { header: 'Канал', kind: 'text', width: 14, value: (a) => a.channel },
    { header: '59-ФЗ', kind: 'text', width: 8, value: (a) => (a.regime === 'fz59' ? 'Да' : 'Нет') },
    { header: 'Дата поступления', kind: 'datetime', value: (a) => a.receivedAt },
    { header: 'Срок ответа', kind: 'datetime', value: (a) => a.deadline?.dueAt ?? null },
    { header: 'Срок продлён', kind: 'text', width: 10, value: (a) => (a.deadline?.originalDueAt != null ? 'Да' : 'Нет') },
    { header: 'Дата ответа', kind: 'datetime', value: (a) => a.answeredAt },
    { header: 'Дата закрытия', kind: 'datetime', value: (a) => a.closedAt },
    { header: 'Статус', kind: 'text', width: 20, value: (a) => statusLabel(a.status) },
    { header: 'Статус в источнике', kind: 'text', width: 20, value: (a) => a.statusRaw },
    { header: 'Отрасль', kind: 'text', width: 14, value: (a) => sectorById(sectors, a.sector).shortName },
    { header: 'Категория', kind: 'text', width: 28, value: (a) => a.category },
    { header: 'Подкатегория', kind: 'text', width: 28, value: (a) => a.subcategory },
    { header: 'Муниципалитет', kind: 'text', width: 24, value: (a) => municipalityById(pack, a.municipality)?.name ?? a.municipality },
    { header: 'Организация', kind: 'text', width: 32, value: (a) => a.orgCurrent },
    { header: 'Исполнитель', kind: 'text', width: 24, value: (a) => a.executor },
    { header: 'Повторное', kind: 'text', width: 10, value: (a) => (a.isRepeat ? 'Да' : 'Нет') },
    { header: 'Оценка заявителя', kind: 'number', width: 10, value: (a) => a.rating },
    { header: 'Адрес проблемы', kind: 'text', width: 30, value: (a) => a.address },
    { header: 'Текст обращения', kind: 'text', width: 60, value: (a) => a.text },
    { header: 'Ссылка', kind: 'text', width: 30, value: (a) => a.url },
    { header: 'ФИО заявителя', kind: 'text', width: 24, value: personal('fullName', maskName) },
    { header: 'Телефон заявителя', kind: 'text', width: 18, value: personal('phone', maskPhone) },
    { header: 'E-mail заявителя', kind: 'text', width: 22, value: personal('email', maskEmail) },
    { header: 'Адрес заявителя', kind: 'text', width: 24, value: personal('address', maskAddress) },
  ];
}
