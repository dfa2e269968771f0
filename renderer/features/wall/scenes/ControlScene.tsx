/**
 * Scene «Поручения и эскалации»: how many instructions, escalations and requests are open and how
 * many are overdue, and the same by responsible body, the bodies with most overdue first. Bodies
 * only — no official's or citizen's name reaches the wall.
 */
import { formatNumber } from '../../../../shared/format/ru';
import { useT } from '../../../i18n';
import { AutoScroll } from '../AutoScroll';
import { CountUp } from '../CountUp';
import { loadWallControl } from '../control-queries';
import { wallMessages, type WallMessageKey } from '../messages';
import { useSceneData } from '../use-scene-data';
import type { SceneProps } from './types';

const KINDS: { kind: 'instruction' | 'escalation' | 'info-request'; label: WallMessageKey }[] = [
  { kind: 'instruction', label: 'controlInstructions' },
  { kind: 'escalation', label: 'controlEscalations' },
  { kind: 'info-request', label: 'controlRequests' },
];

export function ControlScene({ scope }: SceneProps) {
  const t = useT(wallMessages);
  const selectionKey = JSON.stringify(scope.selection);
  const data = useSceneData((db) => loadWallControl(db, scope.selection, scope.now), [selectionKey, scope.now], `control:${selectionKey}`);
  if (!data) return <div className="wall-empty">{t('loading')}</div>;
  return (
    <div className="wall-control" data-testid="wall-scene-control" data-ready="true">
      <div className="wall-control__totals">
        {KINDS.map(({ kind, label }) => (
          <section key={kind} className="wall-panel" data-testid={`wall-control-${kind}`}>
            <h2 className="wall-panel__title">{t(label)}</h2>
            <div className="wall-control__pair">
              <span>
                <CountUp value={data.totals[kind].open} className="wall-number wall-mid" testId={`wall-control-${kind}-open`} />
                <span className="wall-muted"> {t('controlOpen')}</span>
              </span>
              <span>
                <CountUp value={data.totals[kind].overdue} className={data.totals[kind].overdue ? 'wall-number wall-mid wall-tone-overdue' : 'wall-number wall-mid'} testId={`wall-control-${kind}-overdue`} />
                <span className="wall-muted"> {t('controlOverdue')}</span>
              </span>
            </div>
          </section>
        ))}
      </div>
      <section className="wall-panel wall-control__bodies">
        <h2 className="wall-panel__title">{t('controlByBody')}</h2>
        {data.byBody.length === 0 ? (
          <p className="wall-muted">{t('controlNone')}</p>
        ) : (
          <>
            <div className="wall-control__row wall-control__row--head">
              <span>{t('controlBody')}</span>
              <span className="wall-control__num">{t('controlOpen')}</span>
              <span className="wall-control__num">{t('controlOverdue')}</span>
              <span className="wall-control__num">{t('controlDueSoon')}</span>
            </div>
            <AutoScroll focusKey={null}>
              {data.byBody.map((row) => (
                <div key={row.responsibleBody} className="wall-control__row" data-testid="wall-control-body" data-body={row.responsibleBody}>
                  <span className="wall-control__name">{row.responsibleBody || t('controlBodyUnknown')}</span>
                  <span className="wall-control__num">{formatNumber(row.open)}</span>
                  <span className={row.overdue ? 'wall-control__num wall-tone-overdue' : 'wall-control__num'} data-testid="wall-control-body-overdue">
                    {formatNumber(row.overdue)}
                  </span>
                  <span className={row.dueSoon ? 'wall-control__num wall-tone-risk' : 'wall-control__num'}>{formatNumber(row.dueSoon)}</span>
                </div>
              ))}
            </AutoScroll>
          </>
        )}
      </section>
    </div>
  );
}
