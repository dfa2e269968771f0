/**
 * Links into «Контроль» for every screen that can start an escalation, a request or an instruction
 * (features link by URL, never import each other). The control feature reads these parameters in
 * renderer/features/control/subject.ts: `kind`, then the subject (appeal, cell, spike,
 * organisation, municipality, sector — the first present), an optional `label`, and context.
 */
export type ControlRecordKind = 'escalation' | 'info-request' | 'instruction';

export interface ControlLinkParams {
  appeal?: string | null;
  cell?: string | null;
  spike?: string | null;
  organisation?: string | null;
  municipality?: string | null;
  sector?: string | null;
  /** How the form names the subject (an appeal's number, a spike's «тема · территория»). */
  label?: string | null;
}

export function controlNewHref(kind: ControlRecordKind, params: ControlLinkParams): string {
  const q = new URLSearchParams({ kind });
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && v) q.set(k, v);
  return `#/control/new?${q.toString()}`;
}
