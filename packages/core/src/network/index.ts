export * from './types.js';
export {
  compareIds,
  graphsFromPrepared,
  networkGraphs,
  prepareNetwork,
  preparedFromMerged,
  type TieTable,
  type UndirectedTieTable,
  type NetworkEdgeAttributes,
  type NetworkNodeAttributes,
  type PreparedNetwork,
} from './network-graph.js';
export {
  components,
  freemanDegreeCentralization,
  inDegrees,
  isolates,
  networkDensity,
  outDegrees,
  reciprocity,
} from './cohesion.js';
export { betweennessCentrality, closenessCentrality } from './centrality.js';
export { articulationPoints } from './articulation-points.js';
export { eiIndex } from './ei-index.js';
export {
  edgeList,
  edgeListFromPrepared,
  pairWeightsFromPrepared,
  type EdgeListOptions,
} from './edge-list.js';
export { measuresOfPrepared, networkMeasures } from './network-measures.js';
export { mulberry32, randomNetwork } from './random-network.js';
