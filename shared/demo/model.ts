/**
 * The demo region simulator: a deterministic, seeded flow of appeals for a region pack.
 *
 * Every region-local day has a number of appeals (scale × seasonality × weekday rhythm × noise);
 * appeal (day, index) draws everything from its own random stream, so any appeal, any page and any
 * window of changes is produced without producing the rest. Same (seed, scale, pack, instant) →
 * the same records, byte for byte.
 */
import type { Appeal, Importance, Regime, SourceKind } from '../domain/appeal';
import { appealId } from '../domain/appeal';
import { workCalendar } from '../domain/calendar';
import { mapSector, type SectorMapping } from '../domain/mapping';
import { sectorMappingOf, type RegionPack } from '../domain/region-pack';
import { normalizeStatus } from '../domain/status';
import { regionDay, regionDayStart } from '../domain/time';
import { CATEGORY_CATALOG, STREETS, type CategorySpec, type Topic } from './catalog';
import { demoDeadline } from './deadline';
import { DAY, HOUR, MAX_LIFETIME_DAYS, drawLifecycle, lastEventIndex, type Lifecycle } from './lifecycle';
import { generatePerson, personalData } from './people';
import { Rng, WeightedTable, hashInts, hashString, unitOf } from './prng';
import { buildDemoRegion, type DemoMunicipality, type DemoRegion } from './region';
import { incidentsOn, type PlantedIncident } from './incidents';

export interface DemoOptions {
  seed: number;
  /** Appeals per simulated year. */
  scale: number;
  pack: RegionPack;
}

const OPEN_MINUTES = 9 * 60;
const CLOSE_MINUTES = 18 * 60;

/** Epoch-day number of 2020-01-01: external numbers count days from it. */
const NUMBERING_EPOCH_DAY = 18_262;

interface SourceSpec {
  source: SourceKind;
  share: number;
  workday: number;
  dayOff: number;
}

/** Channel mix of a ЦУР: ПОС leads, ИМ follows, then letters and the regional portal. */
const SOURCES: readonly SourceSpec[] = [
  { source: 'pos', share: 0.5, workday: 1.12, dayOff: 0.6 },
  { source: 'im', share: 0.3, workday: 1.0, dayOff: 0.85 },
  { source: 'letter59', share: 0.13, workday: 1.25, dayOff: 0.12 },
  { source: 'regional', share: 0.07, workday: 1.15, dayOff: 0.5 },
];
/** Monday is the busiest day, Friday calms down (weekday index 0 = Sunday). */
const WEEKDAY_FACTOR = [1, 1.1, 1.02, 1, 0.98, 0.92, 1];
/** Appeals by local hour: office hours for forms and letters, evenings for social networks. */
const FORMAL_HOURS = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.2, 2.4, 2.3, 1.8, 2.0, 2.2, 2.1, 1.9, 1.6, 1.2, 1.0, 0.9, 0.8, 0.6, 0.4];
const SOCIAL_HOURS = [0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.5, 1.0, 1.4, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.6, 1.8, 2.0, 2.2, 2.3, 2.1, 1.6, 1.0];
const IM_CHANNELS = new WeightedTable(['vk', 'ok', 'telegram'], [0.55, 0.2, 0.25]);
const POS_FORMS = new WeightedTable(['EPGU', 'EPGU_MOBILE', 'WIDGET_SITE'], [0.55, 0.35, 0.1]);
const LETTER_CHANNELS = new WeightedTable(['почта', 'электронная почта', 'личный приём'], [0.45, 0.45, 0.1]);
const IMPORTANCE = new WeightedTable<Importance>(['high', 'normal', 'private'], [0.15, 0.75, 0.1]);
const TEMPLATE_SLOT = /\{(addr|place|days|weeks|num)\}/g;

export interface DemoCore {
  day: number;
  index: number;
  source: SourceKind;
  regime: Regime;
  category: CategorySpec;
  topic: Topic;
  municipality: DemoMunicipality;
  receivedAt: number;
  importance: Importance | null;
  fastTrack: boolean;
  /** Original appeal (day, index) when this one is a repeat. */
  repeatOf: readonly [number, number] | null;
  /** Seed of the applicant's identity (a repeat shares its original's). */
  personSeed: number;
  addressSeed: number;
  life: Lifecycle;
}

export class DemoModel {
  readonly seed: number;
  readonly scale: number;
  readonly pack: RegionPack;
  readonly region: DemoRegion;
  readonly timeZone: string;
  private readonly mapping: SectorMapping;
  private readonly municipalities: WeightedTable<DemoMunicipality>;
  private readonly categoriesByMonth: WeightedTable<CategorySpec>[];
  private readonly monthFactor: number[];
  private readonly sourcesWorkday: WeightedTable<SourceSpec>;
  private readonly sourcesDayOff: WeightedTable<SourceSpec>;
  private readonly workdayFactor: number;
  private readonly dayOffFactor: number;
  private readonly meanDayFactor: number;
  private readonly formalHours: WeightedTable<number>;
  private readonly socialHours: WeightedTable<number>;
  private readonly dayStarts = new Map<number, number>();
  private readonly dayCounts = new Map<number, number>();
  private readonly isoDays = new Map<number, string>();
  private readonly workingDays = new Map<number, boolean>();
  private readonly lastEvents = new Map<number, Float64Array>();
  private partialLastEvents: { day: number; next: number; times: Float64Array } | null = null;
  private readonly statusCache = new Map<SourceKind, Map<string, ReturnType<typeof normalizeStatus>>>();
  /** Sector of a topic: index 0 for ИМ (theme group), 1 for the other sources (ПОС category). */
  private readonly sectorCache = new Map<Topic, [ReturnType<typeof mapSector> | null, ReturnType<typeof mapSector> | null]>();
  private readonly executors = new Map<string, string>();

  constructor(options: DemoOptions) {
    if (!(options.scale > 0)) throw new RangeError('demo scale must be positive');
    this.seed = options.seed | 0;
    this.scale = options.scale;
    this.pack = options.pack;
    this.timeZone = options.pack.timeZone;
    this.region = buildDemoRegion(options.pack, this.seed);
    this.mapping = sectorMappingOf(options.pack);
    this.municipalities = new WeightedTable(this.region.municipalities, this.region.municipalities.map((m) => m.weight));
    this.categoriesByMonth = Array.from({ length: 12 }, (_, month) => new WeightedTable(CATEGORY_CATALOG, CATEGORY_CATALOG.map((c) => c.share * c.months[month]!)));
    const shareSum = CATEGORY_CATALOG.reduce((s, c) => s + c.share, 0);
    this.monthFactor = Array.from({ length: 12 }, (_, month) => CATEGORY_CATALOG.reduce((s, c) => s + c.share * c.months[month]!, 0) / shareSum);
    const meanMonth = this.monthFactor.reduce((a, b) => a + b, 0) / 12;
    this.monthFactor = this.monthFactor.map((f) => f / meanMonth);
    this.sourcesWorkday = new WeightedTable(SOURCES, SOURCES.map((s) => s.share * s.workday));
    this.sourcesDayOff = new WeightedTable(SOURCES, SOURCES.map((s) => s.share * s.dayOff));
    this.workdayFactor = SOURCES.reduce((sum, s) => sum + s.share * s.workday, 0);
    this.dayOffFactor = SOURCES.reduce((sum, s) => sum + s.share * s.dayOff, 0);
    // Mean over a typical week (5 working days with their weekday factors + 2 days off).
    this.meanDayFactor = (this.workdayFactor * (1.1 + 1.02 + 1 + 0.98 + 0.92) + 2 * this.dayOffFactor) / 7;
    const hours = Array.from({ length: 24 }, (_, h) => h);
    this.formalHours = new WeightedTable(hours, FORMAL_HOURS);
    this.socialHours = new WeightedTable(hours, SOCIAL_HOURS);
  }

  // ---- days ---------------------------------------------------------------------------------

  /** Region-local day number (days since 1970-01-01 of the local calendar date). */
  dayOf(epochMs: number): number {
    const iso = regionDay(epochMs, this.timeZone);
    return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
  }

  isoDay(day: number): string {
    let iso = this.isoDays.get(day);
    if (iso === undefined) {
      iso = new Date(day * DAY).toISOString().slice(0, 10);
      this.isoDays.set(day, iso);
    }
    return iso;
  }

  dayStart(day: number): number {
    let start = this.dayStarts.get(day);
    if (start === undefined) {
      start = regionDayStart(this.isoDay(day), this.timeZone);
      this.dayStarts.set(day, start);
    }
    return start;
  }

  private isWorking(day: number): boolean {
    let working = this.workingDays.get(day);
    if (working === undefined) {
      working = workCalendar.isWorkingDay(this.isoDay(day));
      this.workingDays.set(day, working);
    }
    return working;
  }

  /** Region-local day of an instant known to fall on or after `fromDay` (no Intl call). */
  dayAfter(epochMs: number, fromDay: number): number {
    let day = fromDay;
    while (this.dayStart(day + 1) <= epochMs) day += 1;
    return day;
  }

  private status(source: SourceKind, raw: string): ReturnType<typeof normalizeStatus> {
    let bySource = this.statusCache.get(source);
    if (!bySource) {
      bySource = new Map();
      this.statusCache.set(source, bySource);
    }
    let result = bySource.get(raw);
    if (!result) {
      result = normalizeStatus(source, raw);
      bySource.set(raw, result);
    }
    return result;
  }

  /** The mapping table decides the sector; mapping tables only distinguish ИМ from the rest here. */
  private sectorOf(source: SourceKind, category: CategorySpec, topic: Topic): ReturnType<typeof mapSector> {
    let pair = this.sectorCache.get(topic);
    if (!pair) {
      pair = [null, null];
      this.sectorCache.set(topic, pair);
    }
    const slot = source === 'im' ? 0 : 1;
    let result = pair[slot];
    if (!result) {
      result = mapSector(this.mapping, { source, category: source === 'im' ? category.imGroup : category.category, subcategory: topic.subcategory });
      pair[slot] = result;
    }
    return result;
  }

  /** The official who handles an organisation's appeals (not a citizen): one per organisation. */
  private executorOf(org: string): string {
    let name = this.executors.get(org);
    if (name === undefined) {
      const person = generatePerson(new Rng(hashInts(this.seed, 0xe8ec, hashString(org))));
      name = `${person.surname} ${person.firstName[0]}. ${person.patronymic[0]}.`;
      this.executors.set(org, name);
    }
    return name;
  }

  /**
   * The instant itself when it falls in office hours (9:00–18:00 of a working day, region time),
   * otherwise the next opening plus a part of the off-hours delay, so work queued overnight is
   * spread over the morning. `fromDay` is a day at or before the instant.
   */
  officeTime(at: number, fromDay: number): number {
    let day = this.dayAfter(at, fromDay);
    const minutes = (at - this.dayStart(day)) / 60_000;
    if (this.isWorking(day) && minutes >= OPEN_MINUTES && minutes < CLOSE_MINUTES) return at;
    if (!this.isWorking(day) || minutes >= CLOSE_MINUTES) {
      day += 1;
      while (!this.isWorking(day)) day += 1;
    }
    return this.dayStart(day) + OPEN_MINUTES * 60_000 + (at % (3 * HOUR));
  }

  /**
   * Time of the last event of every appeal of a day (index → ms), once a reader has drawn the whole
   * day in order. The lifecycle is deterministic, so the array never goes stale.
   */
  lastEventsOn(day: number): Float64Array | undefined {
    return this.lastEvents.get(day);
  }

  /** Records appeal (day, index)'s last event while a reader walks the day from its first appeal. */
  noteLastEvent(day: number, index: number, count: number, at: number): void {
    if (this.lastEvents.has(day)) return;
    let partial = this.partialLastEvents;
    if (index === 0) {
      partial = { day, next: 0, times: new Float64Array(count) };
      this.partialLastEvents = partial;
    }
    if (!partial || partial.day !== day || partial.next !== index) return;
    partial.times[index] = at;
    partial.next += 1;
    if (partial.next === count) {
      this.lastEvents.set(day, partial.times);
      this.partialLastEvents = null;
    }
  }

  /** Expected appeals on a day before noise: for tests of seasonality and rhythm. */
  expectedOn(day: number): number {
    const month = new Date(day * DAY).getUTCMonth();
    const weekday = new Date(day * DAY).getUTCDay();
    const working = this.isWorking(day);
    const dayFactor = working ? this.workdayFactor * (WEEKDAY_FACTOR[weekday] ?? 1) : this.dayOffFactor;
    return ((this.scale / 365.25) * dayFactor * this.monthFactor[month]!) / this.meanDayFactor;
  }

  /** Number of appeals received on a region-local day: the usual flow plus planted incidents' appeals. */
  countOn(day: number): number {
    return this.baseCountOn(day) + incidentsOn(this.seed, day, this.region.municipalities.length, this.scale).reduce((s, i) => s + i.perDay, 0);
  }

  /** Planted incidents active on a day (shared/demo/incidents.ts). */
  incidentsOn(day: number): PlantedIncident[] {
    return incidentsOn(this.seed, day, this.region.municipalities.length, this.scale);
  }

  /** The incident appeal (day, index) belongs to, when its index is past the usual flow. */
  private plantedAt(day: number, index: number): PlantedIncident | null {
    let at = index - this.baseCountOn(day);
    if (at < 0) return null;
    for (const incident of this.incidentsOn(day)) {
      if (at < incident.perDay) return incident;
      at -= incident.perDay;
    }
    return null;
  }

  /** Number of appeals of the usual flow on a day. */
  private baseCountOn(day: number): number {
    let count = this.dayCounts.get(day);
    if (count === undefined) {
      const rng = new Rng(hashInts(this.seed, 0x0da7, day));
      // Day-to-day noise, plus rare surge days (storms, outages) that a wall should catch.
      const noise = rng.logNormal(1, 0.07) * (rng.chance(0.015) ? 1.6 : 1);
      count = Math.max(0, Math.floor(this.expectedOn(day) * noise + rng.next()));
      this.dayCounts.set(day, count);
    }
    return count;
  }

  // ---- one appeal ---------------------------------------------------------------------------

  /** Whether appeal (day, index) re-opens an earlier problem (drawn outside its main stream). */
  private isRepeatCandidate(day: number, index: number): boolean {
    if (index >= this.baseCountOn(day)) return false;
    return unitOf(hashInts(this.seed, 0x5e9ea7, day, index)) < 0.07;
  }

  private findOriginal(day: number, index: number): readonly [number, number] | null {
    const rng = new Rng(hashInts(this.seed, 0x0416, day, index));
    for (let attempt = 0; attempt < 3; attempt++) {
      const back = rng.between(3, 75);
      const originalDay = day - back;
      const count = this.countOn(originalDay);
      if (count === 0) continue;
      const originalIndex = rng.int(count);
      if (!this.isRepeatCandidate(originalDay, originalIndex)) return [originalDay, originalIndex];
    }
    return null;
  }

  /** Cheap part of an appeal: classification, place, times. No strings are built here. */
  /** The first draws of an appeal's stream: channel, topic and place. */
  private basics(day: number, rng: Rng): { source: SourceKind; category: CategorySpec; topic: Topic; municipality: DemoMunicipality } {
    const source = (this.isWorking(day) ? this.sourcesWorkday : this.sourcesDayOff).pick(rng).source;
    const category = this.categoriesByMonth[new Date(day * DAY).getUTCMonth()]!.pick(rng);
    const topic = rng.pick(category.topics);
    const municipality = this.municipalities.pick(rng);
    return { source, category, topic, municipality };
  }

  core(day: number, index: number): DemoCore {
    const rng = new Rng(hashInts(this.seed, day, index));
    let { source, category, topic, municipality } = this.basics(day, rng);
    const planted = this.plantedAt(day, index);
    if (planted) {
      source = 'pos';
      category = planted.category;
      topic = planted.topic;
      municipality = this.region.municipalities[planted.municipalityIndex] ?? municipality;
    }
    let personSeed = hashInts(this.seed, 0x9e05, day, index);
    let addressSeed = hashInts(this.seed, 0xadd5, day, index);
    let repeatOf: readonly [number, number] | null = null;
    if (this.isRepeatCandidate(day, index)) {
      repeatOf = this.findOriginal(day, index);
      if (repeatOf) {
        // Same person, same problem, same place as the original; usually the same channel.
        // An original is never a repeat itself, so its basics and seeds are its own.
        const original = this.basics(repeatOf[0], new Rng(hashInts(this.seed, repeatOf[0], repeatOf[1])));
        if (rng.chance(0.8)) source = original.source;
        category = original.category;
        topic = original.topic;
        municipality = original.municipality;
        personSeed = hashInts(this.seed, 0x9e05, repeatOf[0], repeatOf[1]);
        addressSeed = hashInts(this.seed, 0xadd5, repeatOf[0], repeatOf[1]);
      }
    }
    const hour = (source === 'im' ? this.socialHours : this.formalHours).pick(rng);
    const receivedAt = this.dayStart(day) + hour * HOUR + Math.floor(rng.next() * HOUR);
    const regime: Regime = source === 'letter59' || (source === 'pos' && rng.chance(0.2)) ? 'fz59' : 'message';
    const importance = source === 'im' ? IMPORTANCE.pick(rng) : null;
    const fastTrack = source === 'pos' && regime === 'message' && rng.chance(0.12);
    const termDays = regime === 'fz59' || source === 'regional' ? 30 : fastTrack ? 2 : category.termDays;
    // Working days stretch to ~1.4 calendar days; hours for ИМ follow the importance.
    const termMs = source === 'im' ? (importance === 'high' ? 4 : 9) * HOUR : regime === 'fz59' || source === 'regional' ? termDays * DAY : termDays * 1.4 * DAY;
    const life = drawLifecycle(rng, {
      source,
      regime,
      receivedAt,
      termMs,
      extensionMs: regime === 'fz59' ? 30 * DAY : termMs,
      importance,
      fastTrack,
      slowness: municipality.slowness,
      officeTime: (at) => this.officeTime(at, day),
    });
    return { day, index, source, regime, category, topic, municipality, receivedAt, importance, fastTrack, repeatOf, personSeed, addressSeed, life };
  }

  externalId(source: SourceKind, day: number, index: number): string {
    const serial = `${day - NUMBERING_EPOCH_DAY + 1000}${String(index).padStart(5, '0')}`;
    switch (source) {
      case 'letter59':
        return `ОГ-${serial}`;
      case 'regional':
        return `Р-${serial}`;
      case 'im':
        return `7${serial}`;
      default:
        return serial;
    }
  }

  idOf(day: number, index: number): string {
    const source = this.isRepeatCandidate(day, index) || this.plantedAt(day, index) ? this.core(day, index).source : this.basics(day, new Rng(hashInts(this.seed, day, index))).source;
    return appealId(source, this.externalId(source, day, index));
  }

  /**
   * The full record of appeal (day, index) as it stands at `asOf`, or null when it was not yet
   * received or was deleted by then.
   */
  appealAt(day: number, index: number, asOf: number, core = this.core(day, index)): Appeal | null {
    const { life, source, category, topic, municipality } = core;
    const last = lastEventIndex(life, asOf);
    if (last < 0) return null;
    if (life.deletedAt !== null && life.deletedAt <= asOf) return null;

    const rng = new Rng(hashInts(this.seed, 0x7e47, day, index));
    const personRng = new Rng(core.personSeed);
    const addressRng = new Rng(core.addressSeed);
    const person = generatePerson(personRng);
    const settlement = municipality.urban || addressRng.chance(0.65) ? municipality.centreName : addressRng.pick(municipality.settlements);
    const problemAddress = `${addressRng.pick(STREETS)}, д. ${addressRng.between(1, 120)}`;
    const homeAddress = `${settlement}, ${addressRng.pick(STREETS)}, д. ${addressRng.between(1, 120)}${addressRng.chance(0.7) ? `, кв. ${addressRng.between(1, 180)}` : ''}`;

    const statusRaw = life.events[last]!.statusRaw;
    const { status, known } = this.status(source, statusRaw);
    const categoryName = source === 'im' ? category.imGroup : category.category;
    const sector = this.sectorOf(source, category, topic);

    const answered = life.answeredAt !== null && life.answeredAt <= asOf ? life.answeredAt : null;
    const closed = life.closedAt !== null && life.closedAt <= asOf ? life.closedAt : null;
    const extended = life.extendedAt !== null && life.extendedAt <= asOf;
    const routed = life.routedAt !== null && life.routedAt <= asOf;
    const deadline = demoDeadline(this, core, extended);

    const sectorKey = category.intendedSector;
    const regionalBody = this.region.regionalBySector.get(sectorKey) ?? null;
    const local = municipality.orgsBySector.get(sectorKey) ?? [municipality.admin];
    const toRegional = regionalBody !== null && rng.chance(0.15);
    const sectorOrg = rng.pick(local);
    const orgReceived = toRegional ? regionalBody : life.routedAt !== null ? municipality.admin : sectorOrg;
    const orgCurrent = routed ? (toRegional ? sectorOrg : sectorOrg === municipality.admin ? local[0]! : sectorOrg) : orgReceived;

    const hasCoords = municipality.lat !== null && municipality.lon !== null && rng.chance(source === 'im' ? 0.4 : 0.6);
    const spread = municipality.urban ? 0.03 : 0.15;
    const lat = hasCoords ? round5(municipality.lat! + (rng.next() - 0.5) * spread) : null;
    const lon = hasCoords ? round5(municipality.lon! + (rng.next() - 0.5) * spread * 1.8) : null;

    // Texts name a town with its «г.», as people write it.
    const placeText = municipality.urban && settlement === municipality.centreName ? `г. ${settlement}` : settlement;
    const text = this.text(rng, core, placeText, problemAddress);
    const channel =
      source === 'im'
        ? IM_CHANNELS.pick(rng)
        : source === 'pos'
          ? (category.posForm ?? POS_FORMS.pick(rng))
          : source === 'letter59'
            ? LETTER_CHANNELS.pick(rng)
            : 'regional-portal';
    const url = source === 'im' ? socialUrl(channel ?? 'vk', rng, municipality.id) : null;
    const executor = last >= 1 && orgCurrent ? this.executorOf(orgCurrent) : null;

    const isAnsweredLate = answered !== null && deadline !== null && answered > deadline.dueAt;
    const platformOverdue = source === 'pos' && deadline !== null ? (answered !== null ? isAnsweredLate : asOf > deadline.dueAt && status !== 'rejected') : null;

    const qualityFlags: string[] = [];
    if (!known) qualityFlags.push('unknown-status');
    if (!sector.mapped) qualityFlags.push('unmapped-sector');
    if (deadline === null) qualityFlags.push('no-deadline');

    const personal =
      source === 'im'
        ? rng.chance(0.7)
          ? { fullName: `${person.firstName} ${person.surname}`, phone: null, email: null, address: null, applicantKey: null }
          : null
        : personalData(person, homeAddress, { phone: rng.chance(0.85), email: source === 'letter59' ? rng.chance(0.4) : rng.chance(0.9) });

    const answerHours = answered !== null && source === 'im' ? Math.round(((answered - core.receivedAt) / HOUR) * 100) / 100 : null;
    const rated = life.ratingAt !== null && life.ratingAt <= asOf;

    const externalId = this.externalId(source, day, index);
    return {
      id: appealId(source, externalId),
      source,
      externalId,
      secondaryId: source === 'pos' ? String(2_000_000_000 + (hashInts(this.seed, 0xe96, day, index) % 999_999_999)) : null,
      channel,
      regime: core.regime,
      receivedAt: core.receivedAt,
      registeredAt: life.registeredAt !== null && life.registeredAt <= asOf ? life.registeredAt : null,
      deadline,
      answeredAt: answered,
      closedAt: closed,
      stage: source === 'pos' ? posStage(status) : null,
      statusRaw,
      status,
      platformOverdue,
      fastTrack: core.fastTrack,
      resolutionType: answered !== null ? life.resolutionType : null,
      outcome: source === 'im' ? (closed !== null ? life.outcome : null) : answered !== null ? life.outcome : null,
      importance: core.importance,
      answerHours,
      rating: rated ? life.rating : null,
      reaction: source === 'im' && closed !== null ? life.reaction : null,
      isRepeat: core.repeatOf !== null,
      originalId: core.repeatOf ? this.idOf(core.repeatOf[0], core.repeatOf[1]) : null,
      category: categoryName,
      subcategory: topic.subcategory,
      fact: source === 'im' ? null : rng.pick(topic.facts),
      sector: sector.sector,
      sectorMapped: sector.mapped,
      orgReceived,
      orgCurrent,
      municipality: municipality.id,
      settlement,
      address: rng.chance(source === 'im' ? 0.5 : 0.85) ? problemAddress : null,
      lat,
      lon,
      executor,
      text,
      url,
      tags: source === 'im' ? [category.imGroup.toLowerCase(), topic.subcategory.toLowerCase()] : [],
      personal,
      updatedAt: life.events[last]!.at,
      import: null,
      qualityFlags,
    };
  }

  private text(rng: Rng, core: DemoCore, settlement: string, address: string): string {
    const social = core.source === 'im';
    const template = rng.pick(social ? core.topic.social : core.topic.formal);
    const filled = template.replace(TEMPLATE_SLOT, (_, slot: string) => {
      switch (slot) {
        case 'addr':
          return address;
        case 'place':
          return settlement;
        case 'days':
          return String(rng.between(2, 9));
        case 'weeks':
          return String(rng.between(2, 6));
        default:
          return String(rng.between(1, 25));
      }
    });
    if (social) return core.repeatOf && rng.chance(0.6) ? `Пишу уже не первый раз! ${filled}` : filled;
    const opening = rng.chance(0.45) ? 'Здравствуйте! ' : '';
    const repeat = core.repeatOf ? 'Обращаюсь повторно, предыдущее обращение не решило проблему. ' : '';
    const closing = rng.chance(0.35) ? ' Прошу дать ответ в установленный срок.' : '';
    return `${opening}${repeat}${filled}${closing}`;
  }

  /** How many days of appeals before `at` can still change at `at` (lifetime bound). */
  static readonly lifetimeDays = MAX_LIFETIME_DAYS;
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function posStage(status: string): string {
  if (status === 'new') return 'Модерация';
  if (status === 'answered' || status === 'closed' || status === 'rejected') return 'Завершено';
  return 'Исполнение';
}

function socialUrl(channel: string, rng: Rng, municipalityId: string): string {
  const post = rng.between(1000, 99999);
  if (channel === 'ok') return `https://ok.ru/group/${rng.between(50000000, 59999999)}/topic/${post}`;
  if (channel === 'telegram') return `https://t.me/${municipalityId.replace(/-/g, '_')}_live/${post}`;
  return `https://vk.com/wall-${rng.between(100000, 999999)}_${post}`;
}
