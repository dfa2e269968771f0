/**
 * Host-side settings that belong to this machine, not to the data (runtime: Electron main): the
 * wall's display, the watched folders the operator chose and the folder for scheduled reports. A small JSON file in userData,
 * validated on load so a damaged file resets to defaults instead of crashing.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const hostSettingsSchema = z.object({
  wallDisplayId: z.number().int().nullable().default(null),
  watchRoots: z.array(z.string()).max(32).default([]),
  /** Where scheduled reports are written (electron/report-folder.ts), or null: they stay in the archive. */
  reportsFolder: z.string().nullable().default(null),
});

export type HostSettings = z.infer<typeof hostSettingsSchema>;

export function parseHostSettings(text: string | null): HostSettings {
  if (text === null) return hostSettingsSchema.parse({});
  try {
    const parsed = hostSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : hostSettingsSchema.parse({});
  } catch {
    return hostSettingsSchema.parse({});
  }
}

export class HostSettingsFile {
  private value: HostSettings;

  constructor(private readonly path: string) {
    let text: string | null;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = null;
    }
    this.value = parseHostSettings(text);
  }

  get(): HostSettings {
    return this.value;
  }

  update(change: Partial<HostSettings>) {
    this.value = { ...this.value, ...change };
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, JSON.stringify(this.value, null, 2));
  }
}
