// Builds the bundled region packs from the team's reference data (facts only, see
// resources/ATTRIBUTION.md). Run: npm run packs [-- dataDir] (dataDir defaults to the team's
// shared/data folder beside the repository). Re-running gives the same output; ids are stable slugs
// of the name stem. Kirov's real boundaries are simplified with their topology kept (neighbours share
// every edge) and matched to the municipalities by the same code the app's GeoJSON import uses;
// every mismatch is printed.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simplifiedBoundaries } from './simplify-boundaries.mjs';

const dataDir = process.argv[2] ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));
const read = (name) => JSON.parse(readFileSync(`${dataDir}/${name}`, 'utf8'));

const TRANSLIT = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
const slug = (text) =>
  [...text.toLowerCase()]
    .map((c) => TRANSLIT[c] ?? (/[a-z0-9]/.test(c) ? c : '-'))
    .join('')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');

/** «Слободской» → «Слободского», «Кирово-Чепецкий» → «Кирово-Чепецкого». */
const adjectiveGenitive = (word) => word.replace(/(ий|ой)$/, 'ого');

const CITY_GENITIVE = {
  Киров: 'Кирова',
  'Вятские Поляны': 'Вятские Поляны',
  'Кирово-Чепецк': 'Кирово-Чепецка',
  Котельнич: 'Котельнича',
  Слободской: 'Слободского',
};

const ATTRIBUTION_KIROV = [
  'Перечень муниципальных образований и их границы: © участники OpenStreetMap, ODbL 1.0 (выгрузка timurkanaz/Russia_geojson_OSM, 2020)',
  'Население муниципальных образований: Росстат, на 01.01.2024 (Унинский округ — на 01.01.2023; Немский округ и ЗАТО Первомайский — оценка на 01.01.2021)',
  'ОКТМО: Росстат 2024, где он отличается; иначе статьи Википедии и их зеркала, CC BY-SA',
  'Координаты, ОКТМО и население городов: HFLABS (hflabs/city), CC BY-SA 4.0',
  'Координаты населённых пунктов: GeoNames, CC BY 4.0',
  'Типы муниципальных образований: статьи Википедии и их зеркала, CC BY-SA',
];
const OSM_MAP_ATTRIBUTION = '© участники OpenStreetMap, ODbL';

/** «2024-01-01» → «01.01.2024». */
const ruDate = (iso) => iso.split('-').reverse().join('.');

/** The published population with its date and source, as the methodology and legends show it. */
function populationOfSource(population) {
  if (!population) return null;
  const fromRosstatTable = population.as_of >= '2023-01-01';
  return {
    value: population.value,
    year: population.year,
    asOf: population.as_of,
    source: fromRosstatTable ? 'Росстат' : 'Росстат (оценка, по зеркалам Википедии)',
    note: fromRosstatTable
      ? `Росстат, численность постоянного населения на ${ruDate(population.as_of)}`
      : `Оценка Росстата на ${ruDate(population.as_of)} (до переписи 2021 г.), несопоставима с оценками на 2024 г.`,
  };
}

function buildKirov() {
  const source = read('kirov-municipalities.json');
  const municipalities = [];
  const organisations = [];
  for (const m of source.municipalities) {
    const notes = [...(m.notes ?? [])];
    if (m.type_confidence === 'low') notes.push('тип подтверждён только источником низкой достоверности');
    let id;
    let shortName;
    const adminAliases = [];
    let adminName;
    if (m.type.startsWith('городской округ (ЗАТО)') || m.name.startsWith('ЗАТО')) {
      const stem = m.name.replace(/^ЗАТО\s+/, '');
      id = `zato-${slug(stem)}`;
      shortName = `ЗАТО ${stem}`;
      adminName = `Администрация ЗАТО ${stem}`;
      adminAliases.push(`Администрация закрытого административно-территориального образования ${stem}`);
    } else if (m.type === 'городской округ') {
      const city = m.name.replace(/^городской округ город\s+/, '');
      id = `g-${slug(city)}`;
      shortName = `г. ${city}`;
      const gen = CITY_GENITIVE[city];
      if (!gen) throw new Error(`no genitive for ${city}`);
      adminName = `Администрация города ${gen}`;
      adminAliases.push(`Администрация г. ${gen}`, `Администрация муниципального образования «Город ${city}»`, `Администрация городского округа город ${city}`);
    } else {
      const match = /^(.+?)\s+муниципальный\s+(район|округ)$/.exec(m.name);
      if (!match) throw new Error(`unexpected name ${m.name}`);
      const [, stem, kind] = match;
      id = slug(stem);
      shortName = `${stem} ${kind}`;
      const gen = adjectiveGenitive(stem);
      const kindGen = kind === 'район' ? 'района' : 'округа';
      adminName = `Администрация ${gen} муниципального ${kindGen}`;
      adminAliases.push(`Администрация ${gen} ${kindGen}`);
      // Records filed before the 2020s reform still name the district.
      if (kind === 'округ') adminAliases.push(`Администрация ${gen} района`, `Администрация ${gen} муниципального района`);
    }
    const centre = m.admin_centre ?? {};
    const oktmo = m.oktmo_rosstat_2024 ?? m.oktmo ?? null;
    // The team's data gives the ZATO the population of its only settlement (the same by composition).
    if (id.startsWith('zato-') && m.population) notes.push(`Население — численность пгт ${centre.name}, единственного населённого пункта ЗАТО`);
    if (m.oktmo_rosstat_2024 && m.oktmo && m.oktmo_rosstat_2024 !== m.oktmo) notes.push(`ОКТМО до преобразования: ${m.oktmo}`);
    const estimate =
      !m.population && m.centre_population && (m.type === 'городской округ' || centreInside(m))
        ? {
            value: m.centre_population.value,
            year: m.centre_population.as_of.slice(0, 4),
            basis: 'население административного центра',
            note: `Только население г. ${centre.name} (Росстат на ${m.centre_population.as_of.split('-').reverse().join('.')}), нижняя граница: население муниципального образования неизвестно`,
          }
        : null;
    municipalities.push({
      id,
      name: m.name,
      shortName,
      type: m.type,
      oktmo,
      adminCentre: { name: centre.name ?? null, lat: centre.lat ?? null, lon: centre.lon ?? null },
      population: populationOfSource(m.population),
      populationEstimate: estimate,
      notes,
      sources: m.sources ?? {},
    });
    organisations.push({ id: `adm-${id}`, name: adminName, aliases: adminAliases, level: 'municipal', municipality: id, sector: null });
  }
  organisations.push(
    { id: 'gov-kirov-oblast', name: 'Правительство Кировской области', aliases: [], level: 'regional', municipality: null, sector: null },
    { id: 'min-housing', name: 'Министерство жилищно-коммунального хозяйства Кировской области', aliases: ['Министерство ЖКХ Кировской области'], level: 'regional', municipality: null, sector: 'housing' },
    { id: 'min-health', name: 'Министерство здравоохранения Кировской области', aliases: ['Минздрав Кировской области'], level: 'regional', municipality: null, sector: 'health' },
    { id: 'min-education', name: 'Министерство образования Кировской области', aliases: ['Минобразования Кировской области'], level: 'regional', municipality: null, sector: 'education' },
    { id: 'min-transport', name: 'Министерство транспорта Кировской области', aliases: ['Минтранс Кировской области'], level: 'regional', municipality: null, sector: 'transport' },
    { id: 'min-social', name: 'Министерство социального развития Кировской области', aliases: ['Минсоцразвития Кировской области'], level: 'regional', municipality: null, sector: 'social' },
  );
  const pack = {
    format: 'cur-region-pack',
    formatVersion: 1,
    version: '2026.12.1',
    id: 'kirov',
    name: 'Кировская область',
    timeZone: 'Europe/Moscow',
    partial: false,
    municipalities,
    organisations,
    sectors: [],
    sectorMapping: [],
    deadlineOverrides: [],
    geometry: { kind: 'tiles' },
    attribution: ATTRIBUTION_KIROV,
  };
  pack.geometry = simplifiedBoundaries(read('kirov-municipalities.geojson'), pack, OSM_MAP_ATTRIBUTION);
  return pack;
}

/** The four districts whose centre is a separate urban okrug must not borrow the town's population. */
function centreInside(m) {
  return !['Вятскополянский', 'Кирово-Чепецкий', 'Котельничский', 'Слободской'].some((s) => m.name.startsWith(s));
}

function buildSverdlovsk() {
  const source = read('sverdlovsk-municipalities.json');
  const municipalities = source.municipalities.map((m) => {
    const label = m.name_osm_2020;
    const towns = m.towns_within ?? [];
    const notes = ['Название — подпись из выгрузки OSM 2020 (часто сокращённая); официальное название, тип и ОКТМО не установлены'];
    if (m.urban_okrug_oktmo_derived) notes.push(`ОКТМО городского округа, выведенный из ОКТМО города (не проверен): ${m.urban_okrug_oktmo_derived.join(', ')}`);
    if (towns.length) notes.push(`Города в границах: ${towns.map((t) => t.name).join(', ')}`);
    const withPop = towns.filter((t) => t.population_2020);
    const layoutPoint = towns.length
      ? {
          lat: round(towns.reduce((s, t) => s + t.lat, 0) / towns.length),
          lon: round(towns.reduce((s, t) => s + t.lon, 0) / towns.length),
          basis: towns.length === 1 ? `город ${towns[0].name}` : `средняя точка городов: ${towns.map((t) => t.name).join(', ')}`,
        }
      : null;
    return {
      id: slug(label),
      name: label,
      shortName: label,
      type: null,
      oktmo: null,
      adminCentre: { name: null, lat: null, lon: null },
      population: null,
      populationEstimate: withPop.length
        ? {
            value: withPop.reduce((s, t) => s + t.population_2020, 0),
            year: '2020',
            basis: 'население городов в границах',
            note: `Только города (${withPop.map((t) => t.name).join(', ')}; Росстат на 01.01.2020), нижняя граница`,
          }
        : null,
      layoutPoint,
      notes,
      sources: { name: ['OSM_TIMUR'], ...(towns.length ? { towns: ['HFLABS', 'RUCITIES'] } : {}) },
    };
  });
  return {
    format: 'cur-region-pack',
    formatVersion: 1,
    version: '2026.11.1-partial',
    id: 'sverdlovsk',
    name: 'Свердловская область',
    timeZone: 'Asia/Yekaterinburg',
    partial: true,
    municipalities,
    organisations: [
      { id: 'gov-sverdlovsk-oblast', name: 'Правительство Свердловской области', aliases: [], level: 'regional', municipality: null, sector: null },
      { id: 'adm-ekaterinburg', name: 'Администрация города Екатеринбурга', aliases: ['Администрация г. Екатеринбурга'], level: 'municipal', municipality: 'ekaterinburg', sector: null },
    ],
    // Sverdlovsk's regulation (11.3) adds its own blocks beyond the standard eight.
    sectors: [
      { id: 'ecology', name: 'Экология', shortName: 'Экология', colour: '#117733', icon: 'leaf' },
      { id: 'improvement', name: 'Благоустройство', shortName: 'Благоустр.', colour: '#999933', icon: 'tree' },
      { id: 'safety', name: 'Безопасность', shortName: 'Безопасность', colour: '#882255', icon: 'shield' },
    ],
    sectorMapping: [
      { category: 'Благоустройство', sector: 'improvement' },
      { category: 'Безопасность и правопорядок', sector: 'safety' },
      { category: 'Экология', sector: 'ecology' },
    ],
    deadlineOverrides: [],
    geometry: { kind: 'tiles' },
    attribution: [
      'Перечень муниципальных образований: © участники OpenStreetMap, ODbL 1.0 (выгрузка timurkanaz/Russia_geojson_OSM, 2020)',
      'Города, их координаты и ОКТМО: HFLABS (hflabs/city), CC BY-SA 4.0',
      'Население городов на 01.01.2020: Росстат (через epogrebnyak/ru-cities)',
    ],
  };
}

const round = (x) => Math.round(x * 1e5) / 1e5;

for (const [file, pack] of [['kirov.json', buildKirov()], ['sverdlovsk.json', buildSverdlovsk()]]) {
  const ids = new Set(pack.municipalities.map((m) => m.id));
  if (ids.size !== pack.municipalities.length) throw new Error(`duplicate ids in ${file}`);
  writeFileSync(new URL(`./${file}`, import.meta.url), JSON.stringify(pack, null, 1) + '\n');
  console.log(file, pack.municipalities.length, 'municipalities', pack.organisations.length, 'organisations');
}
