/**
 * The app's notion of "now". Every deadline classification (overdue, at risk) uses this, never
 * Date.now() directly, so tests and demos can freeze time with `?demoNow=`.
 */
import { getBootOptions } from './boot-options';

export function now(): number {
  return getBootOptions().demoNow ?? Date.now();
}
