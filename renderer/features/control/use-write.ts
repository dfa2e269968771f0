/**
 * Runs one write of a control form and turns what can go wrong into what the form shows: the
 * rule's messages (`RecordRejectedError`, in the chosen language), or a conflict with another
 * window (`RecordConflictError`, with the stored version for the person to compare and choose).
 */
import { useState } from 'react';
import { RecordConflictError, RecordRejectedError } from '../../../shared/records';
import { useLang, useT } from '../../i18n';
import { recordIssueText } from './issue-messages';
import { controlMessages, type ControlMessageKey } from './messages';

export interface WriteState<R> {
  errors: string[];
  conflict: R | null;
  busy: boolean;
  run(work: () => Promise<unknown>): Promise<boolean>;
  clearConflict(): void;
}

export function useStatusLabel() {
  const t = useT(controlMessages);
  return (status: string) => t(`status_${status}` as ControlMessageKey) ?? status;
}

export function useWrite<R>(): WriteState<R> {
  const lang = useLang();
  const statusLabel = useStatusLabel();
  const [errors, setErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState<R | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setErrors([]);
    try {
      await work();
      setConflict(null);
      return true;
    } catch (e) {
      if (e instanceof RecordConflictError) setConflict(e.stored as R);
      else if (e instanceof RecordRejectedError) setErrors(e.issues.map((i) => recordIssueText(i, lang, statusLabel)));
      else setErrors([e instanceof Error ? e.message : String(e)]);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, conflict, busy, run, clearConflict: () => setConflict(null) };
}
