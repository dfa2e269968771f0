import type { IndicatorDefinition } from '../../../shared/indicators/definitions';
import { formatNumber, formatPercent, type Locale } from '../../../shared/format/ru';

/** A value in its unit: shares as percent, counts as integers; «—» when unknown. */
export function formatIndicator(def: Pick<IndicatorDefinition, 'unit'>, value: number | null, lang: Locale): string {
  if (value === null) return '—';
  return def.unit === 'share' ? formatPercent(value, 1, lang) : formatNumber(value, 0, lang);
}

/** Reads a typed value: percent for shares (→ 0–1), a count otherwise; null when not a valid number. */
export function parseIndicatorInput(def: Pick<IndicatorDefinition, 'unit'>, text: string): number | null {
  const n = Number(text.replace(',', '.').replace(/\s/g, ''));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) return null;
  if (def.unit === 'share') return n > 100 ? null : n / 100;
  return n;
}

/** The stored value as the form shows it (percent for shares). */
export function inputOf(def: Pick<IndicatorDefinition, 'unit'>, value: number | null): string {
  if (value === null) return '';
  return def.unit === 'share' ? String(Math.round(value * 1000) / 10) : String(value);
}
