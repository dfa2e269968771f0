/**
 * The directory of blocks → responsible officials, kept by the administrator: who an escalation on
 * a block goes to by default, and the body that person answers for. Validated with zod where it is
 * read from storage and before it is saved.
 */
import { z } from 'zod';

export const officialEntrySchema = z.object({
  sector: z.string().trim().min(1).max(200),
  body: z.string().trim().max(300),
  official: z.string().trim().max(300),
});
export type OfficialEntry = z.infer<typeof officialEntrySchema>;

export const officialsDirectorySchema = z.array(officialEntrySchema).max(500);

/** Stored value → entries; anything malformed reads as an empty directory. One entry per block (the last wins). */
export function parseOfficials(value: unknown): OfficialEntry[] {
  const parsed = officialsDirectorySchema.safeParse(value);
  if (!parsed.success) return [];
  const bySector = new Map<string, OfficialEntry>();
  for (const entry of parsed.data) bySector.set(entry.sector, entry);
  return [...bySector.values()];
}

/** The entry of a block, or null when the directory has none (or an empty one). */
export function officialFor(directory: readonly OfficialEntry[], sector: string | null): OfficialEntry | null {
  if (!sector) return null;
  const entry = directory.find((e) => e.sector === sector);
  return entry && (entry.official || entry.body) ? entry : null;
}
