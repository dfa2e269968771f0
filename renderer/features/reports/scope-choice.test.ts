import { describe, expect, it } from 'vitest';
import { choiceOfArchived, GROUP_CHOICE, initialChoice, municipalityScopeOf } from './scope-choice';

const group = { name: 'Северный куст', members: ['arbazhskiy', 'bogorodskiy'] };

describe('the reports screen’s municipality choice', () => {
  it('opens with the global filter’s group, else its municipality, else the region', () => {
    expect(initialChoice('g-kirov', group)).toBe(GROUP_CHOICE);
    expect(initialChoice('g-kirov', null)).toBe('g-kirov');
    expect(initialChoice(null, null)).toBe('');
  });

  it('turns the choice into the report’s scope', () => {
    expect(municipalityScopeOf(GROUP_CHOICE, group)).toEqual({ municipalities: group.members, groupName: 'Северный куст' });
    expect(municipalityScopeOf('g-kirov', group)).toEqual({ municipality: 'g-kirov' });
    expect(municipalityScopeOf('', group)).toEqual({ municipality: null });
    // The group choice without a group (never offered then) falls back to the region, not to a bogus id.
    expect(municipalityScopeOf(GROUP_CHOICE, null)).toEqual({ municipality: null });
  });

  it('restores an archived report’s group or municipality for «Повторить»', () => {
    expect(choiceOfArchived({ municipality: null, municipalities: group.members, groupName: group.name })).toEqual({ choice: GROUP_CHOICE, group });
    expect(choiceOfArchived({ municipality: 'g-kirov' })).toEqual({ choice: 'g-kirov', group: null });
    expect(choiceOfArchived({ municipality: null, municipalities: null })).toEqual({ choice: '', group: null });
  });
});
