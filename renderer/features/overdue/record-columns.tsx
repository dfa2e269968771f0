import { appealHref } from '../../app/registry-filter';
import { formatDateTime } from '../../../shared/format/ru';
import type { AppealSnapshot } from '../../db/cur-records-repo';
import { useLang, useT } from '../../i18n';
import { overdueMessages } from './messages';
import type { RowColumn } from './RowTable';

interface RecordLike {
  id: string;
  appealId: string;
  createdAt: number;
  appeal: AppealSnapshot;
  subject: { label: string };
}

/** The columns every CUR record list starts with: when, which appeal (a link), which sector. */
export function useRecordLeadColumns<R extends RecordLike>(timeZone: string, sectorName: (id: string) => string): RowColumn<R>[] {
  const t = useT(overdueMessages);
  const lang = useLang();
  return [
    { key: 'created', header: t('colCreated'), className: 'tabular', cell: (r) => formatDateTime(r.createdAt, timeZone, lang) },
    {
      key: 'appeal',
      header: t('colAppeal'),
      // Records started elsewhere than an appeal (a municipality, a spike…) open their card in «Контроль».
      cell: (r) => (r.appealId ? <a href={appealHref(r.appealId)}>{r.appeal.externalId}</a> : <a href={`#/control/record/${encodeURIComponent(r.id)}`}>{r.subject.label}</a>),
    },
    { key: 'sector', header: t('colSector'), cell: (r) => sectorName(r.appeal.sector) },
  ];
}
