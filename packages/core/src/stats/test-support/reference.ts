// Test-only loader for ../shared/reference/agreement-vectors.json (beside the repository). Tests may read fixtures from
// disk; the runtime code in packages/core stays pure.
import { readFileSync } from 'node:fs';

type Matrix = number[][];
type Nullable = (number | null)[][];
type Unit = [number, number, string];

/** The shape of agreement-vectors.json. */
export interface Reference {
  about: string;
  krippendorff2011: {
    source: string;
    layout: string;
    data: Nullable;
    expected: Record<string, number>;
  };
  fleiss1971_diagnoses: {
    source: string;
    layout: string;
    data: Matrix;
    expected: Record<string, number>;
  };
  irr_anxiety: {
    source: string;
    layout: string;
    rater1: number[];
    rater2: number[];
    rater3: number[];
    expected: Record<string, number>;
  };
  cohen_2x2: { source: string; cases: { table: Matrix; kappa: number }[] };
  shrout_fleiss1979: {
    source: string;
    layout: string;
    data: Matrix;
    expected_computed: Record<string, number>;
  };
  rwg_toy: {
    source: string;
    layout: string;
    data: Matrix;
    expected_computed: Record<string, number>;
  };
  r_reference: {
    about: string;
    teams: {
      layout: string[];
      data: Matrix;
      rwg_item1: number[];
      rwgj: number[];
      rwgj_lindell: number[];
      awg_item1: (number | null)[];
      ad_mean_item1: number[];
      icc1_scale: number[];
      icc2_scale: number[];
      cronbach_alpha_raw: number[];
      rwgj_by_null: Record<string, number[]>;
      null_variances_5pt: Record<string, number[]>;
    };
    icc_judges: { layout: string[]; data: Matrix; type: string[]; ICC: number[] };
    cohen: {
      rater_a: number[];
      rater_b: number[];
      kappa_unweighted: number[];
      kappa_weighted_quadratic: number[];
    };
  };
  krippendorff2004_unitizing: {
    source: string;
    continuum: { begin: number; length: number };
    unit_format: string;
    coder0: Unit[];
    coder1: Unit[];
    expected: {
      alpha_u: number;
      category_c: Record<string, number>;
      category_k: Record<string, number>;
    };
    distance_examples: { a: Unit; b: Unit; distance: number }[];
  };
}

/** Descriptive keys that carry no value to test. */
const METADATA = new Set(['about', 'source', 'layout', 'unit_format']);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function leafPaths(x: unknown, path: string, out: string[]): void {
  if (isObject(x)) {
    for (const [k, v] of Object.entries(x)) {
      if (!METADATA.has(k)) leafPaths(v, path ? `${path}.${k}` : k, out);
    }
  } else if (Array.isArray(x) && x.length > 0) {
    x.forEach((e, i) => leafPaths(e, `${path}.${i}`, out));
  } else {
    out.push(path);
  }
}

/**
 * Loads the reference vectors behind a proxy that records which values were read, so a test can
 * assert that every value in the file was checked.
 */
export function loadReference(): { ref: Reference; unread: () => string[] } {
  const url = new URL('../../../../../../shared/reference/agreement-vectors.json', import.meta.url);
  const raw: unknown = JSON.parse(readFileSync(url, 'utf8'));
  const read = new Set<string>();
  const wrap = (x: unknown, path: string): unknown => {
    if (typeof x !== 'object' || x === null) return x;
    return new Proxy(x, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof key !== 'string' || (Array.isArray(target) && !/^\d+$/.test(key))) return value;
        const child = path ? `${path}.${key}` : key;
        read.add(child);
        return wrap(value, child);
      },
    });
  };
  const unread = (): string[] => {
    const all: string[] = [];
    leafPaths(raw, '', all);
    return all.filter((p) => ![...read].some((r) => r === p || r.startsWith(`${p}.`)));
  };
  return { ref: wrap(raw, '') as Reference, unread };
}
