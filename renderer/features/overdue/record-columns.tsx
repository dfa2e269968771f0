import { appealHref } from '../../app/registry-filter';
import { formatDateTime } from '../../../shared/format/ru';
import type { AppealSnapshot } from '../../db/cur-records-repo';
import { useLang, useT } from '../../i18n';
import { overdueMessages } from './messages';
import type { RowColumn } from './RowTable';

interface RecordLike {
  appealId: string;
  createdAt: number;
  appeal: AppealSnapshot;
}

/** The columns every CUR record list starts with: when, which appeal (a link), which sector. */
export function useRecordLeadColumns<R extends RecordLike>(timeZone: string, sectorName: (id: string) => string): RowColumn<R>[] {
  const t = useT(overdueMessages);
  const lang = useLang();
  return [
    { key: 'created', header: t('colCreated'), className: 'tabular', cell: (r) => formatDateTime(r.createdAt, timeZone, lang) },
    { key: 'appeal', header: t('colAppeal'), cell: (r) => <a href={appealHref(r.appealId)}>{r.appeal.externalId}</a> },
    { key: 'sector', header: t('colSector'), cell: (r) => sectorName(r.appeal.sector) },
  ];
}
