/**
 * Rendering a diagnosis for people: plain text, one standalone HTML file, and SVG pictures the
 * web app reuses. Pure functions of a diagnosis: no I/O, deterministic, all user text escaped.
 */
export { diagnosisText, TEXT_WIDTH } from './text.js';
export { diagnosisHtml, type DiagnosisHtmlOptions } from './html.js';
export { changeText, changeHtml, type ChangeReportOptions } from './change.js';
export { escapeXml, escapeHtml, truncate, wrapWords } from './escape.js';
export {
  STATUS_STYLE,
  STATUS_ORDER,
  DIRECTION_MARK,
  INK,
  contrastRatio,
  relativeLuminance,
  type StatusStyle,
} from './status.js';
export { SHORT_NAMES, shortName, formatCitation } from './shared.js';
export * from './svg/index.js';
