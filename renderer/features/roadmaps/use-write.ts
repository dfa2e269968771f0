/**
 * One write of a versioned record from a form: busy state, errors in words, and a conflict when
 * another window saved first — then the form shows both versions and the person chooses: write
 * theirs again over the stored version (`keepMine`), or drop their edit (`keepStored`).
 */
import { useState } from 'react';
import { VersionConflictError } from '../../db/roadmaps-repo';
import { useT } from '../../i18n';
import { writeErrorText } from './errors';
import { roadmapMessages } from './messages';

export interface Conflict {
  /** The record as the other window saved it (null: removed). */
  stored: { version: number; updatedBy?: string; enteredBy?: string } | null;
  keepMine(): Promise<void>;
  keepStored(): void;
}

export function useWrite<R>(onDone: (saved: R | null) => void) {
  const t = useT(roadmapMessages);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  /** Runs `write` with the version the form read; on a conflict offers to retry with the stored one. */
  const run = async (version: number, write: (version: number) => Promise<R>): Promise<void> => {
    setBusy(true);
    setErrors([]);
    try {
      const saved = await write(version);
      setConflict(null);
      onDone(saved);
    } catch (error) {
      if (error instanceof VersionConflictError) {
        const stored = error.stored as Conflict['stored'];
        setConflict({
          stored,
          keepMine: async () => {
            if (stored) await run(stored.version, write);
          },
          keepStored: () => {
            setConflict(null);
            onDone(null);
          },
        });
      } else setErrors(writeErrorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, conflict, run, setErrors };
}
