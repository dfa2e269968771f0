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
