import type { AbstractGraph } from 'graphology-types';
import { requireGraphType } from './network-graph.js';
import { eiFromPairs } from './network-kernels.js';
import type { EiIndex } from './types.js';

/**
 * Krackhardt–Stern E-I index over the ties of an undirected graph, groups (agencies) from the node
 * attribute `group`: (external − internal) / (external + internal), from −1 (all ties within
 * groups) to +1 (all across). Overall, a tie is internal when both ends share a group and external
 * when they differ; for one group, internal ties join two of its members and external ties join a
 * member to someone in another group. Ties with an ungrouped end are left out. `null` where no tie
 * counts; `byGroup` lists every group that has a node.
 */
export function eiIndex(graph: AbstractGraph): EiIndex {
  requireGraphType(graph, 'undirected', 'eiIndex');
  const index = new Map<string, number>();
  const groups: (string | undefined)[] = [];
  graph.forEachNode((node, attributes) => {
    index.set(node, groups.length);
    const group: unknown = attributes.group;
    groups.push(typeof group === 'string' ? group : undefined);
  });
  const sources: number[] = [];
  const targets: number[] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    sources.push(index.get(source)!);
    targets.push(index.get(target)!);
  });
  return eiFromPairs(groups, { length: sources.length, source: sources, target: targets });
}
