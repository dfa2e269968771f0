/**
 * The audit actor of this JavaScript realm (window or worker): the session sets the signed-in person
 * in the operator window; the sync worker says it is the system. `renderer/db/audit-repo.ts` reads it
 * for every row it writes, so no caller names itself (and none can name someone else).
 */
import { actorLabel, type AuditActor } from '../../shared/access/actor';

let actor: AuditActor = { kind: 'system', task: 'start' };

export function setAuditActor(next: AuditActor): void {
  actor = next;
}

export function currentAuditActor(): AuditActor {
  return actor;
}

export function currentActorLabel(): string {
  return actorLabel(actor);
}

/**
 * Who the centre's own records (meetings, instructions, escalations, requests, roadmaps, indicator
 * entries) name as their author: the signed-in person, never a name typed into a form, so a record
 * and its audit row agree. The typed value stands only where nobody signs in (workers, tests).
 */
export function recordAuthor(typed: string): string {
  // While nobody is signed in the session names «—» (renderer/runtime/session.ts); records need a role then anyway.
  if (actor.kind === 'person' && actor.login !== '—') return actor.displayName.trim() || actor.login;
  return typed.trim();
}
