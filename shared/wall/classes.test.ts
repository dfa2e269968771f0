import { describe, expect, it } from 'vitest';
import { classIndex, colourFor, divergingScale, legendOf, NO_DATA_COLOUR, niceNumber, sequentialScale } from './classes';

describe('class breaks', () => {
  it('nice numbers', () => {
    expect(niceNumber(123)).toBe(100);
    expect(niceNumber(0.18)).toBe(0.2);
    expect(niceNumber(37)).toBe(50);
    expect(niceNumber(-2.4)).toBe(-2.5);
    expect(niceNumber(0)).toBe(0);
  });

  it('sequential: ascending stated breaks, unknown values grey', () => {
    const values = [1, 5, 9, 12, 20, 33, 48, 60, 75, 100, null];
    const scale = sequentialScale(values);
    expect(scale.kind).toBe('sequential');
    expect(scale.breaks.length).toBeGreaterThan(1);
    for (let i = 1; i < scale.breaks.length; i += 1) expect(scale.breaks[i]).toBeGreaterThan(scale.breaks[i - 1] as number);
    expect(scale.colours.length).toBe(scale.breaks.length + 1);
    expect(colourFor(scale, null)).toBe(NO_DATA_COLOUR);
    expect(colourFor(scale, 1)).toBe(scale.colours[0]);
    expect(colourFor(scale, 100)).toBe(scale.colours[scale.colours.length - 1]);
    const legend = legendOf(scale);
    expect(legend[0]?.from).toBeNull();
    expect(legend[legend.length - 1]?.to).toBeNull();
  });

  it('sequential with no data has a single class', () => {
    expect(sequentialScale([null, null]).breaks).toEqual([]);
  });

  it('diverging is symmetric around zero', () => {
    const scale = divergingScale([-0.3, 0.05, 0.4]);
    expect(scale.breaks[2]).toBe(0);
    expect(scale.breaks[0]).toBe(-(scale.breaks[4] as number));
    expect(classIndex(scale, -0.01)).toBeLessThan(classIndex(scale, 0.01));
    expect(scale.colours).toHaveLength(6);
  });
});
