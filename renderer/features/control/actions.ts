/**
 * The control screens' writes beyond the repositories: the name of who is at the workstation
 * (remembered, the same setting the overdue forms use), starting the meeting's playlist on the
 * wall, and the meeting protocol as a document (DOCX or PDF).
 */
import { sessionStore } from '../../runtime/session';
import { command, parsePlaylists, WALL_CHANNEL, type Playlist } from '../../../shared/wall';
import { buildMeetingProtocol, type Instruction, type Meeting } from '../../../shared/records';
import { DOCX_MIME, writeReportDocx } from '../../../shared/report/writers/docx';
import { writeReportPdf } from '../../../shared/report/writers/pdf';
import { browserPdfMake } from '../../export/pdfmake-browser';
import type { ReportDocument } from '../../../shared/report/model';
import { logAudit } from '../../db/audit-repo';
import type { CurDatabase } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings-repo';
import { requirePermission } from '../../runtime/access';
import { platform } from '../../platform';

/** The wall's settings (renderer/features/wall/settings-keys.ts), repeated for the same reason. */
const WALL_PLAYLISTS = 'wall.playlists';
const WALL_ACTIVE_PLAYLIST = 'wall.activePlaylistId';
/** The default playlist of an operational meeting (shared/wall/playlist.ts). */
export const MEETING_PLAYLIST_ID = 'operative-meeting';

/** Who writes (the protocol's author): the signed-in person. */
export async function loadOperator(_db: CurDatabase): Promise<string> {
  return sessionStore.getState().user?.displayName ?? '';
}

export async function wallPlaylists(db: CurDatabase): Promise<Playlist[]> {
  return parsePlaylists(await getSetting<unknown>(db, WALL_PLAYLISTS, null));
}

/**
 * Makes the meeting's playlist the wall's active one (a wall opened later starts with it), tells an
 * open wall at once over the presenter channel, and audits the start like the wall-control screen.
 * Returns the playlist started, or null when it is not in the wall settings.
 */
export async function startMeetingOnWall(db: CurDatabase, meeting: Meeting): Promise<Playlist | null> {
  const playlists = await wallPlaylists(db);
  const playlist =
    playlists.find((p) => meeting.playlist !== null && p.name === meeting.playlist) ??
    (meeting.playlist === null ? playlists.find((p) => p.id === MEETING_PLAYLIST_ID) : undefined) ??
    null;
  if (!playlist) return null;
  await setSetting(db, WALL_ACTIVE_PLAYLIST, playlist.id);
  await logAudit(db, { action: 'playlist.start', details: { playlistId: playlist.id, name: playlist.name } });
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(WALL_CHANNEL);
    channel.postMessage(command({ type: 'playlist', playlist }));
    channel.close();
  }
  return playlist;
}

export function meetingProtocol(meeting: Meeting, instructions: readonly Instruction[], now: number, timeZone: string, author: string, demo: boolean): ReportDocument {
  return buildMeetingProtocol({ meeting, instructions, now, timeZone, author: author || 'оператор', demo });
}

export type ProtocolFormat = 'docx' | 'pdf';

const MIME: Record<ProtocolFormat, string> = { docx: DOCX_MIME, pdf: 'application/pdf' };

/**
 * Writes the protocol through the report writers (DOCX, or PDF with the shipped PT Sans); audited
 * before the file leaves the app.
 */
export async function saveProtocol(db: CurDatabase, meeting: Meeting, doc: ReportDocument, instructions: number, format: ProtocolFormat): Promise<boolean> {
  requirePermission('export.without-personal-data');
  const bytes = format === 'docx' ? await writeReportDocx(doc) : await writeReportPdf(doc, await browserPdfMake());
  await logAudit(db, { action: 'meeting.export-protocol', details: { meetingId: meeting.id, format, instructions } });
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[format] });
  return platform.saveFile(`protokol-${meeting.day}.${format}`, blob);
}
