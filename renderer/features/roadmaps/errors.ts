/** Turns a refused write into words: validation errors by kind, anything else as its message. */
import type { RoadmapError } from '../../../shared/roadmap/validation';
import { formatIsoDay } from '../../../shared/format/ru';
import { RoadmapValidationError } from '../../db/roadmaps-repo';
import type { RoadmapMessageKey } from './messages';

type T = (key: RoadmapMessageKey, params?: Record<string, string | number>) => string;

export function roadmapErrorText(e: RoadmapError, t: T): string {
  const key = `err_${e.kind}` as RoadmapMessageKey;
  if (!('params' in e)) return t(key);
  const params: Record<string, string | number> = { ...e.params };
  if (typeof params.day === 'string') params.day = formatIsoDay(params.day);
  return t(key, params);
}

export function writeErrorText(error: unknown, t: T): string[] {
  if (error instanceof RoadmapValidationError) return error.errors.map((e) => roadmapErrorText(e, t));
  return [t('errUnknown', { message: error instanceof Error ? error.message : String(error) })];
}
