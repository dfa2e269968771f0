/**
 * A slice's time series by day or week with the production calendar marked, and the forecast of
 * the next 4 weeks with its band and its backtest error beside the seasonal-naive baseline.
 */
import { useEffect, useMemo, useState } from 'react';
import { forecast, isHeatingDay, type ForecastResult } from '../../../shared/analytics/forecast';
import { dailyCounts } from '../../../shared/analytics/series';
import { weekStartOf } from '../../../shared/analytics/dimensions';
import { workCalendar } from '../../../shared/domain/calendar';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { dayNumberToIso, isoToDayNumber, regionDay } from '../../../shared/domain/time';
import { formatIsoDay, formatNumber } from '../../../shared/format/ru';
import { getAnalyticsEngine } from '../../analytics-engine/engine';
import { getDb } from '../../db/db';
import { useLang, useT } from '../../i18n';
import { Chart, type EChartsOption } from '../../ui/Chart';
import { analyticsMessages } from './messages';
import { effectiveAmong, effectiveFilters, DEFAULT_SPEC, type Scope } from './model';
import { useStoreVersion } from './queries';

const HISTORY_DAYS = 365;

const HEATING_TOPIC = /тепл|отоплен|горяч|батаре|радиатор/i;
/** Slices whose counts follow the heating season: the ЖКХ and energy blocks, heating topics. */
export function isHeatingSlice(sector: string | null, topic: string): boolean {
  return topic ? HEATING_TOPIC.test(topic) : sector === 'housing' || sector === 'energy';
}
const HORIZON = 28;

interface TrendData {
  fromDay: number;
  counts: number[];
  result: ForecastResult;
  topics: string[];
}

export function TrendView({ scope, now, pack }: { scope: Scope; now: number; pack: RegionPack }) {
  const t = useT(analyticsMessages);
  const lang = useLang();
  const [step, setStep] = useState<'day' | 'week'>('day');
  const [topic, setTopic] = useState('');
  const [data, setData] = useState<TrendData | null>(null);
  const version = useStoreVersion();
  const today = isoToDayNumber(regionDay(now, pack.timeZone));
  useEffect(() => {
    let alive = true;
    void getAnalyticsEngine(getDb())
      .store()
      .then((store) => {
        const filters = effectiveFilters(DEFAULT_SPEC, scope);
        if (topic) filters.category = topic;
        // Full days only: today is still filling up.
        const toDay = today - 1;
        const all = dailyCounts(store, filters, toDay - HISTORY_DAYS + 1, toDay, undefined, effectiveAmong(scope));
        const first = all.findIndex((n) => n > 0);
        const counts = first < 0 ? [] : all.slice(first);
        const fromDay = toDay - counts.length + 1;
        const nonWorking = Array.from({ length: counts.length + HORIZON }, (_, i) => !workCalendar.isWorkingDay(dayNumberToIso(fromDay + i)));
        // Heating topics and the blocks that carry them get the heating-season step (forecast.ts).
        const heated = isHeatingSlice(scope.sector, topic);
        const heating = heated ? Array.from({ length: counts.length + HORIZON }, (_, i) => isHeatingDay(dayNumberToIso(fromDay + i))) : undefined;
        const result = forecast({ values: counts, nonWorking, horizon: HORIZON, heating });
        const topics = [...store.dicts.category.values].filter(Boolean).sort((a, b) => a.localeCompare(b, 'ru')).slice(0, 1000);
        if (alive) setData({ fromDay, counts, result, topics });
      });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope.sector, scope.municipality, scope.municipalities, topic, today, version]);

  const option = useMemo<EChartsOption | null>(() => {
    if (!data) return null;
    const { fromDay, counts, result } = data;
    const days = counts.length + (result.ok ? HORIZON : 0);
    const dayKeys = Array.from({ length: days }, (_, i) => fromDay + i);
    const bucketOf = (d: number) => (step === 'week' ? weekStartOf(d) : d);
    const buckets = [...new Set(dayKeys.map(bucketOf))];
    const index = new Map(buckets.map((b, i) => [b, i]));
    const actual: (number | null)[] = buckets.map(() => null);
    const mean: (number | null)[] = buckets.map(() => null);
    const lower: (number | null)[] = buckets.map(() => null);
    const width: (number | null)[] = buckets.map(() => null);
    counts.forEach((n, i) => {
      const b = index.get(bucketOf(fromDay + i))!;
      actual[b] = (actual[b] ?? 0) + n;
    });
    if (result.ok) {
      result.mean.forEach((m, h) => {
        const b = index.get(bucketOf(fromDay + counts.length + h))!;
        mean[b] = (mean[b] ?? 0) + m;
        lower[b] = (lower[b] ?? 0) + result.lower[h]!;
        // Summing daily bands over a week overstates the weekly band slightly: a conservative band.
        width[b] = (width[b] ?? 0) + (result.upper[h]! - result.lower[h]!);
      });
    }
    const labels = buckets.map((b) => formatIsoDay(dayNumberToIso(b)));
    // Non-working days as full-height pale bars behind the lines (daily step only).
    const top = Math.max(1, ...actual.map((v) => v ?? 0), ...lower.map((v, i) => (v ?? 0) + (width[i] ?? 0)));
    const offDays = step === 'day' ? buckets.map((b) => (workCalendar.isWorkingDay(dayNumberToIso(b)) ? null : top)) : [];
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('actual'), t('forecastLine'), t('band')] },
      grid: { left: 8, right: 16, top: 36, bottom: 48, containLabel: true },
      dataZoom: [{ type: 'slider', start: step === 'day' ? 70 : 0, end: 100 }],
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          name: t('actual'),
          data: actual,
          showSymbol: false,
        },
        { type: 'bar', name: t('nonWorking'), data: offDays, barWidth: '100%', silent: true, itemStyle: { color: 'rgba(120,120,120,0.12)' }, z: 0 },
        { type: 'line', name: t('band'), stack: 'band', data: lower.map(round), lineStyle: { opacity: 0 }, showSymbol: false },
        { type: 'line', name: t('band'), stack: 'band', data: width.map(round), lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.25 }, showSymbol: false },
        { type: 'line', name: t('forecastLine'), data: mean.map(round), lineStyle: { type: 'dashed' }, showSymbol: false },
      ],
    };
  }, [data, step, t]);

  const result = data?.result;
  const mase = (v: number) => formatNumber(v, 2, lang);
  return (
    <div className="analytics-trend" data-testid="analytics-trend" data-ready={data ? 'true' : 'false'}>
      <div className="analytics-builder">
        <label className="field">
          <span>{t('granularity')}</span>
          <select data-testid="trend-step" value={step} onChange={(e) => setStep(e.target.value as 'day' | 'week')}>
            <option value="day">{t('byDay')}</option>
            <option value="week">{t('byWeek')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('topic')}</span>
          <select data-testid="trend-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">{t('allTopics')}</option>
            {(data?.topics ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {step === 'day' ? <span className="analytics-muted">▒ {t('nonWorking')}</span> : null}
      </div>
      {result && !result.ok ? (
        <p data-testid="forecast-too-little" role="status">
          {t('tooLittle', { have: result.haveDays, need: result.needDays })}
        </p>
      ) : null}
      {result?.ok ? (
        <div className="analytics-forecast-metrics" data-testid="forecast-metrics">
          <span>{t('maseModel', { value: mase(result.mase), origins: result.origins })}</span>
          <span>{t('maseNaive', { value: mase(result.naiveMase) })}</span>
          <strong>{result.mase < result.naiveMase ? t('trustYes') : t('trustNo')}</strong>
          {isHeatingSlice(scope.sector, topic) ? (
            <span data-testid="forecast-heating">
              {result.heatingEffect === null ? t('heatingNone') : t('heatingEffect', { value: formatNumber(result.heatingEffect, 1, lang) })}
            </span>
          ) : null}
        </div>
      ) : null}
      {option ? <Chart option={option} title={t('forecastTitle')} height={360} testId="trend-chart" /> : <p className="analytics-muted">{t('loading')}</p>}
    </div>
  );
}
