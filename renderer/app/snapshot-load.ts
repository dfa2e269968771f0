/**
 * The viewer window's loading of a snapshot's appeal rows (the second pass, renderer/viewer/install.ts
 * `loadSnapshotRows`): started once per window by SnapshotWatch, shown by the snapshot's top bar.
 */
import { create } from 'zustand';

export interface SnapshotRowsState {
  /** null: nothing to load (or done); otherwise appeals written so far of the total. */
  progress: { done: number; total: number } | null;
  error: string | null;
}

export const useSnapshotRows = create<SnapshotRowsState>(() => ({ progress: null, error: null }));
