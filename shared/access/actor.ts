/**
 * Who an audit row names. A person is their login and display name, plus the operating-system
 * account in Electron (a shared workstation's Windows or Linux user); work the application does on
 * its own (sync, scheduled jobs) names the system, never the last person who signed in.
 * The label is what the row stores in its sealed `user` field, so it reads the same everywhere.
 */

export type AuditActor =
  | { kind: 'person'; login: string; displayName: string; osUser?: string | null }
  | { kind: 'system'; task: 'sync' | 'start' | 'schedule' };

export const SYSTEM_TASK_LABELS: Record<Extract<AuditActor, { kind: 'system' }>['task'], string> = {
  sync: 'система: синхронизация',
  start: 'система: запуск',
  schedule: 'система: расписание',
};

/** Single-line, no control characters, bounded: the label goes into a sealed row and a table cell. */
function clean(text: string, max = 120): string {
  return text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

export function actorLabel(actor: AuditActor): string {
  if (actor.kind === 'system') return SYSTEM_TASK_LABELS[actor.task];
  const name = clean(actor.displayName);
  const person = name && name !== actor.login ? `${clean(actor.login, 40)} (${name})` : clean(actor.login, 40);
  const os = actor.osUser ? clean(actor.osUser, 64) : '';
  return os ? `${person} · ОС: ${os}` : person;
}
