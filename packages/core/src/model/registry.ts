import { MODEL_NODES, MODEL_VERSION, type ModelNode, type UnitOfAnalysis } from './elements.js';

/** An element or code a deployment adds through configuration. */
export interface ModelExtension {
  readonly id: string;
  readonly parent: string;
  readonly name: string;
  readonly description: string;
  readonly unit?: UnitOfAnalysis;
  readonly citations?: ModelNode['citations'];
  readonly keywords?: readonly string[];
}

/** A problem found in a model extension. */
export interface ModelIssue {
  readonly code: 'duplicate_id' | 'unknown_parent' | 'invalid_id' | 'cycle';
  readonly path: string;
  readonly message: string;
}

/** The model a deployment runs with: the built-in tree plus any configured extensions. */
export interface Model {
  readonly version: string;
  readonly nodes: readonly ModelNode[];
  readonly byId: ReadonlyMap<string, ModelNode>;
  /** Measured nodes: the twenty built-in elements and any added ones. */
  readonly elements: readonly ModelNode[];
  children(id: string | null): readonly ModelNode[];
  /** Ids from the root down to `id`, inclusive. */
  ancestry(id: string): readonly string[];
}

const ID_PATTERN = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

/** Builds the model tree from the built-in nodes and a deployment's extensions; returns every problem at once. */
export function buildModel(
  extensions: readonly ModelExtension[] = [],
): { ok: true; model: Model } | { ok: false; issues: ModelIssue[] } {
  const issues: ModelIssue[] = [];
  const nodes: ModelNode[] = [...MODEL_NODES];
  const ids = new Set(nodes.map((n) => n.id));
  extensions.forEach((ext, i) => {
    const path = `extensions[${i}]`;
    if (!ID_PATTERN.test(ext.id)) {
      issues.push({
        code: 'invalid_id',
        path: `${path}.id`,
        message: `"${ext.id}" is not a valid id: use dot-separated camelCase words`,
      });
      return;
    }
    if (ids.has(ext.id)) {
      issues.push({
        code: 'duplicate_id',
        path: `${path}.id`,
        message: `"${ext.id}" already exists in the model`,
      });
      return;
    }
    ids.add(ext.id);
  });
  extensions.forEach((ext, i) => {
    if (!ids.has(ext.parent)) {
      issues.push({
        code: 'unknown_parent',
        path: `extensions[${i}].parent`,
        message: `parent "${ext.parent}" is not in the model`,
      });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const ext of extensions) {
    const parent = byId.get(ext.parent);
    const node: ModelNode = {
      id: ext.id,
      parent: ext.parent,
      kind: 'element',
      unit: ext.unit ?? parent?.unit ?? 'group',
      name: ext.name,
      description: ext.description,
      citations: ext.citations ?? [],
      keywords: ext.keywords ?? [],
      custom: true,
    };
    nodes.push(node);
    byId.set(node.id, node);
  }
  const model: Model = {
    version: extensions.length === 0 ? MODEL_VERSION : `${MODEL_VERSION}+${extensions.length}`,
    nodes,
    byId,
    elements: nodes.filter((n) => n.kind === 'element'),
    children: (id) => nodes.filter((n) => n.parent === id),
    ancestry: (id) => {
      const chain: string[] = [];
      let current = byId.get(id);
      while (current) {
        chain.unshift(current.id);
        current = current.parent === null ? undefined : byId.get(current.parent);
      }
      return chain;
    },
  };
  return { ok: true, model };
}

/** The built-in model with no extensions. */
export const DEFAULT_MODEL: Model = (() => {
  const built = buildModel();
  if (!built.ok) throw new Error('the built-in model is inconsistent');
  return built.model;
})();
