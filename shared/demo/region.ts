/**
 * The demo region derived from a region pack: each municipality's weight in the appeal flow
 * (population, or a LABELLED estimate when the population is unknown), its organisations, a few
 * settlements, and a seeded "performance" that makes municipalities differ in speed and ratings.
 */
import type { Municipality, RegionPack } from '../domain/region-pack';
import type { Organisation } from '../domain/mapping';
import { hashInts, hashString, unitOf } from './prng';

/** Where a municipality's weight came from. Only `population` is a published fact. */
export type WeightBasis = 'population' | 'pack-estimate' | 'simulator-estimate';

export interface DemoOrganisation {
  name: string;
  /** Municipality id, or null for a regional body. */
  municipality: string | null;
  /** Sector it answers for, or null for an administration (answers for anything). */
  sector: string | null;
}

export interface DemoMunicipality {
  id: string;
  name: string;
  centreName: string;
  lat: number | null;
  lon: number | null;
  /** Whether it is a town (urban okrug): denser addresses, no villages. */
  urban: boolean;
  weight: number;
  weightBasis: WeightBasis;
  /** Russian note explaining an estimate; null for a published population. */
  weightNote: string | null;
  /** < 1 answers faster and better than the region's average; > 1 slower and worse. */
  slowness: number;
  settlements: readonly string[];
  /** Organisations by sector id; `admin` is the municipality's administration. */
  orgsBySector: ReadonlyMap<string, readonly string[]>;
  admin: string;
}

export interface DemoRegion {
  id: string;
  name: string;
  timeZone: string;
  municipalities: readonly DemoMunicipality[];
  /** Regional bodies by sector id. */
  regionalBySector: ReadonlyMap<string, string>;
  /** Every organisation the simulator can name (reference data for sources). */
  organisations: readonly DemoOrganisation[];
}

const VILLAGES = [
  'с. Никольское', 'д. Берёзовка', 'с. Покровское', 'д. Малиновка', 'с. Ильинское', 'д. Осиновка', 'п. Лесной',
  'с. Троицкое', 'д. Сосновка', 'с. Знаменка', 'д. Ключи', 'п. Светлый', 'с. Спасское', 'д. Заречье', 'с. Воскресенское',
];
const MANAGEMENT_BRANDS = ['Уют', 'Жилсервис', 'Комфорт', 'Мой дом', 'Домовой', 'Управдом', 'Сервис-Плюс', 'Надёжный дом'];

function isUrban(m: Municipality): boolean {
  return /городской округ|ЗАТО/i.test(`${m.type ?? ''} ${m.name}`);
}

/** «Арбажский муниципальный округ» → «Арбажского муниципального округа». */
export function municipalityGenitive(name: string): string {
  const district = /^(\S+?)(ский|цкий|ской) муниципальный (округ|район)$/.exec(name);
  if (district) return `${district[1]}${district[2] === 'цкий' ? 'цкого' : 'ского'} муниципального ${district[3] === 'округ' ? 'округа' : 'района'}`;
  const town = /^городской округ (.+)$/.exec(name);
  if (town) return `городского округа ${town[1]}`;
  return name;
}

/** «Арбажский муниципальный округ» → «Арбажская»; null for towns. */
function feminineAdjective(name: string): string | null {
  const m = /^(\S+?)(ский|цкий|ской) муниципальный/.exec(name);
  if (!m) return null;
  return `${m[1]}${m[2] === 'цкий' ? 'цкая' : 'ская'}`;
}

/** «Кировская область» → «Кировской области». */
export function regionGenitive(name: string): string {
  return name.replace(/ая область$/, 'ой области').replace(/ий край$/, 'ого края');
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

/**
 * Weight of each municipality in the flow. A published population is used as is; then the pack's
 * own labelled estimate; otherwise the simulator estimates from the type (median of published
 * populations of the same kind of unit) and says so in `weightNote`.
 */
function weightsOf(pack: RegionPack): Map<string, { weight: number; basis: WeightBasis; note: string | null }> {
  const known = pack.municipalities.filter((m) => m.population);
  const ruralMedian = median(known.filter((m) => !isUrban(m)).map((m) => m.population!.value)) ?? 15_000;
  const out = new Map<string, { weight: number; basis: WeightBasis; note: string | null }>();
  for (const m of pack.municipalities) {
    if (m.population) {
      out.set(m.id, { weight: m.population.value, basis: 'population', note: null });
    } else if (m.populationEstimate) {
      out.set(m.id, {
        weight: m.populationEstimate.value,
        basis: 'pack-estimate',
        note: `Оценка пакета региона (${m.populationEstimate.basis}), не официальная численность`,
      });
    } else {
      // Deliberately modest: a district-sized guess never inflates an unknown unit on the wall.
      const weight = ruralMedian;
      out.set(m.id, {
        weight,
        basis: 'simulator-estimate',
        note: `Численность неизвестна: демо-симулятор принял условную оценку ${weight} (медиана районов и округов с известной численностью)`,
      });
    }
  }
  return out;
}

function packOrganisationsBySector(pack: RegionPack): Map<string, Organisation[]> {
  const out = new Map<string, Organisation[]>();
  for (const org of pack.organisations) {
    const key = `${org.municipality ?? ''}|${org.sector ?? 'admin'}`;
    const list = out.get(key) ?? [];
    list.push(org);
    out.set(key, list);
  }
  return out;
}

export function buildDemoRegion(pack: RegionPack, seed: number): DemoRegion {
  const weights = weightsOf(pack);
  const packOrgs = packOrganisationsBySector(pack);
  const organisations: DemoOrganisation[] = [];
  const regionGen = regionGenitive(pack.name);

  const regional = new Map<string, string>([
    ['housing', `Министерство энергетики и жилищно-коммунального хозяйства ${regionGen}`],
    ['waste', 'Региональный оператор по обращению с ТКО'],
    ['energy', `Министерство энергетики и жилищно-коммунального хозяйства ${regionGen}`],
    ['education', `Министерство образования ${regionGen}`],
    ['health', `Министерство здравоохранения ${regionGen}`],
    ['roads', `Министерство транспорта ${regionGen}`],
    ['transport', `Министерство транспорта ${regionGen}`],
    ['social', `Министерство социального развития ${regionGen}`],
    ['improvement', `Министерство строительства ${regionGen}`],
    ['safety', `Главное управление МЧС России по ${pack.name.replace(/ая область$/, 'ой области')}`],
  ]);
  for (const org of pack.organisations.filter((o) => o.municipality === null && o.sector)) regional.set(org.sector!, org.name);
  const seenRegional = new Set<string>();
  for (const [sector, name] of regional) {
    if (seenRegional.has(name)) continue;
    seenRegional.add(name);
    organisations.push({ name, municipality: null, sector });
  }

  const municipalities = pack.municipalities.map((m): DemoMunicipality => {
    const urban = isUrban(m);
    const centre = m.adminCentre.name ?? m.shortName;
    const lat = m.adminCentre.lat ?? m.layoutPoint?.lat ?? null;
    const lon = m.adminCentre.lon ?? m.layoutPoint?.lon ?? null;
    const w = weights.get(m.id)!;
    const h = hashInts(seed, hashString(m.id));
    const fem = feminineAdjective(m.name);
    const place = `${urban ? 'г. ' : ''}${centre}`;
    const brandA = MANAGEMENT_BRANDS[h % MANAGEMENT_BRANDS.length]!;
    const brandB = MANAGEMENT_BRANDS[(h >>> 8) % MANAGEMENT_BRANDS.length]!;
    const admin =
      packOrgs.get(`${m.id}|admin`)?.[0]?.name ?? `Администрация ${municipalityGenitive(m.name)}`;
    const derived: Record<string, string[]> = {
      housing: [`ООО «УК «${brandA}» (${place})`, ...(brandB !== brandA ? [`ООО «УК «${brandB}» (${place})`] : []), `МУП «Водоканал» (${place})`, `МУП «Теплосервис» (${place})`],
      waste: [admin],
      energy: [`Районные электрические сети (${place})`, `Газораспределительная организация (${place})`],
      education: [`Управление образования ${municipalityGenitive(m.name)}`],
      health: [fem ? `${fem} центральная районная больница` : `Городская больница (${place})`],
      roads: [`МКУ «Дорожное хозяйство» (${place})`],
      transport: [`Пассажирское автотранспортное предприятие (${place})`],
      social: [`Центр социальной защиты населения (${place})`],
      improvement: [admin],
      safety: [admin],
    };
    const orgsBySector = new Map<string, readonly string[]>();
    for (const [sector, names] of Object.entries(derived)) {
      const fromPack = (packOrgs.get(`${m.id}|${sector}`) ?? []).map((o) => o.name);
      const list = fromPack.length > 0 ? fromPack : names;
      orgsBySector.set(sector, list);
      for (const name of list) if (name !== admin) organisations.push({ name, municipality: m.id, sector });
    }
    organisations.push({ name: admin, municipality: m.id, sector: null });
    const villageStart = (h >>> 4) % VILLAGES.length;
    const settlements = urban ? [centre] : [centre, ...Array.from({ length: 5 }, (_, i) => VILLAGES[(villageStart + i * 3) % VILLAGES.length]!)];
    return {
      id: m.id,
      name: m.name,
      centreName: centre,
      lat,
      lon,
      urban,
      weight: w.weight,
      weightBasis: w.basis,
      weightNote: w.note,
      slowness: 0.7 + 0.6 * unitOf(hashInts(h, 17)),
      settlements,
      orgsBySector,
      admin,
    };
  });

  // One organisation name may serve several sectors: keep each name once.
  const unique = new Map<string, DemoOrganisation>();
  for (const org of organisations) if (!unique.has(org.name)) unique.set(org.name, org);

  return {
    id: pack.id,
    name: pack.name,
    timeZone: pack.timeZone,
    municipalities,
    regionalBySector: regional,
    organisations: [...unique.values()],
  };
}
