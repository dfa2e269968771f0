/**
 * A workstation's wait for a change notice from the centre server (shared/centre/notify.ts),
 * through the host's transport like every centre call; failures as fixed problem kinds.
 */
import { CentreClientError, problemOfStatus, problemOfTransport, type CentreTransport } from './client';
import { changeNoticeSchema, type ChangeNotice, type KnownStamps } from './notify';

/** One wait for a notice through the host's transport; failures as fixed problem kinds. */
export async function waitForChanges(transport: CentreTransport, since: KnownStamps | null, waitSeconds: number): Promise<ChangeNotice> {
  let response: { status: number; body: string };
  try {
    response = await transport({ op: 'wait-changes', since, waitSeconds: since ? waitSeconds : 0 });
  } catch (error) {
    throw new CentreClientError(problemOfTransport(error), error instanceof Error ? error.message : String(error), null);
  }
  if (response.status !== 200) throw new CentreClientError(problemOfStatus(response.status), `Сервер центра ответил ${response.status}`, response.status);
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new CentreClientError('bad-answer', 'Сервер центра прислал повреждённый ответ (не JSON)', 200);
  }
  const parsed = changeNoticeSchema.safeParse(json);
  if (!parsed.success) throw new CentreClientError('bad-answer', 'Уведомление сервера центра отклонено', 200);
  return parsed.data;
}
