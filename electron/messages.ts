/** Russian texts of the main process's own dialogs and wall notices (the renderer has its own i18n). */
export const MAIN_MESSAGES = {
  crashTitle: 'Окно программы аварийно завершилось',
  crashDetail: 'Причина: {reason}. Данные сохранены. Перезагрузите окно, чтобы продолжить работу.',
  unresponsiveTitle: 'Окно программы не отвечает',
  unresponsiveDetail: 'Возможно, идёт долгая операция. Можно подождать или перезагрузить окно.',
  reload: 'Перезагрузить',
  wait: 'Подождать',
  quit: 'Закрыть программу',
  wallOpened: 'Видеостена открыта на экране «{display}»',
  wallMoved: 'Видеостена перенесена на экран «{display}»',
  wallClosed: 'Видеостена закрыта',
  wallDisplayRemoved: 'Экран видеостены отключён; других внешних экранов нет, видеостена закрыта',
  wallRecovered: 'Окно видеостены перезапущено после сбоя ({reason})',
  noDisplay: 'Нет доступного экрана для видеостены',
  wallSpanOpened: 'Видеостена растянута на экраны {display}',
  wallScreensOpened: 'Видеостена открыта на экранах: {display}',
  wallMissingDisplay: 'Выбранный экран не подключён (№ {ids}); выберите экраны заново',
  wallSpanTooFew: 'Для общего холста выберите не меньше двух экранов',
  wallSpanOverlap: 'Выбранные экраны перекрываются (зеркалирование?); общий холст невозможен',
  wallSpanGaps: 'Выбранные экраны не складываются в прямоугольник; проверьте их расположение в настройках экранов системы',
  wallSpanDisplayLost: 'Экран общего холста отключён; остальные экраны продолжают показ своей части',
  wallScreenDisplayLost: 'Экран «{display}» отключён; его окно закрыто, остальные экраны продолжают показ',
} as const;

export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
