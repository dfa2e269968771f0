/**
 * How the UI saves a file the user asked for (a chart's PNG): provided once by the app shell with
 * the platform's save dialog, so components in ui/ stay free of the platform. Without a provider
 * there is nowhere to save, and components offer no export.
 */
import { createContext, useContext } from 'react';

/** Saves bytes under a suggested file name; resolves false when the person cancels. */
export type SaveFile = (suggestedName: string, data: Blob) => Promise<boolean>;

export const SaveFileContext = createContext<SaveFile | null>(null);

export function useSaveFile(): SaveFile | null {
  return useContext(SaveFileContext);
}
