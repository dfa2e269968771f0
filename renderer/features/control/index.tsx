/**
 * «Контроль»: the centre's control loop. `#/control` the control list (instructions, escalations,
 * requests by state and responsible body); `#/control/meetings` and `#/control/meeting/<id>` the
 * meetings with their instructions, the wall and the protocol; `#/control/instruction/<id>` and
 * `#/control/record/<id>` the cards; `#/control/new?kind=…&<subject>=…` a record started from any
 * screen (subject.ts); `#/control/protocol/<id>` the printable protocol.
 */
import { formatDateTime } from '../../../shared/format/ru';
import { parseHash, useHash } from '../../app/router';
import { useRegionPack } from '../../app/region';
import { useAppNow } from '../../app/use-app-now';
import { useLang, useT } from '../../i18n';
import { ControlList } from './ControlList';
import { InstructionCard } from './InstructionCard';
import { MeetingPage, NewMeetingPage } from './MeetingPage';
import { MeetingsList } from './MeetingsList';
import { controlMessages } from './messages';
import { NewRecordPage } from './NewRecordPage';
import { ProtocolView } from './ProtocolView';
import { RecordCard } from './RecordCard';
import { parseNewRecordQuery } from './subject';
import './control.css';

export default function ControlScreen() {
  const route = parseHash(useHash());
  const [view = '', id = ''] = route.rest;
  if (view === 'protocol') return <ProtocolView id={id} />;
  return (
    <div className="control stack" data-testid="control">
      <ControlHeader view={view} />
      <ControlBody view={view} id={id} query={route.query} />
    </div>
  );
}

function ControlBody({ view, id, query }: { view: string; id: string; query: URLSearchParams }) {
  switch (view) {
    case 'meetings':
      return <MeetingsList />;
    case 'meeting':
      return id === 'new' ? <NewMeetingPage /> : <MeetingPage key={id} id={id} />;
    case 'instruction':
      return <InstructionCard key={id} id={id} />;
    case 'record':
      return <RecordCard key={id} id={id} />;
    case 'new':
      return <NewRecordPage key={query.toString()} request={parseNewRecordQuery(query)} />;
    default:
      return <ControlList />;
  }
}

function ControlHeader({ view }: { view: string }) {
  const t = useT(controlMessages);
  const lang = useLang();
  const { timeZone } = useRegionPack();
  const now = useAppNow();
  const meetings = view === 'meetings' || view === 'meeting';
  return (
    <header className="control__header">
      <h1 className="control__title">{t('title')}</h1>
      <nav className="control__tabs" aria-label={t('title')}>
        <a href="#/control" aria-current={!meetings && view === '' ? 'page' : undefined} data-testid="control-tab-list">
          {t('tabInstructions')}
        </a>
        <a href="#/control/meetings" aria-current={meetings ? 'page' : undefined} data-testid="control-tab-meetings">
          {t('tabMeetings')}
        </a>
      </nav>
      <span className="control__muted" data-testid="control-state-at">
        {t('stateAt', { time: formatDateTime(now, timeZone, lang) })}
      </span>
    </header>
  );
}
