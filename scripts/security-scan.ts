/**
 * `npm run security:scan`: electronegativity over electron/, offline, judged against
 * electron/electronegativity-accepted.json (electron/security-scan-policy.ts). Exits non-zero on
 * any finding above LOW severity that is not listed there with a reason.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { judgeFindings, passes, type AcceptedFinding, type Finding } from '../electron/security-scan-policy';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const cli = join(require.resolve('@doyensec/electronegativity/package.json').replace(/package\.json$/, ''), 'dist', 'index.js');
const electronVersion = (require('electron/package.json') as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'cur-security-scan-'));
const csv = join(work, 'findings.csv');

try {
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      join(root, 'scripts', 'offline-preload.cjs'),
      cli,
      '--input',
      join(root, 'electron'),
      '--output',
      csv,
      '--relative',
      '--electron-version',
      electronVersion,
      '--verbose',
      'false',
      // Needs the internet (Electron's release list); the version is pinned to the newest 45.x in package.json.
      '--exclude-checks',
      'AvailableSecurityFixesGlobalCheck',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  let text: string;
  try {
    text = readFileSync(csv, 'utf8');
  } catch {
    console.error('security:scan: electronegativity produced no report.');
    console.error(run.stdout, run.stderr);
    process.exit(2);
  }
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() }).data;
  const findings: Finding[] = rows.map((r) => ({
    check: r.issue ?? '',
    severity: r.severity ?? '',
    confidence: r.confidence ?? '',
    file: r.filename ?? '',
    location: r.location ?? '',
    sample: r.sample ?? '',
  }));
  const accepted = (JSON.parse(readFileSync(join(root, 'electron', 'electronegativity-accepted.json'), 'utf8')) as { accepted: AcceptedFinding[] }).accepted;
  const verdict = judgeFindings(findings, accepted);

  console.log(`security:scan: electronegativity ${findings.length} finding(s) over electron/ (Electron ${electronVersion}).`);
  for (const { finding, reason } of verdict.accepted) console.log(`  accepted ${finding.severity} ${finding.check} ${finding.file}:${finding.location} — ${reason}`);
  for (const finding of verdict.failing) console.error(`  FAIL ${finding.severity} ${finding.check} ${finding.file}:${finding.location}: ${finding.sample}`);
  for (const { entry, problem } of verdict.badEntries) console.error(`  FAIL accepted entry ${entry.check} ${entry.file}: ${problem}`);
  if (!passes(verdict)) {
    console.error('security:scan: fix the findings above or list them in electron/electronegativity-accepted.json with a reason.');
    process.exit(1);
  }
  console.log('security:scan: no unexplained finding above LOW.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
