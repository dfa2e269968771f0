/** String ↔ code dictionary of one dimension. Codes are dense from 0 and never change meaning. */
export class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  constructor(values: readonly string[] = []) {
    for (const v of values) this.code(v);
  }

  /** The value's code, adding the value when new. */
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  /** The value's code, or -1 when the dictionary has never seen it. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}
