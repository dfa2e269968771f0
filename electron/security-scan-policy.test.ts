import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeFindings, passes, type AcceptedFinding, type Finding } from './security-scan-policy';

const finding = (check: string, severity: string, file = 'windows.ts'): Finding => ({ check, severity, confidence: 'FIRM', file, location: '1:1', sample: 'x' });
const reason = 'Reviewed: the options come from window-options.ts and are tested there.';

describe('security scan policy', () => {
  it('fails on an unlisted finding above LOW and passes LOW and informational ones', () => {
    const verdict = judgeFindings([finding('SANDBOX_JS_CHECK', 'MEDIUM'), finding('X_CHECK', 'LOW'), finding('Y_CHECK', 'INFORMATIONAL')], []);
    expect(verdict.failing.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK']);
    expect(passes(verdict)).toBe(false);
  });

  it('accepts a listed finding only for the listed file and only with a reason', () => {
    const listed: AcceptedFinding[] = [{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'windows.ts', reason }];
    expect(passes(judgeFindings([finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH')], listed))).toBe(true);
    expect(judgeFindings([finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'main.ts')], listed).failing).toHaveLength(1);
    const noReason = judgeFindings([finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH')], [{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'windows.ts', reason: 'ok' }]);
    expect(passes(noReason)).toBe(false);
    expect(noReason.badEntries[0]?.problem).toMatch(/no reason/);
  });

  it('fails on an accepted entry that matches nothing any more', () => {
    const verdict = judgeFindings([], [{ check: 'SANDBOX_JS_CHECK', file: 'windows.ts', reason }]);
    expect(verdict.badEntries[0]?.problem).toMatch(/matches no finding/);
    expect(passes(verdict)).toBe(false);
  });

  it('has a reason for every accepted finding in the project list', () => {
    const { accepted } = JSON.parse(readFileSync(new URL('./electronegativity-accepted.json', import.meta.url), 'utf8')) as { accepted: AcceptedFinding[] };
    expect(accepted.length).toBeGreaterThan(0);
    for (const entry of accepted) expect(entry.reason.trim().length, `${entry.check} ${entry.file}`).toBeGreaterThanOrEqual(20);
  });
});
