/**
 * Label sets indexed by `key=value` (internal), so a selector is matched against the few items that carry one
 * of its `matchLabels` pairs instead of against every item. Results keep the items' order.
 */
import { selectorMatches } from './match';
import { NormalizedSelector } from '../model';

export class LabelIndex<T> {
  private readonly byPair = new Map<string, number[]>();
  private readonly every: number[];

  /** `labelsOf(item)` must not change while the index is used. */
  constructor(private readonly items: T[], private readonly labelsOf: (item: T) => Record<string, string>) {
    this.every = items.map((_, i) => i);
    items.forEach((item, i) => {
      const labels = labelsOf(item);
      for (const key in labels) {
        const pair = pairKey(key, labels[key]);
        const list = this.byPair.get(pair);
        if (list === undefined) {
          this.byPair.set(pair, [i]);
        } else {
          list.push(i);
        }
      }
    });
  }

  /** The items the selector matches, in item order. */
  public select(selector: NormalizedSelector): T[] {
    return this.positions(selector).map((i) => this.items[i]);
  }

  /** Whether the selector matches any item. */
  public matchesAny(selector: NormalizedSelector): boolean {
    return this.candidates(selector).some((i) => selectorMatches(selector, this.labelsOf(this.items[i])));
  }

  /** Positions of the items the selector matches, ascending. */
  public positions(selector: NormalizedSelector): number[] {
    return this.candidates(selector).filter((i) => selectorMatches(selector, this.labelsOf(this.items[i])));
  }

  /** The shortest list of items carrying one of the selector's matchLabels pairs, else every item. */
  private candidates(selector: NormalizedSelector): number[] {
    let best: number[] | undefined;
    for (const key in selector.matchLabels) {
      const list = this.byPair.get(pairKey(key, selector.matchLabels[key])) ?? [];
      if (best === undefined || list.length < best.length) {
        best = list;
      }
    }
    return best ?? this.every;
  }
}

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/**
 * Selectors indexed by one of their `matchLabels` pairs (internal): the inverse lookup, from a label set to the
 * selectors that may match it. A selector without matchLabels is a candidate for every label set.
 */
export class SelectorIndex<T> {
  private readonly byPair = new Map<string, number[]>();
  private readonly unanchored: number[] = [];

  constructor(private readonly items: T[], private readonly selectorOf: (item: T) => NormalizedSelector) {
    items.forEach((item, i) => {
      const selector = selectorOf(item);
      const keys = Object.keys(selector.matchLabels);
      if (keys.length === 0) {
        this.unanchored.push(i);
        return;
      }
      const pair = pairKey(keys[0], selector.matchLabels[keys[0]]);
      const list = this.byPair.get(pair);
      if (list === undefined) {
        this.byPair.set(pair, [i]);
      } else {
        list.push(i);
      }
    });
  }

  /** The items whose selector matches the labels and that pass `keep`, in item order. */
  public matching(labels: Record<string, string>, keep: (item: T) => boolean): T[] {
    const found: number[] = [];
    const add = (list: number[]) => {
      for (const i of list) {
        if (keep(this.items[i]) && selectorMatches(this.selectorOf(this.items[i]), labels)) found.push(i);
      }
    };
    add(this.unanchored);
    for (const key in labels) {
      add(this.byPair.get(pairKey(key, labels[key])) ?? []);
    }
    return found.sort((a, b) => a - b).map((i) => this.items[i]);
  }
}
