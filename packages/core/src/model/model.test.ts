import { describe, expect, it } from 'vitest';
import { CONTEXT_IDS, E, ELEMENT_IDS, GROUPING_IDS, MODEL_NODES } from './elements.js';
import { buildModel, DEFAULT_MODEL } from './registry.js';
import { FROST_LEVELS, FROST_TAXONOMY, HOGUE_FREY_SCALE, frostRank } from './taxonomies.js';

describe('the model tree', () => {
  it('holds the 25 ids of MODEL.md exactly once each', () => {
    const ids = MODEL_NODES.map((n) => n.id);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect(new Set(ids)).toEqual(new Set([...CONTEXT_IDS, ...ELEMENT_IDS, ...GROUPING_IDS]));
  });

  it('has twenty measured elements and one grouping node', () => {
    expect(MODEL_NODES.filter((n) => n.kind === 'element')).toHaveLength(20);
    expect(MODEL_NODES.filter((n) => n.kind === 'grouping').map((n) => n.id)).toEqual([
      'process.teamReasoning',
    ]);
  });

  it('nests the contexts as the model does: local in policy, personal and process in local', () => {
    const parentOf = (id: string) => DEFAULT_MODEL.byId.get(id)?.parent;
    expect(parentOf('policy')).toBeNull();
    expect(parentOf('local')).toBe('policy');
    expect(parentOf('personal')).toBe('local');
    expect(parentOf('process')).toBe('local');
    expect(parentOf('process.teamReasoning.purposes')).toBe('process.teamReasoning');
    expect(DEFAULT_MODEL.ancestry('process.teamReasoning.roles')).toEqual([
      'policy',
      'local',
      'process',
      'process.teamReasoning',
      'process.teamReasoning.roles',
    ]);
  });

  it('gives every node an existing parent, listed before it, and a prefix-consistent id', () => {
    const seen = new Set<string>();
    for (const node of MODEL_NODES) {
      if (node.parent !== null) {
        expect(seen.has(node.parent), `${node.id} comes after its parent`).toBe(true);
        if (node.kind !== 'context') expect(node.id.startsWith(`${node.parent}.`)).toBe(true);
      }
      seen.add(node.id);
    }
  });

  it('cites at least one source for every element, and describes every node', () => {
    for (const node of MODEL_NODES) {
      expect(node.citations.length, node.id).toBeGreaterThan(0);
      expect(node.description.length, node.id).toBeGreaterThan(40);
    }
  });

  it('puts personal elements on individuals and policy elements on the policy level', () => {
    for (const node of DEFAULT_MODEL.elements) {
      if (node.id.startsWith('personal.')) expect(node.unit).toBe('individual');
      if (node.id.startsWith('policy.')) expect(node.unit).toBe('policy');
      if (node.id.startsWith('process.') || node.id.startsWith('local.'))
        expect(node.unit).toBe('group');
    }
  });

  it('exposes a named constant for every id', () => {
    expect(new Set(Object.values(E))).toEqual(new Set(MODEL_NODES.map((n) => n.id)));
  });
});

describe('extending the model by configuration', () => {
  it('adds an element under an existing node without code changes', () => {
    const built = buildModel([
      {
        id: 'local.safeguardingBoard',
        parent: 'local',
        name: 'Safeguarding board',
        description: 'How the local safeguarding partnership oversees the work.',
      },
    ]);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.model.elements).toHaveLength(21);
    expect(built.model.byId.get('local.safeguardingBoard')).toMatchObject({
      unit: 'group',
      custom: true,
    });
    expect(built.model.version).toBe('1.0.0+1');
  });

  it('reports every problem in a bad extension at once', () => {
    const built = buildModel([
      { id: 'local.roles', parent: 'local', name: 'x', description: 'y' },
      { id: 'Bad Id', parent: 'local', name: 'x', description: 'y' },
      { id: 'local.extra', parent: 'nowhere', name: 'x', description: 'y' },
    ]);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate_id', 'extensions[0].id'],
      ['invalid_id', 'extensions[1].id'],
      ['unknown_parent', 'extensions[2].parent'],
    ]);
  });
});

describe('taxonomies', () => {
  it('orders Frost levels from none to coordination', () => {
    expect(FROST_LEVELS).toEqual(['none', 'cooperation', 'collaboration', 'coordination']);
    expect(frostRank('coordination')).toBeGreaterThan(frostRank('collaboration'));
    expect(FROST_TAXONOMY.map((l) => l.id)).toEqual([...FROST_LEVELS]);
  });

  it('keeps the Hogue/Frey scale at 0..5 with its six labels', () => {
    expect(HOGUE_FREY_SCALE.map((l) => l.label)).toEqual([
      'None',
      'Networking',
      'Cooperation',
      'Coordination',
      'Coalition',
      'Collaboration',
    ]);
  });
});
