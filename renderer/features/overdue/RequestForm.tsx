import { useEffect, useState } from 'react';
import { getDb } from '../../db/db';
import { now } from '../../runtime/clock';
import { useT } from '../../i18n';
import { loadFormDefaults, requestInformation } from './actions';
import { Field, FormFrame } from './FormFrame';
import { overdueMessages } from './messages';
import { useActionSubmit } from './use-action-submit';

interface Props {
  appealId: string;
  externalId: string;
  organisation: string | null;
  onDone(): void;
}

/** Request information from an organisation; starts the 3-hour answer clock. */
export function RequestForm({ appealId, externalId, organisation, onDone }: Props) {
  const t = useT(overdueMessages);
  const [body, setBody] = useState(organisation ?? '');
  const [question, setQuestion] = useState('');
  const [by, setBy] = useState('');
  const { error, busy, run } = useActionSubmit(appealId, onDone);
  useEffect(() => {
    void loadFormDefaults(getDb(), '').then((d) => setBy((v) => v || d.by));
  }, []);
  return (
    <FormFrame
      title={t('formRequestTitle', { number: externalId })}
      hint={t('formClockHint')}
      byLabel={t('formRequestBy')}
      by={by}
      onBy={setBy}
      error={error}
      busy={busy}
      onSubmit={() => void run((appeal) => requestInformation(getDb(), appeal, { body, question, by }, now()))}
      onCancel={onDone}
    >
      <Field label={t('formBody')}>
        <input autoFocus value={body} onChange={(e) => setBody(e.target.value)} required maxLength={300} data-testid="od-body" />
      </Field>
      <Field label={t('formQuestion')}>
        <textarea value={question} onChange={(e) => setQuestion(e.target.value)} required rows={3} maxLength={2000} data-testid="od-question" />
      </Field>
    </FormFrame>
  );
}
