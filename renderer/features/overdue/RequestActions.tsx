import { useState } from 'react';
import { useCan } from '../../runtime/use-access';
import { Button } from '../../ui/Button';
import { useT } from '../../i18n';
import { overdueMessages } from './messages';

interface Props {
  open: boolean;
  answering: boolean;
  onAnswer(): void;
  onCancel(): void;
  onSubmit(answer: string): void;
}

/** An open request's actions: record the organisation's answer (inline) or cancel the request. */
export function RequestActions({ open, answering, onAnswer, onCancel, onSubmit }: Props) {
  const t = useT(overdueMessages);
  const [answer, setAnswer] = useState('');
  const mayEdit = useCan('records.edit');
  if (!mayEdit) return null;
  return (
    <div className="overdue__actions">
      {open && !answering ? (
        <>
          <Button size="small" onClick={onAnswer}>
            {t('markAnswered')}
          </Button>
          <Button size="small" variant="ghost" onClick={onCancel}>
            {t('cancelRequest')}
          </Button>
        </>
      ) : null}
      {answering ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(answer);
          }}
        >
          <input aria-label={t('formAnswer')} placeholder={t('formAnswer')} value={answer} onChange={(e) => setAnswer(e.target.value)} maxLength={2000} />
          <Button size="small" type="submit" variant="primary">
            {t('formSubmit')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
