import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../network/random-network.js';
import { restore } from './restore.js';

// The compiled JSON Schema check (fast path, used for text input) and the zod schema (used
// for objects, and for every message) must accept and refuse the same documents.
const sample = JSON.parse(
  readFileSync(new URL('../../../../examples/loose-network.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const REPLACEMENTS: Json[] = [
  null,
  true,
  0,
  -1,
  9,
  2.5,
  '',
  'x',
  '2025-13-01',
  '2025-02-30',
  '2025-06-01',
  '2025-06-01T10:00:00Z',
  '👍'.repeat(70),
  'a'.repeat(301),
  [],
  {},
  ['x'],
  { unexpected: 1 },
];

/** Every path to a value inside the document. */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function mutate(doc: Json, random: () => number): Json {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  for (let n = 0; n < 1 + Math.floor(random() * 2); n++) {
    const path = all[Math.floor(random() * all.length)] ?? [];
    let parent: Json = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key] as Json;
    const last = path[path.length - 1] as string | number;
    const target = parent as Record<string | number, Json>;
    const roll = random();
    if (roll < 0.2 && !Array.isArray(parent)) delete target[last];
    else if (roll < 0.3 && !Array.isArray(parent)) target[`${String(last)}Extra`] = 1;
    else target[last] = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)] as Json;
  }
  return copy;
}

describe('the fast path of restore', () => {
  it(
    'accepts and refuses exactly what the zod schema does, on 400 mutated documents',
    { timeout: 120_000 },
    () => {
      const random = mulberry32(2026);
      let refused = 0;
      for (let i = 0; i < 400; i++) {
        const doc = mutate(sample as Json, random);
        const viaText = restore(JSON.stringify(doc));
        const viaObject = restore(doc);
        expect(viaText.ok, `mutation ${i}`).toBe(viaObject.ok);
        if (!viaText.ok && !viaObject.ok) {
          expect(viaText.issues).toEqual(viaObject.issues);
          refused++;
        } else if (viaText.ok && viaObject.ok) {
          expect(viaText.value).toEqual(viaObject.value);
        }
      }
      // The mutations must exercise both outcomes for the comparison to mean anything.
      expect(refused).toBeGreaterThan(100);
      expect(refused).toBeLessThan(400);
    },
  );
});
