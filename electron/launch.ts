/**
 * Start-up decisions taken before the app is ready (runtime: Electron main; pure, tested in Node).
 *
 * - A packaged app refuses remote debugging switches: `--remote-debugging-port/-pipe` would hand
 *   the whole renderer (personal data included) to any local process. Chromium accepts a switch
 *   with `--`, `-` and, on Windows, `/`, with the value after `=` or as the next argument.
 * - The renderer's start options: a packaged build runs on real data (no demo) unless training
 *   mode is asked for, and demo data always lives in its own database, never mixed with real data.
 */

const FORBIDDEN_IN_PACKAGED = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'inspect', 'inspect-brk', 'inspect-port', 'inspect-publish-uid'];

function switchName(arg: string): string | null {
  const match = /^(?:--?|\/)([A-Za-z][\w-]*)(?:=.*)?$/s.exec(arg.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** The first forbidden debugging switch in argv (program path excluded), or null. */
export function forbiddenDebugSwitch(argv: readonly string[]): string | null {
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const name = switchName(arg);
    if (name && FORBIDDEN_IN_PACKAGED.includes(name)) return name;
  }
  return null;
}

/** The database demo data lives in (the real data's database is the renderer's default, `cur`). */
export const DEMO_DB_NAME = 'cur-demo';
/** Training mode: a `--demo` switch (e.g. a separate «учебный режим» shortcut) or CUR_DEMO=1. */
export const DEMO_SWITCH = 'demo';

export function wantsDemo(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  return env.CUR_DEMO === '1' || argv.slice(1).some((arg) => switchName(arg) === DEMO_SWITCH);
}

/** Only the characters renderer boot options use; anything else drops the whole query. */
const SAFE_QUERY = /^\?[\w=&.%+:-]{0,512}$/;

export interface BootQueryInput {
  isPackaged: boolean;
  /** CUR_BOOT_QUERY: tests' start options (database, frozen clock); ignored in a packaged build. */
  envQuery: string | undefined;
  demo: boolean;
}

/**
 * The query the renderer starts with (`?demo=off`, `?dbName=cur-demo`, …). Without training mode a
 * packaged build never runs the demo source; with it, the demo goes to DEMO_DB_NAME. A development
 * build keeps the developer's query and its demo default, but its demo also gets its own database.
 */
export function bootQuery({ isPackaged, envQuery, demo }: BootQueryInput): string {
  const raw = !isPackaged && envQuery && SAFE_QUERY.test(envQuery) ? envQuery : '';
  const params = new URLSearchParams(raw);
  const demoOn = isPackaged ? demo : params.get('demo') !== 'off' || demo;
  if (demoOn) {
    params.delete('demo');
    if (!params.has('dbName')) params.set('dbName', DEMO_DB_NAME);
  } else {
    params.set('demo', 'off');
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
