/**
 * «Показатели»: the ПП 1844 indicators computable from appeals, the region's own, and the
 * hand-entered ones, each with value, target, trend by quarter and its definition beside it; a
 * breakdown by block or municipality; the form for quarterly manual values. Computed over the
 * columnar analytic index in one pass (shared/indicators/compute.ts).
 */
import { useState } from 'react';
import { DIRECTION_LABELS, INDICATORS, type ComputedIndicatorId, type IndicatorDirection } from '../../../shared/indicators/definitions';
import { quarterDays, quarterLabel, quarterOfDay, recentQuarters, shiftQuarter } from '../../../shared/indicators/quarters';
import { sectorsOf } from '../../../shared/domain/sectors';
import { formatIsoDay } from '../../../shared/format/ru';
import { useGlobalFilters } from '../../app/filters-store';
import { useRegionPack } from '../../app/region';
import { regionDay } from '../../../shared/domain/time';
import { useAppNow } from '../../app/use-app-now';
import { getDb } from '../../db/db';
import { Skeleton } from '../../ui/Skeleton';
import { useLang, useT } from '../../i18n';
import { Breakdown } from './Breakdown';
import { IndicatorCard } from './IndicatorCard';
import { ManualEntry } from './ManualEntry';
import { indicatorMessages } from './messages';
import { useComputedIndicators, useIndicatorRecords } from './queries';
import './indicators.css';

/** Quarters in a trend. */
const TREND = 5;
const DIRECTIONS: IndicatorDirection[] = ['feedback', 'process', 'region', 'training', 'informing'];

export default function IndicatorsScreen() {
  const t = useT(indicatorMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const today = regionDay(useAppNow(), getDb().timeZone);
  const choices = recentQuarters(today, 8).reverse();
  const [quarter, setQuarter] = useState(quarterOfDay(today));
  const quarters = Array.from({ length: TREND }, (_, i) => shiftQuarter(quarter, i - TREND + 1));
  const sector = useGlobalFilters((s) => s.sector);
  const municipality = useGlobalFilters((s) => s.municipality);
  const [groupBy, setGroupBy] = useState<'sector' | 'municipality'>('sector');
  const [breakdownId, setBreakdownId] = useState<ComputedIndicatorId>('on-time');
  const computed = useComputedIndicators(quarters, sector, municipality, groupBy);
  const records = useIndicatorRecords();
  const sectors = sectorsOf(pack);
  const scopeParts = [sector ? (sectors.find((s) => s.id === sector)?.name ?? sector) : null, municipality ? (pack.municipalities.find((m) => m.id === municipality)?.name ?? municipality) : null].filter(Boolean);
  const nameOf = (key: string) =>
    groupBy === 'sector' ? (sectors.find((s) => s.id === key)?.name ?? key) : key === '' ? '—' : (pack.municipalities.find((m) => m.id === key)?.name ?? key);
  const partial = quarterDays(quarter).to > today;
  const ready = computed.status !== 'loading' && records !== undefined;

  return (
    <div className="stack indicators" data-testid="indicators" data-ready={ready ? 'true' : 'false'}>
      <header className="indicators__header">
        <h1>{t('title')}</h1>
        <label className="field">
          <span>{t('quarter')}</span>
          <select value={quarter} onChange={(e) => setQuarter(e.target.value)} data-testid="ind-quarter">
            {choices.map((q) => (
              <option key={q} value={q}>
                {quarterLabel(q, lang)}
              </option>
            ))}
          </select>
        </label>
        {partial ? <span className="indicators__muted">{t('partial', { day: formatIsoDay(today) })}</span> : null}
        <span>{t('scope', { scope: scopeParts.length ? scopeParts.join(', ') : t('scopeAll') })}</span>
        <span className="indicators__muted">{t('scopeHint')}</span>
      </header>
      <p className="indicators__muted">{t('intro')}</p>
      {computed.status === 'failed' ? <p role="alert">{t('failed')}</p> : null}
      {!records ? (
        <Skeleton lines={8} />
      ) : (
        DIRECTIONS.map((direction) => (
          <section key={direction} className="indicators__group" data-testid={`ind-group-${direction}`}>
            <h2>{DIRECTION_LABELS[direction][lang]}</h2>
            {computed.status === 'loading' && INDICATORS.some((d) => d.direction === direction && d.kind === 'computed') ? (
              <p className="indicators__muted">{t('loading')}</p>
            ) : null}
            {INDICATORS.filter((d) => d.direction === direction).map((def) => (
              <IndicatorCard
                key={def.id}
                def={def}
                quarters={quarters}
                counts={computed.status === 'ready' ? computed.view.byQuarter : null}
                entries={records.entries}
                target={records.targets.find((x) => x.id === def.id)}
                today={today}
              />
            ))}
          </section>
        ))
      )}
      <Breakdown
        indicatorId={breakdownId}
        onIndicator={setBreakdownId}
        groupBy={groupBy}
        onGroupBy={setGroupBy}
        groups={computed.status === 'ready' ? computed.view.breakdown : null}
        nameOf={nameOf}
      />
      {records ? <ManualEntry quarters={choices.slice().reverse()} entries={records.entries} today={today} /> : null}
    </div>
  );
}
