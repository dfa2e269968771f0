/**
 * Which electronegativity findings fail `npm run security:scan` (runtime: Node script; pure). Every
 * finding above LOW severity fails unless electron/electronegativity-accepted.json lists its check
 * and file with a reason a reviewer can verify. Entries without a reason, and entries nothing
 * matches any more, fail too, so the list stays short and true.
 */

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}

export interface AcceptedFinding {
  check: string;
  /** File name relative to electron/, as the scanner reports it; "N/A" for global checks. */
  file: string;
  reason: string;
}

export const FAILING_SEVERITIES = ['MEDIUM', 'HIGH', 'CRITICAL'] as const;

export interface ScanVerdict {
  failing: Finding[];
  accepted: Array<{ finding: Finding; reason: string }>;
  /** Accepted entries that are malformed or match nothing. */
  badEntries: Array<{ entry: AcceptedFinding; problem: string }>;
}

function matches(entry: AcceptedFinding, finding: Finding): boolean {
  return entry.check === finding.check && entry.file === finding.file;
}

export function judgeFindings(findings: readonly Finding[], acceptedList: readonly AcceptedFinding[]): ScanVerdict {
  const verdict: ScanVerdict = { failing: [], accepted: [], badEntries: [] };
  for (const entry of acceptedList) {
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) verdict.badEntries.push({ entry, problem: 'no reason (at least a sentence) given' });
    else if (!findings.some((f) => matches(entry, f))) verdict.badEntries.push({ entry, problem: 'matches no finding any more: remove it' });
  }
  for (const finding of findings) {
    if (!(FAILING_SEVERITIES as readonly string[]).includes(finding.severity.toUpperCase())) continue;
    const entry = acceptedList.find((e) => matches(e, finding) && typeof e.reason === 'string' && e.reason.trim().length >= 20);
    if (entry) verdict.accepted.push({ finding, reason: entry.reason });
    else verdict.failing.push(finding);
  }
  return verdict;
}

export function passes(verdict: ScanVerdict): boolean {
  return verdict.failing.length === 0 && verdict.badEntries.length === 0;
}
