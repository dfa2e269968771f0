import { defineMessages } from '../../i18n';

export const settingsMessages = defineMessages(
  {
    title: 'Настройки',
    language: 'Язык интерфейса',
    languageHint: 'Числа и даты всегда в российском формате; язык меняет подписи.',
    russian: 'Русский',
    english: 'English',
    region: 'Регион',
    regionHint: 'Пакет региона задаёт муниципалитеты, часовой пояс и отраслевые блоки. У каждого региона своё хранилище данных; при смене региона все окна перезапускаются на его данных.',
    regionPack: 'Пакет региона',
    partial: 'неполный',
    timeZone: 'Часовой пояс: {zone}',
    freshness: 'Свежесть данных',
    freshnessHint: 'Через сколько минут без обновления данные считаются устаревшими (предупреждение на экранах и на видеостене).',
    staleAfter: 'Устаревают через, мин',
    saved: 'Сохранено',
    invalidMinutes: 'Введите целое число минут от 1 до 1440',
    texts: 'Тексты обращений',
    textsHint:
      'Если жители региона пишут в текстах обращений свои имена, телефоны и адреса, включите настройку: тексты и ссылки на публикации будут храниться зашифрованными, как персональные данные. ' +
      'Цена: текст в карточке виден только после «Показать» (запись в журнале действий) и только ролям с доступом к персональным данным; ' +
      'поиск по тексту и разбор «Прочих» работают только у этих ролей после входа; остальные ищут по номеру, категории и адресу проблемы; в экспорт без персональных данных тексты не попадают.',
    textsToggle: 'Тексты обращений содержат персональные данные',
    textsOffNote: 'Выключение не расшифровывает тексты, уже зашифрованные: они по-прежнему открываются через «Показать». Новые тексты будут храниться открыто.',
    textsSealing: 'Шифруются тексты, уже записанные в хранилище: {count}…',
    textsSealed: 'Тексты в хранилище зашифрованы (зашифровано при включении: {count}).',
  },
  {
    title: 'Settings',
    language: 'Interface language',
    languageHint: 'Numbers and dates always use the Russian format; the language changes labels.',
    russian: 'Русский',
    english: 'English',
    region: 'Region',
    regionHint: 'The region pack sets municipalities, the time zone and sector blocks. Each region has its own data store; switching the region restarts every window on its data.',
    regionPack: 'Region pack',
    texts: 'Appeal texts',
    textsHint:
      'If the region\'s residents write their names, phones and addresses into appeal texts, turn this on: texts and post links are stored encrypted, like personal data. ' +
      'The cost: the card shows a text only after «Show» (an activity log entry) and only to roles with access to personal data; ' +
      'text search and the «Other» breakdown work only for those roles after sign-in; others search by number, category and problem address; exports without personal data carry no texts.',
    textsToggle: 'Appeal texts contain personal data',
    textsOffNote: 'Turning this off does not decrypt texts already encrypted: they still open with «Show». New texts will be stored in clear.',
    textsSealing: 'Encrypting texts already in the store: {count}…',
    textsSealed: 'Texts in the store are encrypted (encrypted when turned on: {count}).',
    partial: 'partial',
    timeZone: 'Time zone: {zone}',
    freshness: 'Data freshness',
    freshnessHint: 'After how many minutes without an update the data counts as stale (warning on screens and on the wall).',
    staleAfter: 'Stale after, min',
    saved: 'Saved',
    invalidMinutes: 'Enter a whole number of minutes from 1 to 1440',
  },
);
