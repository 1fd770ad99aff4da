/**
 * Entries stored by cell (branch × leaf) in flat typed arrays, so a period of
 * 900,000 entries is held without an object per entry. Cells changed after
 * construction move to a small override map (incremental edits).
 */
export class CellStore {
  private readonly start: Int32Array;
  private readonly rater: Int32Array;
  private readonly value: Float64Array;
  private readonly overrides = new Map<number, { raters: number[]; values: number[] }>();

  /**
   * `keys[i]` is entry i's cell (or -1 to skip it), `raters[i]` its rater
   * index. A second entry of the same rater in a cell replaces the first.
   */
  constructor(cellCount: number, keys: Int32Array, raters: Int32Array, values: ArrayLike<number>) {
    const count = new Int32Array(cellCount + 1);
    for (let i = 0; i < keys.length; i++) if (keys[i]! >= 0) count[keys[i]! + 1]!++;
    for (let c = 0; c < cellCount; c++) count[c + 1]! += count[c]!;
    this.start = count;
    const fill = Int32Array.from(count.subarray(0, cellCount));
    const total = count[cellCount]!;
    this.rater = new Int32Array(total).fill(-1);
    this.value = new Float64Array(total);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key < 0) continue;
      const k = raters[i]!;
      let at = fill[key]!;
      for (let j = count[key]!; j < fill[key]!; j++) {
        if (this.rater[j] === k) {
          at = j; // duplicate: last one wins, its slot stays a hole (-1)
          break;
        }
      }
      if (at === fill[key]) fill[key]!++;
      this.rater[at] = k;
      this.value[at] = values[i]!;
    }
  }

  /** Calls `visit` for each entry of a cell (rater index, raw value). */
  forEach(key: number, visit: (raterIndex: number, value: number) => void): void {
    const o = this.overrides.get(key);
    if (o) {
      for (let i = 0; i < o.raters.length; i++) visit(o.raters[i]!, o.values[i]!);
      return;
    }
    for (let j = this.start[key]!, end = this.start[key + 1]!; j < end; j++) {
      const k = this.rater[j]!;
      if (k >= 0) visit(k, this.value[j]!);
    }
  }

  /** Adds, replaces (value) or removes (null) one rater's entry in a cell. */
  set(key: number, raterIndex: number, value: number | null): void {
    let o = this.overrides.get(key);
    if (!o) {
      o = { raters: [], values: [] };
      this.forEach(key, (k, v) => {
        o!.raters.push(k);
        o!.values.push(v);
      });
      this.overrides.set(key, o);
    }
    const at = o.raters.indexOf(raterIndex);
    if (value === null) {
      if (at >= 0) {
        o.raters.splice(at, 1);
        o.values.splice(at, 1);
      }
    } else if (at >= 0) {
      o.values[at] = value;
    } else {
      o.raters.push(raterIndex);
      o.values.push(value);
    }
  }
}
