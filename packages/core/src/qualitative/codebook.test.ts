import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../document/restore.js';
import type { Code, CollaborationDocument, Coding } from '../document/schema.js';
import { ELEMENT_IDS } from '../model/elements.js';
import {
  codebookTree,
  codeDescendants,
  deleteCode,
  mergeCodes,
  moveCode,
  OWN_CODES_GROUP,
  withElementCode,
  type CodebookCodeNode,
  type CodebookNode,
} from './codebook.js';
import type { QualitativeData } from './refi-qda/extension.js';
import { buildQualitativeDocument } from './test-support/qualitative.factory.js';

const base = buildQualitativeDocument();

/** The document with a new qualitative part, checked as the server checks it. */
const restored = (doc: CollaborationDocument, q: QualitativeData) =>
  restoreOrThrow({ ...doc, qualitative: q });

const spanKey = (c: Coding) => `${c.sourceId}|${c.coderId}|${c.start}|${c.end}`;

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('mergeCodes', () => {
  it('re-points every coding, moves sub-codes and memos to the target, and deletes the merged code', () => {
    const q = base.qualitative;
    const result = ok(mergeCodes(q, 'code-gap', 'code-roles'));
    const after = result.qualitative;
    expect(after.codes.map((c) => c.id)).toEqual(['code-roles', 'code-own', 'code-loop']);
    expect(after.codes.find((c) => c.id === 'code-own')?.parentId).toBe('code-roles');
    const moved = after.codings.filter((c) => ['cod-1', 'cod-2'].includes(c.id));
    expect(moved.map((c) => c.codeId)).toEqual(['code-roles', 'code-roles']);
    expect(after.codings).toHaveLength(q.codings.length);
    expect(after.memos.find((m) => m.id === 'memo-code')?.target).toEqual({
      kind: 'code',
      id: 'code-roles',
    });
    expect(after.codes.find((c) => c.id === 'code-roles')?.description).toBe(
      q.codes.find((c) => c.id === 'code-gap')?.description,
    );
    expect(result.report).toMatchObject({
      codingsMoved: 2,
      duplicatesFolded: 0,
      childrenMoved: 1,
      memosRetargeted: 1,
      description: 'appended',
      warnings: [],
    });
    // Changed records move on a version; untouched ones keep theirs.
    const version = (id: string) => after.codings.find((c) => c.id === id)?.version;
    expect(version('cod-1')).toBe(2);
    expect(version('cod-4')).toBe(1);
    expect(() => restored(base, after)).not.toThrow();
  });

  it('folds a coding identical to one the target already has, keeping its memo and the memos on it', () => {
    const adviser = base.qualitative.codings.find((c) => c.id === 'cod-1') as Coding;
    const doc = buildQualitativeDocument({
      codings: [
        ...base.qualitative.codings,
        { ...adviser, id: 'cod-twin-ann', codeId: 'code-loop', version: 1 },
        { ...adviser, id: 'cod-twin-bo', codeId: 'code-loop', coderId: 'coder-bo', version: 1 },
      ],
      memos: [
        ...base.qualitative.memos,
        { id: 'memo-on-1', target: { kind: 'coding', id: 'cod-1' }, text: 'Said twice.' },
      ],
    });
    const q = doc.qualitative;
    const result = ok(mergeCodes(q, 'code-gap', 'code-loop'));
    const after = result.qualitative;
    expect(result.report.duplicatesFolded).toBe(2);
    expect(result.report.codingsMoved).toBe(0);
    expect(after.codings.map((c) => c.id)).not.toContain('cod-1');
    expect(after.codings.map((c) => c.id)).not.toContain('cod-2');
    expect(after.codings.find((c) => c.id === 'cod-twin-bo')?.memo).toBe(
      'Both of us saw this.\r\nKept the CR.',
    );
    expect(after.memos.find((m) => m.id === 'memo-on-1')?.target).toEqual({
      kind: 'coding',
      id: 'cod-twin-ann',
    });
    // Every passage still coded, by the same coder, now with the target code.
    const keys = new Set(after.codings.filter((c) => c.codeId === 'code-loop').map(spanKey));
    for (const c of q.codings.filter((c) => c.codeId === 'code-gap'))
      expect(keys).toContain(spanKey(c));
    expect(() => restored(doc, after)).not.toThrow();
  });

  it('keeps codings apart when only their confidentiality differs', () => {
    const adviser = base.qualitative.codings.find((c) => c.id === 'cod-1') as Coding;
    const doc = buildQualitativeDocument({
      codings: [
        ...base.qualitative.codings,
        { ...adviser, id: 'cod-secret', codeId: 'code-loop', confidentialTo: 'ag-health' },
      ],
    });
    const result = ok(mergeCodes(doc.qualitative, 'code-gap', 'code-loop'));
    expect(result.report.duplicatesFolded).toBe(0);
    expect(result.qualitative.codings).toHaveLength(doc.qualitative.codings.length);
  });

  it('keeps a description that no longer fits as a memo on the target', () => {
    const doc = buildQualitativeDocument({
      codes: base.qualitative.codes.map((c) =>
        c.id === 'code-loop' ? { ...c, description: 'x'.repeat(3990) } : c,
      ),
    });
    const result = ok(
      mergeCodes(doc.qualitative, 'code-gap', 'code-loop', { newId: () => 'memo-new' }),
    );
    expect(result.report.description).toBe('memo');
    const memo = result.qualitative.memos.find((m) => m.id === 'memo-new');
    expect(memo?.target).toEqual({ kind: 'code', id: 'code-loop' });
    expect(memo?.text).toContain('A need no one owns.');
    expect(() => restored(doc, result.qualitative)).not.toThrow();
  });

  it('warns when the merged code stood for a model element the target does not', () => {
    const result = ok(mergeCodes(base.qualitative, 'code-roles', 'code-loop'));
    expect(result.report.warnings).toHaveLength(1);
    expect(result.report.warnings[0]).toContain('Roles and responsibilities');
    expect(result.qualitative.codes.find((c) => c.id === 'code-gap')?.parentId).toBe('code-loop');
  });

  it('refuses an unknown code, a code merged into itself and a target under the merged code', () => {
    const q = base.qualitative;
    const refused = (from: string, into: string) => {
      const result = mergeCodes(q, from, into);
      return result.ok ? null : result.issues.map((i) => `${i.code} ${i.path}`);
    };
    expect(refused('code-none', 'code-loop')).toEqual(['unknown_reference from']);
    expect(refused('code-gap', 'code-none')).toEqual(['unknown_reference into']);
    expect(refused('code-gap', 'code-gap')).toEqual(['invalid_value into']);
    expect(refused('code-roles', 'code-own')).toEqual(['inconsistent into']);
  });
});

describe('moveCode', () => {
  it('moves a code with its sub-codes and codings, and refuses a loop', () => {
    const q = base.qualitative;
    const moved = ok(moveCode(q, 'code-gap', 'code-loop'));
    expect(moved.changed).toBe(true);
    expect(moved.qualitative.codes.find((c) => c.id === 'code-gap')).toMatchObject({
      parentId: 'code-loop',
      version: 2,
    });
    expect(moved.qualitative.codings).toBe(q.codings);
    expect(codeDescendants(moved.qualitative.codes, 'code-loop')).toEqual(
      new Set(['code-gap', 'code-own']),
    );
    expect(() => restored(base, moved.qualitative)).not.toThrow();

    const top = ok(moveCode(q, 'code-own', null));
    expect(top.qualitative.codes.find((c) => c.id === 'code-own')?.parentId).toBeNull();
    expect(ok(moveCode(q, 'code-gap', 'code-roles')).changed).toBe(false);

    for (const [code, parent] of [
      ['code-roles', 'code-own'],
      ['code-roles', 'code-gap'],
      ['code-gap', 'code-gap'],
    ] as const) {
      const result = moveCode(q, code, parent);
      expect(result.ok, `${code} under ${parent}`).toBe(false);
      if (!result.ok) expect(result.issues[0]?.code).toBe('inconsistent');
    }
    expect(moveCode(q, 'code-gap', 'code-none').ok).toBe(false);
    expect(moveCode(q, 'code-none', null).ok).toBe(false);
  });
});

describe('deleteCode', () => {
  it('removes the code, its codings and the memos on them, and lifts its sub-codes', () => {
    const result = ok(deleteCode(base.qualitative, 'code-gap'));
    const after = result.qualitative;
    expect(result.report).toEqual({ codingsRemoved: 2, memosRemoved: 1, childrenMoved: 1 });
    expect(after.codes.find((c) => c.id === 'code-own')?.parentId).toBe('code-roles');
    expect(after.codings.map((c) => c.id)).toEqual(['cod-3', 'cod-4', 'cod-5']);
    expect(() => restored(base, after)).not.toThrow();
  });
});

/** A seeded generator, so a failure replays exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('merging and moving at random', () => {
  it('never loses a coded passage: each is still coded by its coder with the code it was merged into', () => {
    const random = prng(0xc0de);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const text = base.qualitative.sources[0]?.text ?? '';
    const length = [...text].length;
    for (let round = 0; round < 25; round++) {
      const codes: Code[] = [];
      for (let i = 0; i < 12; i++) {
        const parent = codes.length > 0 && random() < 0.5 ? pick(codes).id : null;
        codes.push({
          id: `k${i}`,
          name: `Code ${i}`,
          parentId: parent,
          description: random() < 0.3 ? `About ${i}` : '',
          author: 'system',
          version: 1,
        });
      }
      const codings: Coding[] = [];
      for (let i = 0; i < 60; i++) {
        const start = Math.floor(random() * (length - 5));
        codings.push({
          id: `c${i}`,
          sourceId: 'src-interview',
          codeId: pick(codes).id,
          coderId: pick(['coder-ann', 'coder-bo']),
          // Few distinct spans, so identical codings occur and fold.
          start: start - (start % 20),
          end: start - (start % 20) + 5,
          author: 'system',
          version: 1,
        });
      }
      const doc = restoreOrThrow({
        ...base,
        qualitative: { ...base.qualitative, codes, codings, memos: [] },
      });
      let q = doc.qualitative;
      const mergedInto = new Map<string, string>();
      const resolve = (id: string): string => {
        let current = id;
        while (mergedInto.has(current)) current = mergedInto.get(current) as string;
        return current;
      };
      for (let step = 0; step < 8 && q.codes.length > 1; step++) {
        const from = pick(q.codes).id;
        const into = pick(q.codes).id;
        if (random() < 0.6) {
          const result = mergeCodes(q, from, into);
          if (result.ok) {
            q = result.qualitative;
            mergedInto.set(from, into);
          } else expect(from === into || codeDescendants(q.codes, from).has(into)).toBe(true);
        } else {
          const parent = random() < 0.3 ? null : into;
          const result = moveCode(q, from, parent);
          if (result.ok) q = result.qualitative;
          else
            expect(parent === from || codeDescendants(q.codes, from).has(parent ?? '')).toBe(true);
        }
        const now = new Set(q.codings.map((c) => `${spanKey(c)}|${c.codeId}`));
        for (const c of doc.qualitative.codings)
          expect(now, `round ${round} step ${step}: ${c.id}`).toContain(
            `${spanKey(c)}|${resolve(c.codeId)}`,
          );
        expect(() => restored(doc, q)).not.toThrow();
      }
    }
  });
});

describe('the codebook tree', () => {
  const codesOf = (nodes: readonly CodebookNode[]): CodebookCodeNode[] =>
    nodes.flatMap((n) => (n.kind === 'code' ? [n, ...codesOf(n.children)] : codesOf(n.children)));

  it('groups the model’s elements by context, with placeholders for elements not coded yet', () => {
    const tree = codebookTree(base.qualitative);
    expect(tree.map((g) => g.id)).toEqual([
      'policy',
      'local',
      'personal',
      'process',
      OWN_CODES_GROUP,
    ]);
    const all = codesOf(tree);
    const elementCodes = all.filter((c) => c.elementId !== null);
    expect(elementCodes.map((c) => c.elementId).sort()).toEqual([...ELEMENT_IDS].sort());
    const placeholders = all.filter((c) => !c.stored);
    expect(placeholders).toHaveLength(ELEMENT_IDS.length - 1);
    expect(placeholders.find((c) => c.elementId === 'policy.structures')?.id).toBe(
      'code-policy.structures',
    );

    const local = tree.find((g) => g.id === 'local');
    const roles = local?.children.find((c) => c.id === 'code-roles') as CodebookCodeNode;
    expect(roles).toMatchObject({ stored: true, codings: 1, total: 4, sources: 1 });
    expect(roles.children.map((c) => c.id)).toEqual(['code-gap']);
    expect(roles.children[0]?.children.map((c) => c.id)).toEqual(['code-own']);
    expect(local?.total).toBe(4);

    const process = tree.find((g) => g.id === 'process');
    const grouping = process?.children.find((c) => c.kind === 'group');
    expect(grouping?.id).toBe('process.teamReasoning');
    expect(grouping?.children).toHaveLength(4);

    const own = tree.find((g) => g.id === OWN_CODES_GROUP);
    expect(own?.children.map((c) => c.id)).toEqual(['code-loop']);
    expect(own?.total).toBe(1);
  });

  it('adds the code of an element the first time it is used, and reuses it afterwards', () => {
    const first = withElementCode(base.qualitative, 'policy.regulation', 'u-1');
    expect(first.created).toBe(true);
    expect(first.code).toMatchObject({
      id: 'code-policy.regulation',
      elementId: 'policy.regulation',
      parentId: null,
      author: 'u-1',
      name: 'Regulations and codes of practice',
    });
    const again = withElementCode(first.qualitative, 'policy.regulation');
    expect(again.created).toBe(false);
    expect(again.qualitative).toBe(first.qualitative);
    expect(withElementCode(base.qualitative, 'local.roles').code.id).toBe('code-roles');
    expect(() => restored(base, first.qualitative)).not.toThrow();
    // The tree now shows the stored code where the placeholder was.
    const node = codesOf(codebookTree(first.qualitative)).find(
      (c) => c.elementId === 'policy.regulation',
    );
    expect(node).toMatchObject({ id: 'code-policy.regulation', stored: true });
  });
});
