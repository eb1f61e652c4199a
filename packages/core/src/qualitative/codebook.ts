/**
 * The codebook as a researcher works on it: the model's elements as the base codebook (one
 * code per element, grouped by context), the researcher's own codes nested anywhere under
 * them, and the edits that reshape it — merge one code into another, move a code under a new
 * parent, delete a code — without losing a coding. Pure: each function takes the qualitative
 * part of a document and returns a new one (records it changed get their version moved on);
 * the result still goes through `restore` before it is stored.
 */
import type { Code, Coding, Memo } from '../document/schema.js';
import type { DocumentIssue } from '../document/issues.js';
import { ELEMENT_IDS, MODEL_NODES, type ElementId, type ModelNode } from '../model/elements.js';
import type { QualitativeData } from './refi-qda/extension.js';

/** A refused change: what is wrong, with the field it concerns. */
export type CodebookRefusal = { readonly ok: false; readonly issues: DocumentIssue[] };

/** Longest code description (the schema's limit). */
const MAX_DESCRIPTION = 4000;

const bumped = <T extends { version: number }>(record: T): T => ({
  ...record,
  version: record.version + 1,
});

const refuse = (code: DocumentIssue['code'], path: string, message: string): CodebookRefusal => ({
  ok: false,
  issues: [{ code, path, message }],
});

/** Ids of a code's descendants (children, their children…), cycle-safe. */
export function codeDescendants(codes: readonly Code[], codeId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of codes) {
    if (c.parentId === null) continue;
    const list = children.get(c.parentId) ?? [];
    list.push(c.id);
    children.set(c.parentId, list);
  }
  const out = new Set<string>();
  const stack = [...(children.get(codeId) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id) || id === codeId) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

// ── Merge ────────────────────────────────────────────────────────────────────

/** Options of {@link mergeCodes}. */
export interface MergeCodesOptions {
  /** Makes the id of a memo created to keep a description that no longer fits (default: derived). */
  readonly newId?: () => string;
  /** Author of such a memo (default `system`). */
  readonly author?: string;
}

/** What a merge did. */
export interface MergeCodesReport {
  readonly from: string;
  readonly into: string;
  /** Codings of the merged code now on the target code. */
  readonly codingsMoved: number;
  /**
   * Codings of the merged code identical to one already on the target (same source, coder,
   * span and confidentiality): folded into it, their memos kept on it.
   */
  readonly duplicatesFolded: number;
  /** Sub-codes of the merged code now under the target. */
  readonly childrenMoved: number;
  /** Memos on the merged code (or on a folded coding) now on the target (or the kept coding). */
  readonly memosRetargeted: number;
  /** Where the merged code's description went: appended to the target's, into a memo, or nowhere (none). */
  readonly description: 'appended' | 'memo' | 'none';
  /** Consequences worth telling the researcher, one sentence each. */
  readonly warnings: readonly string[];
}

/** The identity of a coding for folding duplicates. */
const codingKey = (c: Coding) =>
  `${c.sourceId}\u0000${c.coderId}\u0000${c.start}\u0000${c.end}\u0000${c.confidentialTo ?? ''}`;

/**
 * Merges code `fromId` into `intoId`: every coding of `from` is re-pointed to `into` (one
 * identical to a coding `into` already has is folded into it, its memo and memos kept), the
 * sub-codes of `from` move under `into`, memos on `from` are re-targeted to `into`, its
 * description is appended to the target's (or kept as a memo on the target when the two no
 * longer fit in one description), and `from` is deleted. Refused when either code is unknown,
 * when they are the same, or when `into` lies under `from` (the tree would loop).
 */
export function mergeCodes(
  q: QualitativeData,
  fromId: string,
  intoId: string,
  options: MergeCodesOptions = {},
): { ok: true; qualitative: QualitativeData; report: MergeCodesReport } | CodebookRefusal {
  const from = q.codes.find((c) => c.id === fromId);
  const into = q.codes.find((c) => c.id === intoId);
  if (!from) return refuse('unknown_reference', 'from', `there is no code "${fromId}"`);
  if (!into) return refuse('unknown_reference', 'into', `there is no code "${intoId}"`);
  if (fromId === intoId)
    return refuse('invalid_value', 'into', 'a code cannot be merged into itself');
  if (codeDescendants(q.codes, fromId).has(intoId))
    return refuse(
      'inconsistent',
      'into',
      `"${into.name}" is a sub-code of "${from.name}"; move it out first, or merge the other way round`,
    );

  const warnings: string[] = [];
  if (from.elementId !== undefined && from.elementId !== into.elementId) {
    const name = elementName(from.elementId);
    warnings.push(
      into.elementId === undefined
        ? `"${from.name}" stood for the model element "${name}"; its passages now count for the element of "${into.name}" (if it sits under one) instead.`
        : `"${from.name}" stood for the model element "${name}"; its passages now count for "${elementName(into.elementId)}".`,
    );
  }

  // Codings: the target's own first, so that folding keeps the record the target already had.
  const kept = new Map<string, Coding>();
  const foldedInto = new Map<string, string>();
  for (const c of q.codings)
    if (c.codeId === intoId && !kept.has(codingKey(c))) kept.set(codingKey(c), c);
  let codingsMoved = 0;
  let duplicatesFolded = 0;
  const memoFolds = new Map<string, string[]>();
  for (const c of q.codings) {
    if (c.codeId !== fromId) continue;
    const key = codingKey(c);
    const twin = kept.get(key);
    if (twin) {
      foldedInto.set(c.id, twin.id);
      duplicatesFolded++;
      if (c.memo !== undefined && c.memo.trim() !== '') {
        const list = memoFolds.get(twin.id) ?? [];
        list.push(c.memo);
        memoFolds.set(twin.id, list);
      }
    } else {
      kept.set(key, { ...c, codeId: intoId });
      codingsMoved++;
    }
  }
  const codings: Coding[] = [];
  for (const c of q.codings) {
    if (foldedInto.has(c.id)) continue;
    let out: Coding = c.codeId === fromId ? { ...c, codeId: intoId } : c;
    const extra = memoFolds.get(c.id);
    if (extra) {
      const memo = joinMemos([c.memo, ...extra], MAX_DESCRIPTION);
      if (memo !== undefined && memo !== c.memo) out = { ...out, memo };
    }
    codings.push(out === c ? c : bumped(out));
  }

  // Description: appended when it fits, else kept as a memo on the target.
  let description: MergeCodesReport['description'] = 'none';
  let target: Code = into;
  const extraMemos: Memo[] = [];
  const fromText = from.description.trim();
  if (fromText !== '' && !into.description.includes(fromText)) {
    const joined =
      into.description.trim() === ''
        ? fromText
        : `${into.description.trimEnd()}\n\n${from.name}: ${fromText}`;
    if ([...joined].length <= MAX_DESCRIPTION) {
      target = { ...into, description: joined };
      description = 'appended';
    } else {
      extraMemos.push({
        id: options.newId?.() ?? `memo-merged-${fromId}`.slice(0, 120),
        author: options.author ?? 'system',
        version: 1,
        target: { kind: 'code', id: intoId },
        text: `Description of "${from.name}", merged into this code:\n\n${fromText}`.slice(
          0,
          20_000,
        ),
      });
      description = 'memo';
    }
  }
  if (target.color === undefined && from.color !== undefined)
    target = { ...target, color: from.color };

  let childrenMoved = 0;
  const codes: Code[] = [];
  for (const c of q.codes) {
    if (c.id === fromId) continue;
    if (c.id === intoId) codes.push(target === into ? into : bumped(target));
    else if (c.parentId === fromId) {
      childrenMoved++;
      codes.push(bumped({ ...c, parentId: intoId }));
    } else codes.push(c);
  }

  let memosRetargeted = 0;
  const memos: Memo[] = q.memos.map((m) => {
    if (m.target.kind === 'code' && m.target.id === fromId) {
      memosRetargeted++;
      return bumped({ ...m, target: { kind: 'code', id: intoId } });
    }
    const folded = m.target.kind === 'coding' ? foldedInto.get(m.target.id) : undefined;
    if (folded !== undefined) {
      memosRetargeted++;
      return bumped({ ...m, target: { kind: 'coding', id: folded } });
    }
    return m;
  });
  memos.push(...extraMemos);

  return {
    ok: true,
    qualitative: { ...q, codes, codings, memos },
    report: {
      from: fromId,
      into: intoId,
      codingsMoved,
      duplicatesFolded,
      childrenMoved,
      memosRetargeted,
      description,
      warnings,
    },
  };
}

/** Memo texts joined by blank lines, without repeats, cut to `max` code points. */
function joinMemos(parts: readonly (string | undefined)[], max: number): string | undefined {
  const seen: string[] = [];
  for (const part of parts) {
    const text = part?.trim();
    if (text && !seen.includes(text)) seen.push(text);
  }
  if (seen.length === 0) return undefined;
  const joined = seen.join('\n\n');
  const chars = [...joined];
  return chars.length <= max ? joined : `${chars.slice(0, max - 1).join('')}…`;
}

// ── Move and delete ──────────────────────────────────────────────────────────

/**
 * Moves a code under a new parent (`null`: to the top level). Refused when either is unknown
 * or the new parent is the code itself or lies under it (the tree would loop). `changed` is
 * false when the code already sat there.
 */
export function moveCode(
  q: QualitativeData,
  codeId: string,
  parentId: string | null,
): { ok: true; qualitative: QualitativeData; changed: boolean } | CodebookRefusal {
  const code = q.codes.find((c) => c.id === codeId);
  if (!code) return refuse('unknown_reference', 'codeId', `there is no code "${codeId}"`);
  if (parentId !== null) {
    const parent = q.codes.find((c) => c.id === parentId);
    if (!parent) return refuse('unknown_reference', 'parentId', `there is no code "${parentId}"`);
    if (parentId === codeId)
      return refuse('inconsistent', 'parentId', 'a code cannot be its own parent');
    if (codeDescendants(q.codes, codeId).has(parentId))
      return refuse(
        'inconsistent',
        'parentId',
        `"${parent.name}" is a sub-code of "${code.name}"; a code cannot move under its own sub-code`,
      );
  }
  if (code.parentId === parentId) return { ok: true, qualitative: q, changed: false };
  return {
    ok: true,
    changed: true,
    qualitative: {
      ...q,
      codes: q.codes.map((c) => (c.id === codeId ? bumped({ ...c, parentId }) : c)),
    },
  };
}

/** What deleting a code removed. */
export interface DeleteCodeReport {
  readonly codingsRemoved: number;
  readonly memosRemoved: number;
  /** Sub-codes moved up to the deleted code's parent. */
  readonly childrenMoved: number;
}

/**
 * Deletes a code with its codings and the memos on it and on those codings; its sub-codes
 * move up to its parent, keeping their own codings.
 */
export function deleteCode(
  q: QualitativeData,
  codeId: string,
): { ok: true; qualitative: QualitativeData; report: DeleteCodeReport } | CodebookRefusal {
  const code = q.codes.find((c) => c.id === codeId);
  if (!code) return refuse('unknown_reference', 'codeId', `there is no code "${codeId}"`);
  const removedCodings = new Set(q.codings.filter((c) => c.codeId === codeId).map((c) => c.id));
  let childrenMoved = 0;
  const codes = q.codes.flatMap((c) => {
    if (c.id === codeId) return [];
    if (c.parentId !== codeId) return [c];
    childrenMoved++;
    return [bumped({ ...c, parentId: code.parentId })];
  });
  const memos = q.memos.filter(
    (m) =>
      !(m.target.kind === 'code' && m.target.id === codeId) &&
      !(m.target.kind === 'coding' && removedCodings.has(m.target.id)),
  );
  return {
    ok: true,
    qualitative: {
      ...q,
      codes,
      codings: q.codings.filter((c) => !removedCodings.has(c.id)),
      memos,
    },
    report: {
      codingsRemoved: removedCodings.size,
      memosRemoved: q.memos.length - memos.length,
      childrenMoved,
    },
  };
}

// ── The model's elements as the base codebook ────────────────────────────────

const NODE_BY_ID: ReadonlyMap<string, ModelNode> = new Map(MODEL_NODES.map((n) => [n.id, n]));

function elementName(id: string): string {
  return NODE_BY_ID.get(id)?.name ?? id;
}

/** Whether a string is a model element id. */
export function isElementId(id: string): id is ElementId {
  return (ELEMENT_IDS as readonly string[]).includes(id);
}

/**
 * The code that stands for a model element: the first top-level code with that `elementId`,
 * else the first anywhere; null when the codebook has none yet.
 */
export function storedElementCode(codes: readonly Code[], elementId: string): Code | null {
  const all = codes.filter((c) => c.elementId === elementId);
  return all.find((c) => c.parentId === null) ?? all[0] ?? null;
}

/** The id a new code for the element gets: `code-<element id>`, numbered when that is taken. */
export function newElementCodeId(codes: readonly Code[], elementId: string): string {
  const taken = new Set(codes.map((c) => c.id));
  const base = `code-${elementId}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The code standing for a model element, added to the codebook when it has none yet (named and
 * described as the element is, at the top level).
 */
export function withElementCode(
  q: QualitativeData,
  elementId: ElementId,
  author = 'system',
): { qualitative: QualitativeData; code: Code; created: boolean } {
  const found = storedElementCode(q.codes, elementId);
  if (found) return { qualitative: q, code: found, created: false };
  const code = elementCode(q.codes, elementId, author);
  return { qualitative: { ...q, codes: [...q.codes, code] }, code, created: true };
}

function elementCode(codes: readonly Code[], elementId: ElementId, author: string): Code {
  const node = NODE_BY_ID.get(elementId);
  return {
    id: newElementCodeId(codes, elementId),
    author,
    version: 1,
    name: node?.name ?? elementId,
    parentId: null,
    elementId,
    description: node?.description ?? '',
  };
}

/** A code of the codebook tree. */
export interface CodebookCodeNode {
  readonly kind: 'code';
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly color: string | null;
  readonly elementId: ElementId | null;
  readonly parentId: string | null;
  /**
   * False for a model element the codebook holds no code for yet: shown so it can be applied,
   * it is added to the codebook (under `id`) the first time it is used.
   */
  readonly stored: boolean;
  /** The stored record's version (0 when not stored). */
  readonly version: number;
  readonly confidentialTo: string | null;
  /** Codings of this code itself. */
  readonly codings: number;
  /** Codings of this code and every code under it. */
  readonly total: number;
  /** Sources with at least one coding of this code itself. */
  readonly sources: number;
  readonly children: readonly CodebookCodeNode[];
}

/** A heading of the codebook tree: a context of the model, its team-reasoning grouping, or the researcher's own codes. */
export interface CodebookGroupNode {
  readonly kind: 'group';
  /** A model node id (`policy`, `process.teamReasoning`…) or {@link OWN_CODES_GROUP}. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Codings of every code under the heading. */
  readonly total: number;
  readonly children: readonly CodebookNode[];
}

/** A node of the codebook tree. */
export type CodebookNode = CodebookGroupNode | CodebookCodeNode;

/** The id of the heading holding the researcher's own top-level codes. */
export const OWN_CODES_GROUP = 'own';

/**
 * The codebook as a tree: one heading per context of the model (policy, local, personal,
 * process, with the group part of team reasoning inside process), each holding the code of
 * each of its elements — the stored one, or an unstored placeholder for an element not coded
 * yet — then a heading for the researcher's own top-level codes. Sub-codes sit under their
 * parents, in document order. Counts: codings of the code itself, with its sub-codes, and the
 * sources it was applied in.
 */
export function codebookTree(q: Pick<QualitativeData, 'codes' | 'codings'>): CodebookGroupNode[] {
  const ids = new Set(q.codes.map((c) => c.id));
  const direct = new Map<string, number>();
  const sourcesOf = new Map<string, Set<string>>();
  for (const c of q.codings) {
    direct.set(c.codeId, (direct.get(c.codeId) ?? 0) + 1);
    const set = sourcesOf.get(c.codeId) ?? new Set<string>();
    set.add(c.sourceId);
    sourcesOf.set(c.codeId, set);
  }
  const children = new Map<string, Code[]>();
  const roots: Code[] = [];
  for (const code of q.codes) {
    if (code.parentId !== null && ids.has(code.parentId) && code.parentId !== code.id) {
      const list = children.get(code.parentId) ?? [];
      list.push(code);
      children.set(code.parentId, list);
    } else roots.push(code);
  }
  const seen = new Set<string>();
  const node = (code: Code): CodebookCodeNode => {
    seen.add(code.id);
    const kids = (children.get(code.id) ?? []).filter((k) => !seen.has(k.id)).map(node);
    const own = direct.get(code.id) ?? 0;
    return {
      kind: 'code',
      id: code.id,
      name: code.name,
      description: code.description,
      color: code.color ?? null,
      elementId: code.elementId ?? null,
      parentId: code.parentId,
      stored: true,
      version: code.version,
      confidentialTo: code.confidentialTo ?? null,
      codings: own,
      total: own + kids.reduce((n, k) => n + k.total, 0),
      sources: sourcesOf.get(code.id)?.size ?? 0,
      children: kids,
    };
  };

  // Top-level element codes by the model node they sit under; the rest are the researcher's.
  const byElement = new Map<string, CodebookCodeNode[]>();
  const own: CodebookCodeNode[] = [];
  for (const root of roots) {
    if (seen.has(root.id)) continue;
    const n = node(root);
    if (root.elementId !== undefined) {
      const list = byElement.get(root.elementId) ?? [];
      list.push(n);
      byElement.set(root.elementId, list);
    } else own.push(n);
  }
  // Codes caught in a cycle (restore refuses them) still appear among the researcher's.
  for (const code of q.codes) if (!seen.has(code.id)) own.push(node(code));

  const taken: Code[] = [...q.codes];
  const elementNodes = (elementId: ElementId): CodebookCodeNode[] => {
    const stored = byElement.get(elementId);
    if (stored) return stored;
    // Placed only when no code anywhere stands for the element.
    if (storedElementCode(q.codes, elementId)) return [];
    const placeholder = elementCode(taken, elementId, 'system');
    taken.push(placeholder);
    return [
      {
        ...node(placeholder),
        stored: false,
        version: 0,
      },
    ];
  };
  const group = (model: ModelNode): CodebookGroupNode => {
    const items: CodebookNode[] = [];
    for (const child of MODEL_NODES.filter((n) => n.parent === model.id)) {
      if (child.kind === 'element' && isElementId(child.id)) items.push(...elementNodes(child.id));
      else if (child.kind === 'grouping') items.push(group(child));
    }
    return {
      kind: 'group',
      id: model.id,
      name: model.name,
      description: model.description,
      total: items.reduce((n, i) => n + i.total, 0),
      children: items,
    };
  };
  const contexts = MODEL_NODES.filter((n) => n.kind === 'context').map(group);
  return [
    ...contexts,
    {
      kind: 'group',
      id: OWN_CODES_GROUP,
      name: 'Own codes',
      description: 'Codes of your own that sit outside the model’s elements.',
      total: own.reduce((n, i) => n + i.total, 0),
      children: own,
    },
  ];
}
