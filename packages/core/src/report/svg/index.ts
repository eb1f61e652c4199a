/** Pictures of a diagnosis as SVG strings: pure, deterministic, every text escaped. */
export { modelSvg, type ModelSvgInput, type ModelSvgOptions } from './model-svg.js';
export { networkSvg, heaviestTies, GROUP_COLOURS, type NetworkSvgOptions } from './network-svg.js';
export { roleMatrixSvg } from './role-matrix-svg.js';
export {
  frostMatrixSvg,
  frostLabel,
  FROST_STYLE,
  type FrostMatrixNode,
  type FrostMatrixOptions,
} from './frost-matrix-svg.js';
export { FONT_FAMILY, type SvgOptions } from './common.js';
