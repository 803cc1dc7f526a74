/**
 * Content models (sequence/choice/all/any with minOccurs/maxOccurs) as automata: each complex type's
 * particle tree becomes a Thompson NFA once, and is then run as a DFA built lazily, one state per
 * distinct set of NFA states, with transitions cached per child name. XSD's Unique Particle
 * Attribution rule guarantees a child never matches two particles, so the matched one is unambiguous.
 */
import { ELEMENT_KEYS } from './declarations.js';
import type { Particle } from './rule-types.js';

/** What a child matched: a local element declaration, or a wildcard with its processContents. */
export type Label = { element: number } | { any: 'strict' | 'lax' | 'skip' };

interface Edge {
  label: Label;
  to: number;
}

export interface ContentState {
  readonly accepting: boolean;
  /** Labels a next child could match here (for "se espera ..."). */
  readonly expected: readonly Label[];
  readonly nfaStates: readonly number[];
  readonly next: Map<string, { state: ContentState; label: Label } | null>;
}

// Transitions kept per DFA state beyond the declared names (a DFA has few states).
const MAX_CACHED_TRANSITIONS = 64;

// xs:all becomes one NFA state per subset of its children; SAT's largest xs:all has 6 children.
const MAX_ALL_CHILDREN = 10;

/** The automaton of one complex type's content, plus the facts error messages need. */
export class ContentMatcher {
  private readonly edges: Edge[][] = [];
  private readonly epsilons: number[][] = [];
  private readonly states = new Map<string, ContentState>();
  private readonly final: number;
  readonly start: ContentState;
  /** Local element declarations by lookup key. */
  readonly locals = new Map<string, number>();
  /** How many times each local element may appear in total (Infinity when unbounded). */
  readonly maxOccurrences = new Map<string, number>();
  /** processContents of the type's wildcard, if it has one (SAT's schemas have at most one). */
  wildcard: 'strict' | 'lax' | 'skip' | null = null;

  constructor(content: Particle | undefined) {
    const initial = this.addState();
    this.final = content ? this.build(content, initial, 1) : initial;
    this.start = this.getState(this.computeClosure([initial]));
  }

  /** The state after a child with this key, and what it matched; null when it is not allowed here. */
  step(state: ContentState, key: string): { state: ContentState; label: Label } | null {
    const cached = state.next.get(key);
    if (cached !== undefined) return cached;
    const targets: number[] = [];
    let label: Label | null = null;
    for (const from of state.nfaStates) {
      for (const edge of this.edges[from] ?? []) {
        if (!this.matches(edge.label, key)) continue;
        targets.push(edge.to);
        label ??= edge.label;
      }
    }
    const result = label ? { state: this.getState(this.computeClosure(targets)), label } : null;
    // Declared names are cached, and a few others (the complements a wildcard takes): names taken
    // from hostile documents must not grow memory.
    if (this.locals.has(key) || state.next.size < MAX_CACHED_TRANSITIONS) state.next.set(key, result);
    return result;
  }

  /** Whether a child with this key could still come later, after some other children. */
  isReachableLater(state: ContentState, key: string): boolean {
    const seen = new Set(state.nfaStates);
    const queue = [...state.nfaStates];
    while (queue.length > 0) {
      const from = queue.pop() as number;
      for (const edge of this.edges[from] ?? []) {
        if (this.matches(edge.label, key)) return true;
        for (const to of this.computeClosure([edge.to])) {
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
    }
    return false;
  }

  private matches(label: Label, key: string): boolean {
    return 'any' in label || ELEMENT_KEYS[label.element] === key;
  }

  private addState(): number {
    this.edges.push([]);
    this.epsilons.push([]);
    return this.edges.length - 1;
  }

  private addEpsilon(from: number, to: number): void {
    (this.epsilons[from] as number[]).push(to);
  }

  /** Adds the particle with its occurrence range after `from`; returns the state where it ends. */
  private build(particle: Particle, from: number, multiplier: number): number {
    const min = particle.min ?? 1;
    const max = particle.max === -1 ? Number.POSITIVE_INFINITY : (particle.max ?? 1);
    const inner = multiplier * max;
    let current = from;
    for (let i = 0; i < min; i += 1) current = this.buildOnce(particle, current, inner);
    if (max === Number.POSITIVE_INFINITY) {
      const loop = this.addState();
      this.addEpsilon(current, loop);
      this.addEpsilon(this.buildOnce(particle, loop, inner), loop);
      return loop;
    }
    for (let i = min; i < max; i += 1) {
      const skip = this.addState();
      this.addEpsilon(current, skip);
      this.addEpsilon(this.buildOnce(particle, current, inner), skip);
      current = skip;
    }
    return current;
  }

  private buildOnce(particle: Particle, from: number, multiplier: number): number {
    if ('element' in particle || 'any' in particle) {
      const to = this.addState();
      if ('element' in particle) {
        const key = ELEMENT_KEYS[particle.element] as string;
        this.locals.set(key, particle.element);
        this.maxOccurrences.set(key, (this.maxOccurrences.get(key) ?? 0) + multiplier);
        (this.edges[from] as Edge[]).push({ label: { element: particle.element }, to });
      } else {
        this.wildcard = particle.any;
        (this.edges[from] as Edge[]).push({ label: { any: particle.any }, to });
      }
      return to;
    }
    if ('seq' in particle) {
      return particle.seq.reduce((current, item) => this.build(item, current, multiplier), from);
    }
    if ('choice' in particle) {
      const end = this.addState();
      for (const item of particle.choice) this.addEpsilon(this.build(item, from, multiplier), end);
      return end;
    }
    return this.buildAll(particle.all, from, multiplier);
  }

  /** xs:all: each child at most once, in any order; the state remembers which ones appeared. */
  private buildAll(items: Particle[], from: number, multiplier: number): number {
    if (items.length > MAX_ALL_CHILDREN) throw new Error('xs:all with too many children');
    const end = this.addState();
    const subsets = Array.from({ length: 2 ** items.length }, () => this.addState());
    this.addEpsilon(from, subsets[0] as number);
    subsets.forEach((state, mask) => {
      items.forEach((item, i) => {
        if (mask & (1 << i)) return;
        const single = { ...item, min: 1, max: 1 };
        this.addEpsilon(this.buildOnce(single, state, multiplier), subsets[mask | (1 << i)] as number);
      });
      if (items.every((item, i) => (item.min ?? 1) === 0 || mask & (1 << i))) this.addEpsilon(state, end);
    });
    return end;
  }

  private computeClosure(states: number[]): number[] {
    const result = new Set<number>();
    const stack = [...states];
    while (stack.length > 0) {
      const state = stack.pop() as number;
      if (result.has(state)) continue;
      result.add(state);
      stack.push(...(this.epsilons[state] ?? []));
    }
    return [...result].sort((a, b) => a - b);
  }

  private getState(nfaStates: number[]): ContentState {
    const key = nfaStates.join(',');
    let state = this.states.get(key);
    if (!state) {
      const expected = new Map<string, Label>();
      for (const from of nfaStates) {
        for (const edge of this.edges[from] ?? []) expected.set(JSON.stringify(edge.label), edge.label);
      }
      state = {
        accepting: nfaStates.includes(this.final),
        expected: [...expected.values()],
        nfaStates,
        next: new Map(),
      };
      this.states.set(key, state);
    }
    return state;
  }
}
