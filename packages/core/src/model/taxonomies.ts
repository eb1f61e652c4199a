/** Taxonomies the model uses to name how closely services work together. */

/** Frost (2005, p.13) levels, weakest first, with "none" for parallel, unconnected work. */
export const FROST_LEVELS = ['none', 'cooperation', 'collaboration', 'coordination'] as const;
export type FrostLevel = (typeof FROST_LEVELS)[number];

/** One level of a named taxonomy. */
export interface TaxonomyLevel<Id extends string | number> {
  readonly id: Id;
  readonly rank: number;
  readonly label: string;
  readonly description: string;
}

/** Frost's taxonomy (the default), with plain-words prompts used in the survey. */
export const FROST_TAXONOMY: readonly (TaxonomyLevel<FrostLevel> & { prompt: string | null })[] = [
  {
    id: 'none',
    rank: 0,
    label: 'None yet',
    description: 'Each works in parallel with no contact about this work.',
    prompt: null,
  },
  {
    id: 'cooperation',
    rank: 1,
    label: 'Cooperation',
    description:
      'Services keep their independence but aim at consistent goals and offer services that complement each other.',
    prompt: 'We keep each other informed.',
  },
  {
    id: 'collaboration',
    rank: 2,
    label: 'Collaboration',
    description:
      'Services plan together and tackle overlaps, duplication and gaps on the way to common outcomes.',
    prompt: 'We plan together and sort out overlaps and gaps.',
  },
  {
    id: 'coordination',
    rank: 3,
    label: 'Coordination',
    description:
      'Services work together in a planned, systematic way towards goals they have agreed and share.',
    prompt: 'We plan, deliver and review together, systematically.',
  },
];

/** Rank of a Frost level, for comparisons and medians. */
export function frostRank(level: FrostLevel): number {
  return FROST_LEVELS.indexOf(level);
}

/** The optional Hogue (1993) / Frey et al (2006) 0–5 self-rated scale. */
export const HOGUE_FREY_SCALE: readonly TaxonomyLevel<0 | 1 | 2 | 3 | 4 | 5>[] = [
  { id: 0, rank: 0, label: 'None', description: 'No working relationship.' },
  {
    id: 1,
    rank: 1,
    label: 'Networking',
    description: 'Aware of each other; loose, informal contact; little decided together.',
  },
  {
    id: 2,
    rank: 2,
    label: 'Cooperation',
    description: 'Information passed on; some shared work; separate decisions.',
  },
  {
    id: 3,
    rank: 3,
    label: 'Coordination',
    description: 'Some joint planning; shared tasks; regular communication.',
  },
  {
    id: 4,
    rank: 4,
    label: 'Coalition',
    description: 'Ideas and resources shared; everyone has a say in decisions.',
  },
  {
    id: 5,
    rank: 5,
    label: 'Collaboration',
    description: 'One system: members belong to it first, decide by consensus, communicate often.',
  },
];

/** The two levels of analysis, never merged. */
export const ANALYSIS_LEVELS = ['interProfessional', 'interAgency'] as const;
export type AnalysisLevel = (typeof ANALYSIS_LEVELS)[number];

/** Every Child Matters' five outcomes (DfES 2004), the default outcome framework. */
export const ECM_FRAMEWORK = {
  id: 'ecm',
  name: 'Every Child Matters (DfES 2004)',
  outcomes: [
    { id: 'ecm.healthy', label: 'Be healthy' },
    { id: 'ecm.safe', label: 'Stay safe' },
    { id: 'ecm.achieve', label: 'Enjoy and achieve' },
    { id: 'ecm.contribution', label: 'Make a positive contribution' },
    { id: 'ecm.economic', label: 'Achieve economic well-being' },
  ],
} as const;
