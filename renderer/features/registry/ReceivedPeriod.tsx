/**
 * The registry's «С / По» bounds on the day an appeal was received, typed as dd.mm.yyyy like the
 * top bar's period. Unlike that period, either end may be left empty (no bound). A typed range is
 * applied only when every filled end is a real day and the two are in order; until then the
 * applied filter stays and the problem is said next to the fields.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { checkPeriodEntry, type PeriodEntryError } from '../../app/period';
import { shellMessages } from '../../app/messages';
import { useT } from '../../i18n';
import { DayInput } from '../../ui/DayInput';
import { registryMessages } from './messages';

type End = 'from' | 'to';
/** A typed end: a `YYYY-MM-DD` day, '' for no bound, null for text that is not a day. */
type Entry = string | null;
type Bounds = Record<End, Entry>;

interface ReceivedPeriodProps {
  from: string | undefined;
  to: string | undefined;
  /** Called with a range that passed the check and differs from the applied one. */
  onApply(bounds: { from: string | undefined; to: string | undefined }): void;
}

const ERROR_KEYS: Record<PeriodEntryError, 'periodFromInvalid' | 'periodToInvalid' | 'periodReversed'> = {
  'from-invalid': 'periodFromInvalid',
  'to-invalid': 'periodToInvalid',
  reversed: 'periodReversed',
};

/** As checkPeriodEntry, but an empty end is an open bound, so only two real days can be reversed. */
export function checkBoundsEntry(from: Entry, to: Entry): { bounds: { from: string; to: string } } | { error: PeriodEntryError } {
  if (from !== null && to !== null && (from === '' || to === '')) return { bounds: { from, to } };
  const checked = checkPeriodEntry(from, to);
  return 'period' in checked ? { bounds: checked.period } : checked;
}

export function ReceivedPeriod({ from = '', to = '', onApply }: ReceivedPeriodProps) {
  const t = useT(registryMessages);
  const shell = useT(shellMessages);
  const base = `${from}|${to}`;
  const [typed, setTyped] = useState<{ bounds: Bounds; base: string } | null>(null);
  // Once the applied bounds change elsewhere (a link, «Сбросить»), what was typed is stale.
  const draft = typed && typed.base === base ? typed.bounds : null;
  const checked = draft ? checkBoundsEntry(draft.from, draft.to) : null;
  const error = checked && 'error' in checked ? checked.error : null;

  // DayInput reports both an emptied field and a wrong one as null; only the text tells them
  // apart, so the text of each field is followed here (reset whenever the applied bounds move).
  const blank = useRef({ base, from: !from, to: !to });
  if (blank.current.base !== base) blank.current = { base, from: !from, to: !to };
  const onTextChange = (end: End) => (e: FormEvent<HTMLSpanElement>) => {
    const target = e.target as HTMLInputElement;
    if (target.type === 'text') blank.current[end] = target.value.trim() === '';
  };

  const enter = (end: End, day: Entry) => {
    // Escape and the calendar set the text without a change event: a day says what it holds.
    if (day !== null) blank.current[end] = day === '';
    const entry = day === null && blank.current[end] ? '' : day;
    const next: Bounds = { ...(draft ?? { from, to }), [end]: entry };
    const result = checkBoundsEntry(next.from, next.to);
    if ('error' in result) {
      setTyped({ bounds: next, base });
      return;
    }
    setTyped(null);
    // Leaving a field unchanged is not a new filter: the list would be re-queried for nothing.
    if (result.bounds.from !== from || result.bounds.to !== to) {
      onApply({ from: result.bounds.from || undefined, to: result.bounds.to || undefined });
    }
  };

  // Enter in a day field finishes the day, which DayInput applies; it must not also submit the
  // filter form, which would navigate again with the bounds this render still holds (the new hash
  // is read after the event). Enter on the calendar button keeps opening the calendar.
  const keepEnter = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
  };

  const field = (end: End, value: string) => (
    <div className="field">
      <span aria-hidden="true">{t(end)}</span>
      <span onChangeCapture={onTextChange(end)}>
        <DayInput
          label={t(end === 'from' ? 'receivedFrom' : 'receivedTo')}
          testId={`registry-${end}`}
          value={value}
          invalid={error === `${end}-invalid` || error === 'reversed'}
          onEntry={(day) => enter(end, day)}
        />
      </span>
    </div>
  );

  return (
    <div className="registry-period" role="group" aria-label={t('receivedPeriod')} onKeyDown={keepEnter}>
      <div className="registry-period__fields">
        {field('from', from)}
        {field('to', to)}
      </div>
      {error ? (
        <span role="alert" className="registry-period__error" data-testid="registry-period-error">
          {shell(ERROR_KEYS[error])}
        </span>
      ) : null}
    </div>
  );
}
