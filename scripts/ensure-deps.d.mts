// Types for the dependency check, which stays plain JavaScript because it runs before anything is installed.

/** One entry of package-lock.json's `packages` map (only the fields the check reads). */
export interface LockedPackage {
  version?: string;
  optional?: boolean;
  /** A workspace or `file:` link: nothing is installed under its own version. */
  link?: boolean;
}

export interface Lockfile {
  packages?: Record<string, LockedPackage>;
}

/** The first locked package that is absent or at another version, or null when all match. */
export function findMismatch(lock: Lockfile, readInstalledVersion: (path: string) => string | null): string | null;
