/** The card's read-only sections; each renders record values as text. */
import { controlNewHref, type ControlRecordKind } from '../../app/control-links';
import type { Appeal } from '../../../shared/domain/appeal';
import { DEFAULT_DEADLINE_RULES, withOverrides } from '../../../shared/domain/deadline-rules';
import { municipalityById, type RegionPack } from '../../../shared/domain/region-pack';
import { sectorById, sectorsOf } from '../../../shared/domain/sectors';
import { formatDateTime, formatNumber, type Locale } from '../../../shared/format/ru';
import type { StoredAppeal } from '../../db/schema';
import type { Escalation, InfoRequest } from '../../db/cur-records-repo';
import { useSharedRecordStandings } from '../../sync/centre/use-record-standings';
import { SyncStateBadge } from '../../ui/SyncStateBadge';
import { appealHref } from '../../app/registry-filter';
import { importanceLabel, infoRequestKindLabel, outcomeLabel, qualityFlagLabel, reactionLabel, sourceLabel, statusLabel } from '../../export/appeal-labels';
import { deadlineStateOf } from '../../export/deadline-state';
import { useLang, useT } from '../../i18n';
import { deadlineExplanationText, ruleLabel } from '../../i18n/deadline-explanation';
import { cardMessages } from './messages';
import { appealTimeline } from './timeline';
import { safeHttpUrl } from './text-safety';

type T = ReturnType<typeof useT<keyof (typeof cardMessages)['ru']>>;

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <bdi>{value === null || value === undefined || value === '' ? '—' : value}</bdi>
      </dd>
    </>
  );
}

export function FieldsSection({ appeal, pack, timeZone }: { appeal: Appeal; pack: RegionPack; timeZone: string }) {
  const t = useT(cardMessages);
  const lang = useLang();
  const yesNo = (v: boolean | null) => (v === null ? null : v ? t('yes') : t('no'));
  const sector = sectorById(sectorsOf(pack), appeal.sector);
  return (
    <dl className="dl appeal-fields" data-testid="appeal-fields">
      <Field label={t('source')} value={sourceLabel(appeal.source, lang)} />
      <Field label={t('externalId')} value={appeal.externalId} />
      <Field label={t('secondaryId')} value={appeal.secondaryId} />
      <Field label={t('channel')} value={appeal.channel} />
      <Field label={t('regime')} value={appeal.regime === 'fz59' ? t('regimeFz59') : t('regimeMessage')} />
      <Field label={t('status')} value={statusLabel(appeal.status, lang)} />
      <Field label={t('statusRaw')} value={appeal.statusRaw} />
      <Field label={t('stage')} value={appeal.stage} />
      <Field label={t('sector')} value={appeal.sectorMapped ? sector.name : `${sector.name} (${t('sectorUnmapped')})`} />
      <Field label={t('category')} value={appeal.category} />
      <Field label={t('subcategory')} value={appeal.subcategory} />
      <Field label={t('fact')} value={appeal.fact} />
      <Field label={t('orgReceived')} value={appeal.orgReceived} />
      <Field label={t('orgCurrent')} value={appeal.orgCurrent} />
      <Field label={t('executor')} value={appeal.executor} />
      <Field label={t('municipality')} value={municipalityById(pack, appeal.municipality)?.name ?? appeal.municipality} />
      <Field label={t('settlement')} value={appeal.settlement} />
      <Field label={t('address')} value={appeal.address} />
      <Field label={t('fastTrack')} value={yesNo(appeal.fastTrack)} />
      <Field label={t('resolutionType')} value={appeal.resolutionType} />
      <Field label={t('outcome')} value={appeal.outcome === null ? null : outcomeLabel(appeal.outcome, lang)} />
      <Field label={t('importance')} value={appeal.importance === null ? null : importanceLabel(appeal.importance, lang)} />
      <Field label={t('answerHours')} value={appeal.answerHours === null ? null : t('hoursValue', { hours: formatNumber(appeal.answerHours, 1, lang) })} />
      <Field label={t('rating')} value={appeal.rating === null ? null : formatNumber(appeal.rating, 0, lang)} />
      <Field label={t('reaction')} value={appeal.reaction === null ? null : reactionLabel(appeal.reaction, lang)} />
      <Field label={t('platformOverdue')} value={yesNo(appeal.platformOverdue)} />
      <Field label={t('tags')} value={appeal.tags.join(', ')} />
      <Field label={t('updatedAt')} value={formatDateTime(appeal.updatedAt, timeZone, lang)} />
      <Field label={t('importOrigin')} value={appeal.import ? t('importOriginValue', { file: appeal.import.fileName, row: appeal.import.row }) : null} />
      <Field label={t('qualityFlags')} value={appeal.qualityFlags.map((f) => qualityFlagLabel(f, lang)).join(', ')} />
    </dl>
  );
}

export function TimelineSection({ appeal, timeZone }: { appeal: Appeal; timeZone: string }) {
  const t = useT(cardMessages);
  const lang = useLang();
  const when = (at: number) => formatDateTime(at, timeZone, lang);
  return (
    <>
      <ol className="appeal-timeline" data-testid="appeal-timeline">
        {appealTimeline(appeal).map((e, i) => (
          <li key={i} className={`appeal-timeline__item appeal-timeline__item--${e.kind}`}>
            {e.at !== null ? <time className="tabular">{when(e.at)}</time> : null}{' '}
            {e.kind === 'extended'
              ? t('event.extended', { from: when(e.from), to: when(e.to) })
              : e.kind === 'current'
                ? t('event.current', { status: statusLabel(e.status, lang), raw: e.statusRaw })
                : e.kind === 'answered' && e.late
                  ? t('event.answeredLate')
                  : t(`event.${e.kind}`)}
          </li>
        ))}
      </ol>
      <p className="registry-note">{t('timelineNote')}</p>
    </>
  );
}

export function DeadlineSection({ appeal, pack, timeZone, now }: { appeal: Appeal; pack: RegionPack; timeZone: string; now: number }) {
  const t = useT(cardMessages);
  const lang = useLang();
  const d = appeal.deadline;
  if (!d) return <p data-testid="appeal-deadline">{t('noDeadline')}</p>;
  const rules = withOverrides(DEFAULT_DEADLINE_RULES, pack.deadlineOverrides);
  const found = rules.rules.find((r) => r.id === d.ruleId);
  const rule = d.ruleId === 'record' ? t('ruleRecord') : found ? ruleLabel(found.id, found.label, lang) : d.ruleId;
  const state = deadlineStateOf(appeal, now, lang);
  return (
    <dl className="dl" data-testid="appeal-deadline">
      <dt>{t('dueAt')}</dt>
      <dd>
        {formatDateTime(d.dueAt, timeZone, lang)} — <span className={`tone-text tone-text--${state.tone}`}>{state.text}</span>
      </dd>
      {d.originalDueAt !== null ? (
        <>
          <dt>{t('originalDueAt')}</dt>
          <dd>{formatDateTime(d.originalDueAt, timeZone, lang)}</dd>
        </>
      ) : null}
      <dt>{t('explanation')}</dt>
      <dd data-testid="deadline-explanation" data-kind={typeof d.explanation === 'string' ? 'text' : d.explanation.kind}>
        <bdi>{deadlineExplanationText(d.explanation, lang, timeZone)}</bdi>
      </dd>
      <dt>{t('rule')}</dt>
      <dd>
        {rule} ({t('ruleVersion', { version: d.ruleVersion })}){d.hourBased ? `; ${t('hourBased')}` : ''}
      </dd>
      <dt>{t('calendar')}</dt>
      <dd>{t('calendarWorking', { zone: timeZone })}</dd>
    </dl>
  );
}

function AppealLink({ appeal, timeZone, lang }: { appeal: StoredAppeal; timeZone: string; lang: Locale }) {
  return (
    <a href={appealHref(appeal.id)}>
      № {appeal.externalId} — {formatDateTime(appeal.receivedAt, timeZone, lang)} — {statusLabel(appeal.status, lang)}
    </a>
  );
}

export function RelatedSection(props: { appeal: Appeal; original: StoredAppeal | null; repeats: StoredAppeal[]; repeatCount: number; timeZone: string }) {
  const t = useT(cardMessages);
  const lang = useLang();
  const { appeal, original, repeats, repeatCount, timeZone } = props;
  return (
    <div data-testid="appeal-related">
      {appeal.originalId ? (
        <p>
          {t('original')}:{' '}
          {original ? <AppealLink appeal={original} timeZone={timeZone} lang={lang} /> : t('originalMissing', { id: appeal.originalId })}
        </p>
      ) : null}
      {repeatCount > 0 ? (
        <>
          <p>
            {t('repeats', { count: formatNumber(repeatCount) })}
            {repeatCount > repeats.length ? `, ${t('repeatsMore', { shown: repeats.length })}` : ''}
          </p>
          <ul>
            {repeats.map((r) => (
              <li key={r.id}>
                <AppealLink appeal={r} timeZone={timeZone} lang={lang} />
              </li>
            ))}
          </ul>
        </>
      ) : !appeal.originalId ? (
        <p className="registry-note">{t('noRelated')}</p>
      ) : null}
    </div>
  );
}

export function SourceLinkSection({ url }: { url: string | null }) {
  const t = useT(cardMessages);
  if (!url) return <p className="registry-note">{t('noLink')}</p>;
  const safe = safeHttpUrl(url);
  return (
    <div data-testid="appeal-link">
      <p className="appeal-link__url">
        <bdi>{url}</bdi>
      </p>
      {safe ? (
        <a href={safe} target="_blank" rel="noopener noreferrer">
          {t('linkOpen')}
        </a>
      ) : (
        <p className="registry-error">{t('linkUnsafe')}</p>
      )}
    </div>
  );
}

export function CurRecordsSection({
  appeal,
  escalations,
  infoRequests,
  timeZone,
}: {
  appeal: { id: string; externalId: string };
  escalations: Escalation[];
  infoRequests: InfoRequest[];
  timeZone: string;
}) {
  const t: T = useT(cardMessages);
  const lang = useLang();
  const when = (at: number) => formatDateTime(at, timeZone, lang);
  const standings = useSharedRecordStandings([...escalations, ...infoRequests]);
  const start = (kind: ControlRecordKind) => controlNewHref(kind, { appeal: appeal.id, label: appeal.externalId });
  return (
    <div data-testid="appeal-cur-records">
      <p className="appeal-card__cur-actions">
        <a href={start('escalation')} data-testid="appeal-control-escalate">
          {t('controlEscalate')}
        </a>{' '}
        · <a href={start('info-request')}>{t('controlRequest')}</a> · <a href={start('instruction')}>{t('controlInstruction')}</a>
      </p>
      <h3>{t('escalations')}</h3>
      {escalations.length === 0 ? (
        <p className="registry-note">{t('noEscalations')}</p>
      ) : (
        <ul>
          {escalations.map((e) => (
            <li key={e.id} data-testid="appeal-escalation">
              {t('escalationLine', { when: when(e.createdAt), who: e.createdBy, assignee: e.assignee, status: t(`esc.${e.status}`) })}{' '}
              <SyncStateBadge state={standings?.get(e.id)} />
              {e.note ? (
                <>
                  <br />
                  <bdi className="registry-note">{e.note}</bdi>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('infoRequests')}</h3>
      {infoRequests.length === 0 ? (
        <p className="registry-note">{t('noInfoRequests')}</p>
      ) : (
        <ul>
          {infoRequests.map((r) => (
            <li key={r.id} data-testid="appeal-info-request">
              {r.dueAt === null
                ? t('infoRequestLineNoTerm', { when: when(r.createdAt), body: r.body, kind: infoRequestKindLabel(r.kind, lang), status: t(`req.${r.status}`) })
                : t('infoRequestLine', { when: when(r.createdAt), body: r.body, kind: infoRequestKindLabel(r.kind, lang), status: t(`req.${r.status}`), due: when(r.dueAt) })}{' '}
              <SyncStateBadge state={standings?.get(r.id)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
