/**
 * The report's document model rendered as React: the same sections, sentences and tables the
 * files get, charts as plain bars. All text goes through React as text, never as HTML.
 */
import { formatNumber, formatPercent } from '../../../shared/format/ru';
import { formatCell } from '../../../shared/report/format';
import { cellKind, type ReportBlock, type ReportChart, type ReportDocument, type ReportTable, type ReportTileMap } from '../../../shared/report/model';

function PreviewTable({ table }: { table: ReportTable }) {
  return (
    <figure className="report-preview__table">
      <figcaption>{table.title}</figcaption>
      <div className="report-preview__scroll">
        <table>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={i} className={c.kind === 'text' ? '' : 'num'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((v, i) => {
                  const kind = cellKind(table, r, i);
                  return (
                    <td key={i} className={kind === 'text' ? '' : 'num'}>
                      {formatCell(v, kind)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note ? <p className="report-preview__small">{table.note}</p> : null}
    </figure>
  );
}

function PreviewChart({ chart }: { chart: ReportChart }) {
  const values = chart.series[0]?.values ?? [];
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  return (
    <figure className="report-preview__chart" aria-label={chart.title}>
      <figcaption>{chart.title}</figcaption>
      <div className={chart.kind === 'hbar' ? 'report-bars report-bars--h' : 'report-bars'}>
        {chart.categories.map((c, i) => {
          const v = values[i] ?? 0;
          const size = `${(v / max) * 100}%`;
          return (
            <div key={i} className="report-bars__item" title={`${c}: ${chart.share ? formatPercent(v) : formatNumber(v)}`}>
              {chart.kind === 'hbar' ? <span className="report-bars__label">{c}</span> : null}
              <span className="report-bars__bar" style={chart.kind === 'hbar' ? { width: size } : { height: size }} />
              {chart.kind === 'hbar' ? <span className="report-bars__value">{formatNumber(v)}</span> : null}
            </div>
          );
        })}
      </div>
    </figure>
  );
}

function PreviewTileMap({ map }: { map: ReportTileMap }) {
  const max = Math.max(1, ...map.tiles.map((t) => t.value ?? 0));
  return (
    <figure className="report-preview__chart" aria-label={map.title}>
      <figcaption>{map.title}</figcaption>
      <div className="report-tiles" style={{ gridTemplateColumns: `repeat(${map.columns}, 1fr)` }}>
        {map.tiles.map((t) => {
          const share = (t.value ?? 0) / max;
          return (
            <div
              key={`${t.col}-${t.row}`}
              className="report-tiles__tile"
              style={{ gridColumn: t.col + 1, gridRow: t.row + 1, background: `rgba(11, 79, 138, ${0.08 + 0.85 * share})`, color: share > 0.55 ? '#fff' : '#111' }}
              title={`${t.label}: ${formatNumber(t.value)}`}
            >
              <span>{t.label}</span>
              <strong>{formatNumber(t.value)}</strong>
            </div>
          );
        })}
      </div>
      <p className="report-preview__small">Цвет — {map.measure}.</p>
    </figure>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'note':
      return (
        <p className="report-preview__note" role="note">
          {block.text}
        </p>
      );
    case 'table':
      return <PreviewTable table={block} />;
    case 'chart':
      return <PreviewChart chart={block} />;
    case 'tilemap':
      return <PreviewTileMap map={block} />;
  }
}

export function ReportPreview({ doc }: { doc: ReportDocument }) {
  return (
    <article className="report-preview" data-testid="report-preview">
      <header>
        <p className="report-preview__running">{`${doc.title} · ${doc.periodLabel}`}{doc.demo ? ' · Демо-данные' : ''}</p>
        <h2>{doc.title}</h2>
        <p className="report-preview__period">{doc.periodLabel}</p>
        <p className="report-preview__meta">{doc.scopeLabel}</p>
        <p className="report-preview__meta">
          {doc.dataAgeLabel} · {doc.generatedLabel}
        </p>
        <p className="report-preview__meta">Источники: {doc.sources.join(', ') || 'не указаны'}</p>
        {doc.incomplete ? <p className="report-preview__warning">Неполный период: окончание {doc.incomplete.end.split('-').reverse().join('.')}</p> : null}
        {doc.demo ? <p className="report-preview__warning">Демо-данные</p> : null}
      </header>
      {doc.sections.map((s, i) => (
        <section key={i}>
          <h3>{s.title}</h3>
          {s.blocks.map((b, j) => (
            <Block key={j} block={b} />
          ))}
        </section>
      ))}
    </article>
  );
}
