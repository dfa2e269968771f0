import { useState } from 'react';
import { getDb } from '../../db/db';
import { getAppeal } from '../../db/appeals-repo';
import type { StoredAppeal } from '../../db/schema';

/**
 * Submits an action form against the appeal as it is now in the store (it may have been updated
 * by a sync since the form opened); closes the form on success, keeps it open with the error.
 */
export function useActionSubmit(appealId: string, onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: (appeal: StoredAppeal) => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const appeal = await getAppeal(getDb(), appealId);
      if (!appeal) throw new Error('Обращение не найдено');
      await work(appeal);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}
