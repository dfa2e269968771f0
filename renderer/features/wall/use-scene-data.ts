/**
 * A scene's data, live and throttled. A query error with nothing to show is re-thrown during
 * render so the SceneBoundary skips the scene; an error after a good value keeps the value (the
 * footer's data age and stale warning tell the room how fresh it is).
 */
import { getDb } from '../../db/db';
import type { CurDatabase } from '../../db/schema';
import { useThrottledLiveQuery } from './use-throttled-live-query';

export function useSceneData<T>(load: (db: CurDatabase) => Promise<T>, deps: readonly unknown[], identity: string): T | undefined {
  const { value, error } = useThrottledLiveQuery(() => load(getDb()), deps, identity);
  if (error && value === undefined) throw error instanceof Error ? error : new Error(String(error));
  return value;
}
