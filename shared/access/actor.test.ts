import { describe, expect, it } from 'vitest';
import { actorLabel } from './actor';

describe('actorLabel', () => {
  it.each([
    [{ kind: 'person', login: 'ivanov', displayName: 'Иванов И. И.' }, 'ivanov (Иванов И. И.)'],
    [{ kind: 'person', login: 'ivanov', displayName: 'Иванов И. И.', osUser: 'ivan' }, 'ivanov (Иванов И. И.) · ОС: ivan'],
    [{ kind: 'person', login: 'ivanov', displayName: 'ivanov' }, 'ivanov'],
    [{ kind: 'person', login: 'ivanov', displayName: 'Иванов\n\u202eИ.' }, 'ivanov (Иванов И.)'],
    [{ kind: 'system', task: 'sync' }, 'система: синхронизация'],
  ] as const)('%j → %s', (actor, label) => {
    expect(actorLabel(actor)).toBe(label);
  });
});
