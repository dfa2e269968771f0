/**
 * Saving a target or a manual value: when another window saved first, the person sees the stored
 * value and who saved it, and chooses to write theirs over it or keep the stored one.
 */
import { useState } from 'react';
import { VersionConflictError } from '../../db/roadmaps-repo';

export interface SaveConflict {
  stored: { version: number; value: number | null; by: string } | null;
  keepMine(): void;
  keepStored(): void;
}

export function useVersionedSave(onSaved: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (version: number, save: (version: number) => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await save(version);
      setConflict(null);
      onSaved();
    } catch (e) {
      if (e instanceof VersionConflictError) {
        const row = e.stored as { version: number; value: number | null; updatedBy?: string; enteredBy?: string } | null;
        const stored = row ? { version: row.version, value: row.value, by: row.updatedBy ?? row.enteredBy ?? '—' } : null;
        setConflict({ stored, keepMine: () => void run(stored?.version ?? 0, save), keepStored: () => (setConflict(null), onSaved()) });
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { run, error, setError, conflict, busy };
}
