/**
 * «Карточка обращения» (`#/appeal/<id>`): everything the store knows about one appeal, read-only.
 * Texts from the record are rendered as React text only; the applicant's data stays masked until
 * the operator asks, and that is audited.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { now } from '../../runtime/clock';
import { useRegionPack } from '../../app/region';
import { registryHref } from '../../app/registry-filter';
import { parseHash, useHash } from '../../app/router';
import { getDb } from '../../db/db';
import { useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Skeleton } from '../../ui/Skeleton';
import { AppealMap } from './AppealMap';
import { CardText, sealedLinkHidden } from './CardText';
import { cardMessages } from './messages';
import { PersonalData } from './PersonalData';
import { loadAppealCard, type AppealCardData } from './queries';
import { useAppealReveal } from './use-appeal-reveal';
import type { RegionPack } from '../../../shared/domain/region-pack';
import type { CurDatabase } from '../../db/schema';
import { CurRecordsSection, DeadlineSection, FieldsSection, RelatedSection, SourceLinkSection, TimelineSection } from './sections';
import './appeal-card.css';

type LoadState = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; cause: string } | { kind: 'ready'; data: AppealCardData };

export default function AppealCardScreen() {
  const t = useT(cardMessages);
  const route = parseHash(useHash());
  const id = route.rest.join('/');
  const pack = useRegionPack();
  const db = getDb();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setState({ kind: 'loading' });
    loadAppealCard(db, id)
      .then((data) => alive && setState(data ? { kind: 'ready', data } : { kind: 'missing' }))
      .catch((e: unknown) => alive && setState({ kind: 'error', cause: e instanceof Error ? e.message : String(e) }));
    return () => {
      alive = false;
    };
  }, [db, id, attempt]);

  const back = (
    <a href={registryHref({})} className="appeal-card__back">
      {t('back')}
    </a>
  );
  if (state.kind === 'loading') {
    return (
      <div className="appeal-card" data-ready="false" aria-busy="true">
        {back}
        <h1>{t('loadingTitle')}</h1>
        <Skeleton lines={10} height={22} />
      </div>
    );
  }
  if (state.kind === 'missing') {
    return (
      <div className="appeal-card" data-ready="true">
        {back}
        <EmptyState title={t('notFoundTitle')} hint={t('notFoundHint', { id })} />
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <div className="appeal-card error-view" data-ready="true" role="alert">
        {back}
        <h2>{t('errorTitle')}</h2>
        <p>{t('errorHint', { cause: state.cause })}</p>
        <Button onClick={() => setAttempt((n) => n + 1)}>{t('retry')}</Button>
      </div>
    );
  }
  return <ReadyCard db={db} data={state.data} pack={pack} back={back} />;
}

/** The loaded card: one reveal shared by the text and «Заявитель» (use-appeal-reveal.ts). */
function ReadyCard({ db, data, pack, back }: { db: CurDatabase; data: AppealCardData; pack: RegionPack; back: ReactNode }) {
  const t = useT(cardMessages);
  const { appeal } = data;
  const reveal = useAppealReveal(db, appeal);
  const tz = pack.timeZone;
  return (
    <div className="appeal-card" data-ready="true" data-testid="appeal-card" data-appeal-id={appeal.id}>
      {back}
      <h1>
        {t('title', { number: '' })}
        <bdi>{appeal.externalId}</bdi>
      </h1>
      <div className="appeal-card__grid">
        <Card title={t('text')} className="appeal-card__text">
          <CardText appeal={appeal} reveal={reveal} />
        </Card>
        <Card title={t('deadline')}>
          <DeadlineSection appeal={appeal} pack={pack} timeZone={tz} now={now()} />
        </Card>
        <Card title={t('timeline')}>
          <TimelineSection appeal={appeal} timeZone={tz} />
        </Card>
        <Card title={t('personal')}>
          <PersonalData db={db} appeal={appeal} reveal={reveal} />
        </Card>
        <Card title={t('location')}>
          <AppealMap pack={pack} municipality={appeal.municipality} lat={appeal.lat} lon={appeal.lon} />
        </Card>
        <Card title={t('related')}>
          <RelatedSection appeal={appeal} original={data.original} repeats={data.repeats} repeatCount={data.repeatCount} timeZone={tz} />
        </Card>
        <Card title={t('cur')}>
          <CurRecordsSection appeal={appeal} escalations={data.escalations} infoRequests={data.infoRequests} timeZone={tz} />
        </Card>
        <Card title={t('link')}>
          {sealedLinkHidden(appeal, reveal) ? <p className="registry-note">{t('linkSealed')}</p> : <SourceLinkSection url={reveal.text ? reveal.text.url : appeal.url} />}
        </Card>
        <Card title={t('fields')} className="appeal-card__fields">
          <FieldsSection appeal={appeal} pack={pack} timeZone={tz} />
        </Card>
      </div>
    </div>
  );
}
