import type { ElementId } from '../model/elements.js';
import type { FrostLevel } from '../model/taxonomies.js';

/** The answer scale of the built-in scale items: 5-point agreement plus "don't know". */
export const AGREE5 = {
  id: 'agree5',
  points: 5,
  labels: [
    'Strongly disagree',
    'Disagree',
    'Neither agree nor disagree',
    'Agree',
    'Strongly agree',
  ],
  dontKnow: "Don't know",
} as const;

/** A named group of items that are averaged together. */
export type ScaleId =
  | 'teamReasoning'
  | 'purposes'
  | 'respect'
  | 'sharedDefinitions'
  | 'communication'
  | 'decisions'
  | 'rolesInPractice'
  | 'roleClarity'
  | 'leadership'
  | 'accountability'
  | 'resourcing'
  | 'boundedness'
  | 'policy'
  | 'individual'
  | 'jointActivities';

/** The facet of team reasoning an item probes (Gilbert 2005; Sugden 2005). */
export type TeamReasoningFacet = 'preference' | 'intention' | 'commitment' | 'overview';

/** One scale item of the built-in instrument. */
export interface ScaleItem {
  readonly id: string;
  readonly element: ElementId;
  readonly scale: ScaleId;
  readonly wording: string;
  readonly answerScale: 'agree5';
  readonly reverseKeyed: boolean;
  readonly facet?: TeamReasoningFacet;
}

const item = (
  id: string,
  element: ElementId,
  scale: ScaleId,
  wording: string,
  reverseKeyed = false,
  facet?: TeamReasoningFacet,
): ScaleItem =>
  facet === undefined
    ? { id, element, scale, wording, answerScale: 'agree5', reverseKeyed }
    : { id, element, scale, wording, answerScale: 'agree5', reverseKeyed, facet };

/** The scale items, in the order a respondent sees them. About a fifth are reverse-keyed. */
export const SCALE_ITEMS: readonly ScaleItem[] = [
  item(
    'TR1',
    'personal.teamReasoning',
    'teamReasoning',
    'When I plan my work with this child or family, I start from what the whole team is trying to achieve.',
    false,
    'preference',
  ),
  item(
    'TR2',
    'personal.teamReasoning',
    'teamReasoning',
    'I would rather the team reached its aim than my service met its own targets.',
    false,
    'preference',
  ),
  item(
    'TR3',
    'personal.teamReasoning',
    'teamReasoning',
    'I intend to do my part of our joint plan even when it is not what my own service would choose.',
    false,
    'intention',
  ),
  item(
    'TR4',
    'personal.teamReasoning',
    'teamReasoning',
    'I mostly do what my own service needs and leave the joint work to others.',
    true,
    'intention',
  ),
  item(
    'TR5',
    'personal.teamReasoning',
    'teamReasoning',
    'I am committed to working jointly with the others in this collaboration.',
    false,
    'commitment',
  ),
  item(
    'TR6',
    'personal.teamReasoning',
    'teamReasoning',
    'I make time for the joint work even when my own caseload is heavy.',
    false,
    'commitment',
  ),
  item(
    'TR7',
    'personal.teamReasoning',
    'teamReasoning',
    'I can describe how each member’s work fits together around the child.',
    false,
    'overview',
  ),
  item(
    'TR8',
    'personal.teamReasoning',
    'teamReasoning',
    'I am often unsure what the other professionals are doing with this child.',
    true,
    'overview',
  ),
  item(
    'PU1',
    'process.teamReasoning.purposes',
    'purposes',
    'We agree on what we are trying to achieve together.',
    false,
  ),
  item(
    'PU2',
    'process.teamReasoning.purposes',
    'purposes',
    'My agency’s priorities fit inside the joint goal.',
    false,
  ),
  item(
    'PU3',
    'process.teamReasoning.purposes',
    'purposes',
    'Some members are pulling in a different direction from the rest of us.',
    true,
  ),
  item(
    'PU4',
    'process.teamReasoning.purposes',
    'purposes',
    'We share the same values about what is good for this child.',
    false,
  ),
  item(
    'RS1',
    'personal.professional',
    'respect',
    'Other members respect my professional judgement.',
    false,
  ),
  item(
    'RS2',
    'personal.professional',
    'respect',
    'I respect the expertise the other professions bring.',
    false,
  ),
  item(
    'RS3',
    'personal.professional',
    'respect',
    'Some professions here are treated as more important than others.',
    true,
  ),
  item(
    'IN1',
    'personal.individual',
    'individual',
    'My earlier experience helps me work across agencies.',
    false,
  ),
  item(
    'IN2',
    'personal.individual',
    'individual',
    'I feel confident raising a disagreement with a colleague from another agency.',
    false,
  ),
  item(
    'KN1',
    'local.knowledge',
    'sharedDefinitions',
    'We use the same words to mean the same things when we discuss this child.',
    false,
  ),
  item(
    'KN2',
    'local.knowledge',
    'sharedDefinitions',
    'We have a shared understanding of the child’s needs.',
    false,
  ),
  item(
    'KN3',
    'local.knowledge',
    'sharedDefinitions',
    'Different members explain the child’s difficulties in ways that do not fit together.',
    true,
  ),
  item(
    'KN4',
    'local.knowledge',
    'sharedDefinitions',
    'We have talked through how each profession sees the case.',
    false,
  ),
  item(
    'RL1',
    'local.roles',
    'roleClarity',
    'It is clear who is responsible for each part of the work.',
    false,
  ),
  item('RL2', 'local.roles', 'roleClarity', 'Some needs of this child are nobody’s job.', true),
  item(
    'LE1',
    'local.leadership',
    'leadership',
    'Someone gives this collaboration direction and drive.',
    false,
  ),
  item(
    'LE2',
    'local.leadership',
    'leadership',
    'I know who to go to when the joint work gets stuck.',
    false,
  ),
  item(
    'AC1',
    'local.accountability',
    'accountability',
    'I know to whom I answer for my part of the joint work.',
    false,
  ),
  item(
    'AC2',
    'local.accountability',
    'accountability',
    'My manager in my own agency and this collaboration ask me for conflicting things.',
    true,
  ),
  item(
    'RE1',
    'local.resourcing',
    'resourcing',
    'I have time set aside for this collaboration.',
    false,
  ),
  item('RE2', 'local.resourcing', 'resourcing', 'The joint work has the money it needs.', false),
  item(
    'BO1',
    'local.boundedness',
    'boundedness',
    'The aims and limits of this collaboration are clear.',
    false,
  ),
  item(
    'JA1',
    'process.jointActivities',
    'jointActivities',
    'We review together whether what we are doing is working.',
    false,
  ),
  item(
    'JA2',
    'process.jointActivities',
    'jointActivities',
    'We carry out parts of the work together, not only plan it.',
    false,
  ),
  item(
    'CO1',
    'process.teamReasoning.communication',
    'communication',
    'I hear about important changes for this child in good time.',
    false,
  ),
  item(
    'CO2',
    'process.teamReasoning.communication',
    'communication',
    'Information I need is sometimes held back from me.',
    true,
  ),
  item(
    'CO3',
    'process.teamReasoning.communication',
    'communication',
    'It is easy to reach the other members when I need to.',
    false,
  ),
  item(
    'DE1',
    'process.teamReasoning.decisions',
    'decisions',
    'Decisions that affect my work are made with me, not for me.',
    false,
  ),
  item(
    'DE2',
    'process.teamReasoning.decisions',
    'decisions',
    'We have an agreed way of making decisions together.',
    false,
  ),
  item(
    'RP1',
    'process.teamReasoning.roles',
    'rolesInPractice',
    'Other members understand what I actually do.',
    false,
  ),
  item(
    'RP2',
    'process.teamReasoning.roles',
    'rolesInPractice',
    'Members sometimes do work that belongs to someone else’s role.',
    true,
  ),
  item(
    'RP3',
    'process.teamReasoning.roles',
    'rolesInPractice',
    'In practice, everyone does the part they agreed to.',
    false,
  ),
  item(
    'PO1',
    'policy.interactions',
    'policy',
    'The rules of my own service make it hard to work jointly here.',
    true,
  ),
  item(
    'PO2',
    'policy.structures',
    'policy',
    'National and local policy support what we are trying to do.',
    false,
  ),
];

/** Scale items by id. */
export const SCALE_ITEM_BY_ID: ReadonlyMap<string, ScaleItem> = new Map(
  SCALE_ITEMS.map((i) => [i.id, i]),
);

/** The goal question: the joint goal in the member's own words, then chosen from a list. */
export const GOAL_QUESTION = {
  id: 'GOAL',
  element: 'process.teamReasoning.purposes' as ElementId,
  wording: 'In a sentence, what is this collaboration trying to achieve?',
  choiceWording: 'Which of these is closest to what you are working towards here?',
  /** The list offered: the recorded joint goals, the member's own agency's goals, and "other". */
  choices: ['joint', 'agency', 'other'] as const,
} as const;

/** The lead question: who members name as leading the collaboration. */
export const LEAD_QUESTION = {
  id: 'LEAD',
  element: 'local.leadership' as ElementId,
  wording: 'Who leads this collaboration?',
} as const;

/** The name generator (identified waves only). */
export const NAME_GENERATOR = {
  id: 'NAMES',
  wording:
    'Choose the colleagues in this collaboration you work with on this child or group (up to 15).',
  maxNames: 15,
} as const;

/** Contact frequency answers of the dyadic questions, with contacts per month for weighting. */
export const CONTACT_FREQUENCIES = [
  { id: 'daily', label: 'Most days', perMonth: 20 },
  { id: 'weekly', label: 'Every week or so', perMonth: 4 },
  { id: 'monthly', label: 'Every month or so', perMonth: 1 },
  { id: 'rarely', label: 'Less often', perMonth: 0.25 },
  { id: 'never', label: 'Not at all', perMonth: 0 },
] as const;
export type ContactFrequency = (typeof CONTACT_FREQUENCIES)[number]['id'];

/** The dyadic questions asked about each named colleague (identified waves only). */
export const DYADIC_QUESTIONS = [
  {
    id: 'D.frequency',
    wording: 'How often are you in contact with this person about this work?',
    answers: CONTACT_FREQUENCIES.map((f) => f.id),
  },
  {
    id: 'D.workingLevel',
    wording: 'Which sentence best describes how you work together?',
    answers: [
      { level: 'cooperation', wording: 'We keep each other informed.' },
      { level: 'collaboration', wording: 'We plan together and sort out overlaps and gaps.' },
      { level: 'coordination', wording: 'We plan, deliver and review together, systematically.' },
    ] satisfies { level: FrostLevel; wording: string }[],
  },
  {
    id: 'D.roleUnderstanding',
    wording: 'How well do you understand what this person does here? (1 not at all – 5 fully)',
    answers: [1, 2, 3, 4, 5],
  },
  {
    id: 'D.trust',
    wording: 'How far can you rely on this person to do what they say? (1 not at all – 5 fully)',
    answers: [1, 2, 3, 4, 5],
  },
  {
    id: 'D.roleAreas',
    wording: 'Which of these areas of the work does this person take on here?',
    answers: 'responsibilityAreas',
  },
] as const;

/** The role question about the respondent themself (identified waves only). */
export const ROLE_QUESTION = {
  id: 'ROLE',
  wording:
    'Which of these areas of the work do you take on here? Add a sentence in your own words.',
} as const;

/** The notice shown before the first question, per wave mode. */
export const PRIVACY_NOTICE = {
  anonymous:
    'This survey is anonymous. Your answers are stored without your name or your link, and the team sees only totals from three or more people. You will not be asked about named colleagues.',
  identified:
    'This survey is not anonymous. The facilitator can see who has answered. Your answers about named colleagues are used to draw the team’s contact map and role map; other members see only the team’s combined results, never your own answers.',
} as const;

/** Version of the built-in instrument. */
export const INSTRUMENT_VERSION = '1.0.0';
