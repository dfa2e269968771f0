/** Strings of the wall's roadmap and indicator scenes (kept apart from the wall's own dictionary). */
import { defineMessages } from '../../../i18n';

export const controlLoopWallMessages = defineMessages(
  {
    loading: 'Загрузка…',
    noRoadmaps: 'Дорожных карт нет',
    progress: 'выполнено {done} из {total}',
    overdue: 'просрочено: {count}',
    noMeasures: 'мероприятий нет',
    target: 'цель −{percent} % к {day}',
    effectPending: 'эффект: ещё не измерить',
    effectNone: 'эффект пока не виден',
    effectDown: '{change} обращений',
    effectUp: '+{change} обращений',
    indexLoading: 'аналитический индекс загружается',
    quarter: '{quarter}, по {day}',
    noTarget: 'цель не задана',
    targetShort: 'цель {value}',
    noValue: 'нет данных',
  },
  {
    loading: 'Loading…',
    noRoadmaps: 'No roadmaps',
    progress: '{done} of {total} done',
    overdue: 'overdue: {count}',
    noMeasures: 'no measures',
    target: 'target −{percent} % by {day}',
    effectPending: 'effect: cannot be measured yet',
    effectNone: 'no effect shown yet',
    effectDown: '{change} appeals',
    effectUp: '+{change} appeals',
    indexLoading: 'the analytic index is loading',
    quarter: '{quarter}, to {day}',
    noTarget: 'no target',
    targetShort: 'target {value}',
    noValue: 'no data',
  },
);
