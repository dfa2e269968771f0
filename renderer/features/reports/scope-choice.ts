/**
 * The reports screen's municipality choice: the whole region, one municipality, or a group of
 * municipalities (taken from the global filter, or from an archived report being repeated).
 */
import type { ReportScope } from '../../../shared/report/measures';

/** The choice that stands for the group (never a municipality id). */
export const GROUP_CHOICE = '\u0000group';

export interface MunicipalityGroupChoice {
  name: string;
  members: readonly string[];
}

/** What the screen opens with: the global group, else the global municipality, else the region (''). */
export function initialChoice(globalMunicipality: string | null, globalGroup: MunicipalityGroupChoice | null): string {
  return globalGroup ? GROUP_CHOICE : (globalMunicipality ?? '');
}

/** The municipality part of a report's scope for a choice. */
export function municipalityScopeOf(choice: string, group: MunicipalityGroupChoice | null): Pick<ReportScope, 'municipality' | 'municipalities' | 'groupName'> {
  if (choice === GROUP_CHOICE && group) return { municipalities: [...group.members], groupName: group.name };
  return { municipality: choice && choice !== GROUP_CHOICE ? choice : null };
}

/** The choice and group an archived report's scope restores. */
export function choiceOfArchived(scope: { municipality: string | null; municipalities?: string[] | null; groupName?: string | null }): { choice: string; group: MunicipalityGroupChoice | null } {
  if (scope.municipalities) return { choice: GROUP_CHOICE, group: { name: scope.groupName ?? '', members: scope.municipalities } };
  return { choice: scope.municipality ?? '', group: null };
}
