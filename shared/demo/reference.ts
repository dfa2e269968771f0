/**
 * Reference data of the demo region (sectors, categories, municipalities, organisations), in the
 * shape every source delivers it: kind, id, value. The sync engine stores it beside the appeals.
 */
import { sectorsOf } from '../domain/sectors';
import { CATEGORY_CATALOG } from './catalog';
import type { DemoModel } from './model';
import { hashString } from './prng';

export type ReferenceKind = 'sector' | 'category' | 'municipality' | 'organisation';

export interface ReferenceItem {
  kind: ReferenceKind;
  id: string;
  value: Record<string, unknown>;
}

/** Organisation ids are derived from the name, so the same name always has the same id. */
export function organisationId(name: string): string {
  return `org-${hashString(name).toString(36)}`;
}

export function demoReference(model: DemoModel): ReferenceItem[] {
  const items: ReferenceItem[] = [];
  for (const sector of sectorsOf(model.pack)) items.push({ kind: 'sector', id: sector.id, value: { ...sector } });
  for (const c of CATEGORY_CATALOG) {
    items.push({
      kind: 'category',
      id: `pos:${c.category}`,
      value: { source: 'pos', name: c.category, subcategories: c.topics.map((t) => t.subcategory) },
    });
  }
  const imGroups = new Map<string, string[]>();
  for (const c of CATEGORY_CATALOG) imGroups.set(c.imGroup, [...(imGroups.get(c.imGroup) ?? []), ...c.topics.map((t) => t.subcategory)]);
  for (const [group, themes] of imGroups) items.push({ kind: 'category', id: `im:${group}`, value: { source: 'im', name: group, subcategories: themes } });
  for (const m of model.region.municipalities) {
    items.push({
      kind: 'municipality',
      id: m.id,
      value: { name: m.name, centre: m.centreName, lat: m.lat, lon: m.lon, demoWeight: m.weight, demoWeightBasis: m.weightBasis, demoWeightNote: m.weightNote },
    });
  }
  for (const org of model.region.organisations) {
    items.push({ kind: 'organisation', id: organisationId(org.name), value: { name: org.name, municipality: org.municipality, sector: org.sector } });
  }
  return items;
}
