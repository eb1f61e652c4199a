/**
 * The five context-level classes the auto-coding benchmark scores suggestions by
 * (ANALYSIS.md, "Auto-coding classes"): team reasoning is one class on either side of the
 * model, taken out of the personal context and the collaborative process.
 */

/** The five classes, in model order. */
export const SUGGEST_CLASSES = ['policy', 'local', 'personal', 'process', 'teamReasoning'] as const;
export type SuggestClass = (typeof SUGGEST_CLASSES)[number];

/**
 * The class of a model id: `personal.teamReasoning` and `process.teamReasoning[.*]` are team
 * reasoning; otherwise the context the id starts with. Null for ids outside the model
 * (a researcher's own code with no element).
 */
export function classOf(elementId: string): SuggestClass | null {
  if (elementId === 'personal.teamReasoning') return 'teamReasoning';
  if (elementId === 'process.teamReasoning' || elementId.startsWith('process.teamReasoning.')) {
    return 'teamReasoning';
  }
  const context = elementId.split('.')[0] ?? '';
  return (SUGGEST_CLASSES as readonly string[]).includes(context) && context !== 'teamReasoning'
    ? (context as SuggestClass)
    : null;
}
