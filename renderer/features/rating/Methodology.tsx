import { RATING_METHODOLOGY, RATING_METHODOLOGY_EN, type RatingWeights } from '../../../shared/domain/rating';
import { formatPercent } from '../../../shared/format/ru';
import { Card } from '../../ui/Card';
import { useLang, useT } from '../../i18n';
import { ratingMessages } from './messages';
import { weightShares } from '../../db/rating-weights';

const KEYS = ['quantity', 'speed', 'quality', 'completeness'] as const;

/** The methodology shown with the rating: what each component measures and how much it weighs. */
export function Methodology({ weights }: { weights: RatingWeights }) {
  const t = useT(ratingMessages);
  const lang = useLang();
  const shares = weightShares(weights);
  return (
    <Card title={t('methodology')} subtitle={t('weightsHint')} testId="rating-methodology" ready>
      <dl className="rating__method">
        {KEYS.map((key) => (
          <div key={key}>
            <dt>
              {t(key)} — {formatPercent(shares[key], 0, lang)}
            </dt>
            <dd>{(lang === 'en' ? RATING_METHODOLOGY_EN : RATING_METHODOLOGY)[key]}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
