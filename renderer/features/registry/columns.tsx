/**
 * The registry's columns: id, default width and cell rendering. Cells are React text (never HTML);
 * long texts are cut to one line here and shown in full on the card.
 */
import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { StoredAppeal } from '../../db/schema';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { municipalityById } from '../../../shared/domain/region-pack';
import { sectorById, sectorsOf } from '../../../shared/domain/sectors';
import { formatDateTime, formatNumber, type Locale } from '../../../shared/format/ru';
import { deadlineStateOf } from '../../export/deadline-state';
import { appealHref } from '../../app/registry-filter';
import { sourceLabel, statusLabel } from '../../export/appeal-labels';
import { translate } from '../../i18n';
import { registryMessages } from './messages';

export const COLUMN_IDS = [
  'externalId',
  'receivedAt',
  'source',
  'channel',
  'sector',
  'category',
  'municipality',
  'organisation',
  'executor',
  'status',
  'dueAt',
  'deadlineState',
  'answeredAt',
  'repeat',
  'rating',
  'text',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const DEFAULT_VISIBLE: readonly ColumnId[] = [
  'externalId',
  'receivedAt',
  'sector',
  'category',
  'municipality',
  'organisation',
  'status',
  'dueAt',
  'deadlineState',
  'text',
];

export const DEFAULT_WIDTHS: Record<ColumnId, number> = {
  externalId: 120,
  receivedAt: 130,
  source: 120,
  channel: 110,
  sector: 100,
  category: 170,
  municipality: 150,
  organisation: 190,
  executor: 150,
  status: 150,
  dueAt: 130,
  deadlineState: 150,
  answeredAt: 130,
  repeat: 60,
  rating: 70,
  text: 360,
};

/** One line, at most 200 characters: the table never lays out a 100 KB text. */
function oneLine(text: string): string {
  const cut = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return cut.replace(/\s+/g, ' ');
}

export function buildColumns(pack: RegionPack, timeZone: string, now: number, lang: Locale): ColumnDef<StoredAppeal>[] {
  const sectors = sectorsOf(pack);
  const t = (key: `col.${ColumnId}`) => translate(registryMessages, lang, key);
  const col = (id: ColumnId, cell: (row: StoredAppeal) => ReactNode, numeric = false): ColumnDef<StoredAppeal> => ({
    id,
    header: t(`col.${id}`),
    size: DEFAULT_WIDTHS[id],
    minSize: 50,
    maxSize: 900,
    cell: (info) => cell(info.row.original),
    meta: { numeric },
  });
  return [
    col('externalId', (r) => (
      <a href={appealHref(r.id)} tabIndex={-1}>
        {r.externalId}
      </a>
    )),
    col('receivedAt', (r) => formatDateTime(r.receivedAt, timeZone, lang)),
    col('source', (r) => sourceLabel(r.source, lang)),
    col('channel', (r) => r.channel ?? '—'),
    col('sector', (r) => sectorById(sectors, r.sector).shortName),
    col('category', (r) => r.category ?? '—'),
    col('municipality', (r) => municipalityById(pack, r.municipality)?.shortName ?? r.municipality ?? '—'),
    col('organisation', (r) => r.orgCurrent ?? '—'),
    col('executor', (r) => r.executor ?? '—'),
    col('status', (r) => statusLabel(r.status, lang)),
    col('dueAt', (r) => (r.deadline ? formatDateTime(r.deadline.dueAt, timeZone, lang) : '—')),
    col('deadlineState', (r) => {
      const state = deadlineStateOf(r, now, lang);
      return <span className={`tone-text tone-text--${state.tone}`}>{state.text}</span>;
    }),
    col('answeredAt', (r) => formatDateTime(r.answeredAt, timeZone, lang)),
    col('repeat', (r) => (r.isRepeat ? translate(registryMessages, lang, 'yes') : '')),
    col('rating', (r) => (r.rating === null ? '—' : formatNumber(r.rating)), true),
    // A text sealed as personal data (renderer/personal-vault/texts-policy.ts) opens on the card only.
    col('text', (r) => (r.sealedText ? <span className="registry-note">{translate(registryMessages, lang, 'textSealed')}</span> : <bdi>{oneLine(r.text)}</bdi>)),
  ];
}
