/**
 * Hostile appeal texts for TESTS ONLY (never part of the demo data): social-media posts arrive
 * with markup, scripts, bidi tricks and formula prefixes. A view test puts these into appeals and
 * checks they render as inert text (no element created, no script run, no formula in an export).
 */
import type { Appeal } from '../domain/appeal';

export const HOSTILE_TEXTS: readonly string[] = [
  '<script>window.__pwned = true</script>Нет отопления на ул. Ленина',
  '<img src=x onerror="window.__pwned = true">Ямы на дороге',
  '"><svg/onload=window.__pwned=true>Мусор не вывозят',
  '<a href="javascript:window.__pwned=true">Позвоните мне</a>',
  '=HYPERLINK("http://example.invalid","Перерасчёт")',
  '+7(999)000-00-00;=1+1',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  'Снег не убран \u202Eтxt.exe\u202C на ул. Мира',
  'Очень длинное обращение '.repeat(400),
  '{{constructor.constructor("window.__pwned=true")()}}',
  '</textarea><iframe srcdoc="<script>parent.__pwned=true</script>">',
  'null',
  '\u0000\u0007\u001b[31mкрасный\u001b[0m',
];

/** A copy of `appeal` whose text is the `n`-th hostile sample (cycling). */
export function withHostileText(appeal: Appeal, n: number): Appeal {
  return { ...appeal, text: HOSTILE_TEXTS[((n % HOSTILE_TEXTS.length) + HOSTILE_TEXTS.length) % HOSTILE_TEXTS.length]! };
}
