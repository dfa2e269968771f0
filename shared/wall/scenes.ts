/**
 * The wall's scenes and the period/focus vocabulary shared by the wall, the operator's
 * wall-control screen and the presenter protocol. Pure: no DOM, no React.
 */
import { z } from 'zod';

export const SCENE_IDS = ['heatmap', 'overdue', 'sectors', 'dynamics', 'rating', 'spikes', 'roadmaps', 'indicators', 'control'] as const;
export type SceneId = (typeof SCENE_IDS)[number];
export const sceneIdSchema = z.enum(SCENE_IDS);

/** What the wall is focused on: one municipality or one sector, or nothing (the whole region). */
export const focusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('municipality'), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('sector'), id: z.string().min(1).max(200) }),
]);
export type WallFocus = z.infer<typeof focusSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'дата в формате ГГГГ-ММ-ДД');

/** The period the wall reports on. Presets follow the clock; `custom` is fixed days. */
export const periodSchema = z.union([
  z.object({ kind: z.enum(['today', 'week', 'month', 'quarter', 'year']) }),
  z
    .object({ kind: z.literal('custom'), from: isoDay, to: isoDay })
    .refine((p) => p.from <= p.to, { message: 'начало периода позже конца' }),
]);
export type WallPeriod = z.infer<typeof periodSchema>;
export type WallPeriodKind = WallPeriod['kind'];

/** Period presets offered to the presenter, in display order. */
export const PERIOD_PRESETS = ['today', 'week', 'month', 'quarter', 'year'] as const;
