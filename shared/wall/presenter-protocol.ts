/**
 * Presenter protocol between the operator's «Видеостена» screen and the wall window, carried
 * over the BroadcastChannel `cur-wall` (or IPC in Electron) as plain JSON. Every message is
 * validated on receipt: a malformed message is dropped, never acted on, never shown.
 *
 * operator → wall: commands (next, previous, pause, pin, show, focus, period, measure, playlist,
 * hello).
 * wall → operator: `state` snapshots, so the operator sees what the wall is showing.
 */
import { z } from 'zod';
import { focusSchema, periodSchema, sceneIdSchema } from './scenes';
import { playlistSchema } from './playlist';
import { HEAT_MEASURES } from './measures';
import { wallAreaSchema } from './area';

export const WALL_CHANNEL = 'cur-wall';
export const PROTOCOL_VERSION = 1;

/**
 * The presenter's scope (shared/access/scope.ts), sent with every command: the wall shows what the
 * presenter's scope allows. Absent from older senders, which leaves the wall's scope as it was.
 */
export const presenterScopeSchema = z.object({
  sectors: z.array(z.string().max(120)).max(200).nullable(),
  municipalities: z.array(z.string().max(120)).max(2000).nullable(),
});

const base = { v: z.literal(PROTOCOL_VERSION), scope: presenterScopeSchema.optional() };

export const presenterCommandSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('next') }),
  z.object({ ...base, type: z.literal('previous') }),
  z.object({ ...base, type: z.literal('pause'), paused: z.boolean() }),
  /** Pins a scene (rotation stops on it) or unpins with null. */
  z.object({ ...base, type: z.literal('pin'), scene: sceneIdSchema.nullable() }),
  /** Jumps to a scene of the playlist without pinning it. */
  z.object({ ...base, type: z.literal('show'), scene: sceneIdSchema }),
  z.object({ ...base, type: z.literal('focus'), focus: focusSchema.nullable() }),
  /** The part of the region every scene shows (the presenter's global filters), or null for the whole region. */
  z.object({ ...base, type: z.literal('area'), area: wallAreaSchema.nullable() }),
  z.object({ ...base, type: z.literal('period'), period: periodSchema }),
  /** The measure the heat map colours municipalities by. */
  z.object({ ...base, type: z.literal('measure'), measure: z.enum(HEAT_MEASURES) }),
  z.object({ ...base, type: z.literal('playlist'), playlist: playlistSchema }),
  /** Asks the wall to announce its state (an operator window that just opened). */
  z.object({ ...base, type: z.literal('hello') }),
]);
export type PresenterCommand = z.infer<typeof presenterCommandSchema>;

export const wallStateSnapshotSchema = z.object({
  playlistId: z.string(),
  playlistName: z.string(),
  scene: sceneIdSchema.nullable(),
  index: z.number().int().min(0),
  paused: z.boolean(),
  pinned: sceneIdSchema.nullable(),
  focus: focusSchema.nullable(),
  area: wallAreaSchema.nullable(),
  period: periodSchema,
  measure: z.enum(HEAT_MEASURES),
  /** Scenes skipped because they failed to render this cycle. */
  failed: z.array(sceneIdSchema),
  /** Milliseconds left on the current scene (null when paused or pinned). */
  remainingMs: z.number().nullable(),
});
export type WallStateSnapshot = z.infer<typeof wallStateSnapshotSchema>;

export const wallAnnouncementSchema = z.object({
  ...base,
  type: z.literal('state'),
  state: wallStateSnapshotSchema,
});
export type WallAnnouncement = z.infer<typeof wallAnnouncementSchema>;

/** Distributes Omit over a union so each command keeps its own fields. */
type WithoutVersion<T> = T extends unknown ? Omit<T, 'v'> : never;
export type PresenterCommandBody = WithoutVersion<PresenterCommand>;

export function command(body: PresenterCommandBody): PresenterCommand {
  return { v: PROTOCOL_VERSION, ...body } as PresenterCommand;
}

/** A command carrying the presenter's scope. */
export function scopedCommand(body: PresenterCommandBody, scope: { sectors: readonly string[] | null; municipalities: readonly string[] | null }): PresenterCommand {
  const copy = { sectors: scope.sectors && [...scope.sectors], municipalities: scope.municipalities && [...scope.municipalities] };
  return { ...command(body), scope: copy } as PresenterCommand;
}

export function announcement(state: WallStateSnapshot): WallAnnouncement {
  return { v: PROTOCOL_VERSION, type: 'state', state };
}

/** A validated command, or null for anything else (including the wall's own announcements). */
export function parsePresenterCommand(input: unknown): PresenterCommand | null {
  const parsed = presenterCommandSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

export function parseWallAnnouncement(input: unknown): WallAnnouncement | null {
  const parsed = wallAnnouncementSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}
