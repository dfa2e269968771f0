import { defineMessages } from '../../i18n';

export const wallSettingsMessages = defineMessages(
  {
    title: 'Карта видеостены: границы муниципалитетов',
    hint: 'По умолчанию стена рисует карту из равных плиток. Файл GeoJSON с границами (например, из OpenStreetMap) заменит её настоящими очертаниями; источник данных будет подписан на карте.',
    current: 'Сейчас: {what}',
    tiles: 'карта из равных плиток',
    imported: 'границы из файла «{file}» ({count} из {total} муниципалитетов)',
    choose: 'Загрузить GeoJSON…',
    remove: 'Вернуть карту из плиток',
    attribution: 'Подпись источника: {text}',
    notJson: 'Файл не читается как JSON: {cause}',
    nothingMatched: 'Ни одна граница не совпала с муниципалитетами региона «{region}»',
    result: 'Сопоставлено {matched} из {total}; без границы: {missing}; не опознано объектов в файле: {unmatched}; с ошибкой: {invalid}',
    saved: 'Границы сохранены; карта на стене обновится сама',
    none: 'нет',
  },
  {
    title: 'Wall map: municipality boundaries',
    hint: 'By default the wall draws an equal-tile map. A GeoJSON file with boundaries (for example from OpenStreetMap) replaces it with real shapes; the data source is credited on the map.',
    current: 'Now: {what}',
    tiles: 'equal-tile map',
    imported: 'boundaries from “{file}” ({count} of {total} municipalities)',
    choose: 'Load GeoJSON…',
    remove: 'Back to the tile map',
    attribution: 'Source credit: {text}',
    notJson: 'The file is not valid JSON: {cause}',
    nothingMatched: 'No boundary matched a municipality of “{region}”',
    result: 'Matched {matched} of {total}; without a boundary: {missing}; unrecognised features: {unmatched}; invalid: {invalid}',
    saved: 'Boundaries saved; the wall map updates by itself',
    none: 'none',
  },
);
