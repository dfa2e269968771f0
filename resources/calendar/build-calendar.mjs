// Converts the team's reference copy of the Russian production calendar
// (/work/shared/data/production-calendar-ru.json, from xmlcalendar.ru) into the product's own
// bundled format. Run: node resources/calendar/build-calendar.mjs [source.json]
import { readFileSync, writeFileSync } from 'node:fs';

const sourcePath = process.argv[2] ?? '/work/shared/data/production-calendar-ru.json';
const source = JSON.parse(readFileSync(sourcePath, 'utf8'));
const years = {};
for (const [year, y] of Object.entries(source).sort()) {
  years[year] = {
    holidays: [...y.holidays].sort(),
    transfers: [...y.transfers_nonworking].sort(),
    decreeNonWorking: [...(y.nonworking_decree ?? [])].sort(),
    workingWeekends: [...y.working_weekends].sort(),
    shortened: [...y.shortened].sort(),
  };
}
const out = {
  format: 'cur-production-calendar',
  version: 1,
  country: 'RU',
  source:
    'xmlcalendar.ru (github.com/xmlcalendar/data, ru/<year>/calendar.xml), cross-checked against ' +
    'carono/production-calendar and python-holidays; 2027 has a single source only',
  // Caveats shown beside the year in the calendar settings.
  notes: {
    '2027':
      'Единственный источник (xmlcalendar.ru, файл от 02.09.2026). Предварительный план (декабрь 2025) ' +
      'называл рабочей субботу 13.11.2027 и выходными 4–7 ноября; сверьте с постановлением Правительства РФ ' +
      'и при расхождении внесите год вручную.',
  },
  years,
};
writeFileSync(new URL('./production-calendar-ru.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log('years:', Object.keys(years).join(', '));
