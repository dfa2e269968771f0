import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { getAppeal } from '../../db/appeals-repo';
import { EscalateForm } from './EscalateForm';
import { RequestForm } from './RequestForm';
import { useOverdueView } from './store';

/** The escalation / information-request form for the appeal chosen in the list. */
export function ActionForm() {
  const action = useOverdueView((s) => s.action);
  const close = useOverdueView((s) => s.closeAction);
  const appeal = useLiveQuery(() => (action ? getAppeal(getDb(), action.appealId) : Promise.resolve(undefined)), [action?.appealId]);
  if (!action || !appeal) return null;
  return (
    <div className="overdue__dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="overdue__dialog card" role="dialog" aria-modal="true" data-testid={`od-form-${action.kind}`}>
        {action.kind === 'escalate' ? (
          <EscalateForm key={appeal.id} appealId={appeal.id} externalId={appeal.externalId} sector={appeal.sector} onDone={close} />
        ) : (
          <RequestForm key={appeal.id} appealId={appeal.id} externalId={appeal.externalId} organisation={appeal.orgCurrent} onDone={close} />
        )}
      </div>
    </div>
  );
}
