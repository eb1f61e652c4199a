/**
 * Rose's model of multi-agency collaboration (BERA 2007) as data: four nested contexts,
 * twenty measured elements and one grouping node. Ids are stable and used verbatim in
 * documents, indicators, the survey instrument and the codebook.
 */

/** The unit an element is measured on. */
export type UnitOfAnalysis = 'policy' | 'agency' | 'group' | 'individual';

/** What a node of the model tree is. */
export type ModelNodeKind = 'context' | 'element' | 'grouping';

/** A citation carried over from the literature the model rests on. */
export interface Citation {
  readonly authors: string;
  readonly year: number | string;
  readonly note?: string;
}

/** One node of the model tree: a context, an element, or a grouping node. */
export interface ModelNode {
  readonly id: string;
  readonly parent: string | null;
  readonly kind: ModelNodeKind;
  readonly unit: UnitOfAnalysis;
  readonly name: string;
  readonly description: string;
  readonly citations: readonly Citation[];
  /** Words an interviewee might use when talking about this element; seeds auto-coding. */
  readonly keywords: readonly string[];
  /** True for nodes a deployment added through configuration. */
  readonly custom?: boolean;
}

const cite = (authors: string, year: number | string, note?: string): Citation =>
  note === undefined ? { authors, year } : { authors, year, note };

const ROSE = cite('Rose', 2007, 'Multi-Agency Collaboration: A new theoretical model, BERA');

/** The ids of the four contexts. */
export const CONTEXT_IDS = ['policy', 'local', 'personal', 'process'] as const;
export type ContextId = (typeof CONTEXT_IDS)[number];

/** The ids of the twenty measured elements, in model order. */
export const ELEMENT_IDS = [
  'policy.structures',
  'policy.interactions',
  'policy.regulation',
  'policy.feedback',
  'local.boundedness',
  'local.roles',
  'local.leadership',
  'local.accountability',
  'local.resourcing',
  'local.knowledge',
  'personal.professional',
  'personal.individual',
  'personal.teamReasoning',
  'process.jointActivities',
  'process.duration',
  'process.continuity',
  'process.teamReasoning.purposes',
  'process.teamReasoning.communication',
  'process.teamReasoning.decisions',
  'process.teamReasoning.roles',
] as const;
export type ElementId = (typeof ELEMENT_IDS)[number];

/** The one grouping node: the group part of team reasoning, not measured on its own. */
export const GROUPING_IDS = ['process.teamReasoning'] as const;
export type GroupingId = (typeof GROUPING_IDS)[number];

/** Any id of the built-in model. */
export type ModelId = ContextId | ElementId | GroupingId;

/** Named constants for every model id, so no id is ever retyped by hand. */
export const E = {
  policy: 'policy',
  local: 'local',
  personal: 'personal',
  process: 'process',
  policyStructures: 'policy.structures',
  policyInteractions: 'policy.interactions',
  policyRegulation: 'policy.regulation',
  policyFeedback: 'policy.feedback',
  localBoundedness: 'local.boundedness',
  localRoles: 'local.roles',
  localLeadership: 'local.leadership',
  localAccountability: 'local.accountability',
  localResourcing: 'local.resourcing',
  localKnowledge: 'local.knowledge',
  personalProfessional: 'personal.professional',
  personalIndividual: 'personal.individual',
  personalTeamReasoning: 'personal.teamReasoning',
  processJointActivities: 'process.jointActivities',
  processDuration: 'process.duration',
  processContinuity: 'process.continuity',
  processTeamReasoning: 'process.teamReasoning',
  processPurposes: 'process.teamReasoning.purposes',
  processCommunication: 'process.teamReasoning.communication',
  processDecisions: 'process.teamReasoning.decisions',
  processRoles: 'process.teamReasoning.roles',
} as const satisfies Record<string, ModelId>;

/** The built-in model, version 1, in display order (parents before children). */
export const MODEL_NODES: readonly ModelNode[] = [
  {
    id: 'policy',
    parent: null,
    kind: 'context',
    unit: 'policy',
    name: 'Policy context',
    description:
      'The national field around the collaboration: laws, programmes, inspection regimes and professional codes that set what each agency must, may and may not do.',
    citations: [ROSE, cite('DfES', 2004, 'Every Child Matters: Change for Children')],
    keywords: ['government', 'national', 'legislation', 'statutory', 'policy'],
  },
  {
    id: 'local',
    parent: 'policy',
    kind: 'context',
    unit: 'group',
    name: 'Local context',
    description:
      'The immediate setting the team works in: how it is bounded, staffed, led, held to account and paid for, and what knowledge its members bring to it.',
    citations: [ROSE],
    keywords: ['local authority', 'service', 'structure', 'set up'],
  },
  {
    id: 'personal',
    parent: 'local',
    kind: 'context',
    unit: 'individual',
    name: 'Personal context',
    description:
      'Each professional as an individual: their training and standing, their history with joint work, and how far they think of the work as "ours".',
    citations: [ROSE],
    keywords: ['I', 'myself', 'my own', 'personally'],
  },
  {
    id: 'process',
    parent: 'local',
    kind: 'context',
    unit: 'group',
    name: 'Collaborative process',
    description:
      'What the group does together over time: its joint activities, its lifespan and stability, and how it agrees purposes, talks, decides and shares out the work.',
    citations: [ROSE],
    keywords: ['we', 'together', 'team', 'jointly'],
  },
  {
    id: 'policy.structures',
    parent: 'policy',
    kind: 'element',
    unit: 'policy',
    name: 'National and local policies and structures',
    description:
      'The statutes, programmes, trusts and targets each agency answers to, including whether an agency holds a legal duty towards the joint aim or acts without one.',
    citations: [ROSE, cite('DfES', 2004), cite('Dessent', 2006)],
    keywords: [
      'target',
      'targets',
      'statutory',
      'duty',
      'powers',
      'government',
      'every child matters',
      'children’s trust',
      'funding stream',
      'inspection',
      'ofsted',
      'neet',
      'programme',
    ],
  },
  {
    id: 'policy.interactions',
    parent: 'policy',
    kind: 'element',
    unit: 'policy',
    name: 'Specific policy interactions',
    description:
      'Points where two policies meet inside this collaboration and either reinforce or pull against each other, such as one service promising confidentiality while another must report.',
    citations: [ROSE, cite('Harris', 2003)],
    keywords: [
      'confidential',
      'confidentiality',
      'contradict',
      'clash',
      'conflicting policy',
      'duty to report',
      'not allowed to tell',
      'policy says',
      'exclusion',
      'uniform',
    ],
  },
  {
    id: 'policy.regulation',
    parent: 'policy',
    kind: 'element',
    unit: 'policy',
    name: 'Regulations and codes of practice',
    description:
      'The regulator, code of practice and legal limits of each profession: what its members may do, record or pass on.',
    citations: [ROSE, cite('Sloper', 2004)],
    keywords: [
      'regulator',
      'code of practice',
      'registration',
      'hcpc',
      'gmc',
      'data protection',
      'consent',
      'professional code',
      'legally',
      'liability',
    ],
  },
  {
    id: 'policy.feedback',
    parent: 'policy',
    kind: 'element',
    unit: 'policy',
    name: 'Local-to-policy interaction',
    description:
      'How the team reads, bends or works around policy in practice, and what it reports back to those who make policy.',
    citations: [ROSE],
    keywords: [
      'work around',
      'bend the rules',
      'adapt',
      'interpret',
      'feed back',
      'fed back',
      'lobby',
      'consultation',
      'pilot',
    ],
  },
  {
    id: 'local.boundedness',
    parent: 'local',
    kind: 'element',
    unit: 'group',
    name: 'Boundedness',
    description:
      'How tightly the collaboration is limited in its aims, its resources and its time. Open work leaves room to spot needs and widen the team, but invites unclear roles and priorities.',
    citations: [ROSE, cite('Easen et al', 2000), cite('Milbourne', 2005), cite('Salmon', 2004)],
    keywords: [
      'remit',
      'scope',
      'short-term',
      'project',
      'fixed term',
      'open-ended',
      'boundaries of the work',
      'criteria',
    ],
  },
  {
    id: 'local.roles',
    parent: 'local',
    kind: 'element',
    unit: 'group',
    name: 'Roles and responsibilities',
    description:
      'Who is formally meant to do what: the agreed division of the work, agreed leads for shared areas, and any needs nobody is charged with.',
    citations: [
      ROSE,
      cite('Cleaver and Walker', 2004),
      cite('Hymans', 2006),
      cite('Sloper', 2004),
      cite('Watson', 2006),
      cite('Considine', 2002),
      cite('Milbourne', 2005),
    ],
    keywords: [
      'job description',
      'remit',
      'responsible for',
      'my role',
      'their role',
      'whose job',
      'overlap',
      'gap',
      'fall through',
      'boundary',
    ],
  },
  {
    id: 'local.leadership',
    parent: 'local',
    kind: 'element',
    unit: 'group',
    name: 'Leadership and management structures',
    description:
      'Who leads the collaboration and who manages whom across agency lines, and whether members know it.',
    citations: [
      ROSE,
      cite('Atkinson et al', 2001),
      cite('Harris', 2003),
      cite('Hymans', 2006),
      cite('Sloper', 2004),
      cite('Watson', 2006),
    ],
    keywords: [
      'lead',
      'leader',
      'leadership',
      'manager',
      'line manager',
      'in charge',
      'chair',
      'coordinator',
      'drive',
    ],
  },
  {
    id: 'local.accountability',
    parent: 'local',
    kind: 'element',
    unit: 'group',
    name: 'Lines of accountability',
    description:
      'To whom each member answers inside and outside the collaboration, and which line wins when two pull apart.',
    citations: [ROSE, cite('Considine', 2002)],
    keywords: [
      'accountable',
      'accountability',
      'answer to',
      'report to',
      'sign off',
      'supervision',
      'stand by my report',
    ],
  },
  {
    id: 'local.resourcing',
    parent: 'local',
    kind: 'element',
    unit: 'group',
    name: 'Resourcing',
    description:
      'How the joint work is paid for (joint funding, a pooled budget, separate budgets or money still being sought) and how much of each member’s time is set aside for it.',
    citations: [
      ROSE,
      cite('Atkinson et al', 2002),
      cite('Easen et al', 2000),
      cite('Sloper', 2004),
    ],
    keywords: [
      'funding',
      'budget',
      'money',
      'pooled',
      'caseload',
      'time',
      'hours',
      'capacity',
      'resources',
      'staffing',
    ],
  },
  {
    id: 'local.knowledge',
    parent: 'local',
    kind: 'element',
    unit: 'group',
    name: 'Shared or differing concepts and knowledge',
    description:
      'Whether members use the same words, theories and picture of the child, or bring different understandings that have not been talked through.',
    citations: [
      ROSE,
      cite('Cleaver and Walker', 2004),
      cite('Glenny', 2005),
      cite('Salmon and Faris', 2006),
      cite('Easen et al', 2000),
    ],
    keywords: [
      'understand',
      'definition',
      'language',
      'jargon',
      'model',
      'theory',
      'see it differently',
      'holistic',
      'training',
      'knowledge',
    ],
  },
  {
    id: 'personal.professional',
    parent: 'personal',
    kind: 'element',
    unit: 'individual',
    name: 'Professional context',
    description:
      'The individual’s profession, training, grade and responsibilities, and how these sit beside other professions’ status, pay and culture.',
    citations: [
      ROSE,
      cite('Abbott et al', 2005),
      cite('Harris', 2003),
      cite('Hudson', 2002),
      cite('Easen et al', 2000),
    ],
    keywords: [
      'qualified',
      'training',
      'pay scale',
      'status',
      'hierarchy',
      'profession',
      'specialist',
      'expertise',
      'years of experience',
      'respect',
    ],
  },
  {
    id: 'personal.individual',
    parent: 'personal',
    kind: 'element',
    unit: 'individual',
    name: 'Individual context',
    description:
      'The person’s own history of joint work, their skills and their attitudes to working across agencies.',
    citations: [ROSE, cite('Cameron and Lart', 2003), cite('Sloper', 2004)],
    keywords: [
      'previous job',
      'before',
      'experience',
      'personality',
      'attitude',
      'relationship',
      'get on with',
      'personally',
    ],
  },
  {
    id: 'personal.teamReasoning',
    parent: 'personal',
    kind: 'element',
    unit: 'individual',
    name: 'Team reasoning (individual part)',
    description:
      'How far the person asks "what should we do?": their preference for the group’s outcome, their commitment to the joint work, and their grasp of how everyone’s parts fit.',
    citations: [
      ROSE,
      cite('Gilbert', 2005),
      cite('Sugden', 2005),
      cite('Atkinson et al', 2002),
      cite('Dowling et al', 2004),
      cite('Tett et al', 2003),
    ],
    keywords: [
      'we',
      'us',
      'our',
      'committed',
      'buy into',
      'believe in',
      'big picture',
      'fit together',
      'whole child',
      'for the child',
    ],
  },
  {
    id: 'process.jointActivities',
    parent: 'process',
    kind: 'element',
    unit: 'group',
    name: 'Kinds of joint activities',
    description:
      'What the group does together across the professional cycle: planning, doing and reviewing, and who takes part.',
    citations: [ROSE, cite('Hymans', 2006), cite('Watson', 2006)],
    keywords: [
      'meeting',
      'joint visit',
      'plan',
      'review',
      'assessment',
      'case conference',
      'together',
      'joint training',
      'session',
    ],
  },
  {
    id: 'process.duration',
    parent: 'process',
    kind: 'element',
    unit: 'group',
    name: 'Duration of the group',
    description:
      'How long the group has existed and how long it is meant to last; lasting work needs time to build trust.',
    citations: [ROSE, cite('Easen et al', 2000), cite('Milbourne', 2005), cite('Salmon', 2004)],
    keywords: ['years', 'months', 'since', 'started', 'set up', 'end', 'long time', 'new team'],
  },
  {
    id: 'process.continuity',
    parent: 'process',
    kind: 'element',
    unit: 'group',
    name: 'Continuity',
    description:
      'Whether the same people stay and relationships hold over time, or turnover keeps breaking links.',
    citations: [
      ROSE,
      cite('Abbott et al', 2005),
      cite('Easen et al', 2000),
      cite('Sloper', 2004),
      cite('Milbourne', 2005),
    ],
    keywords: [
      'turnover',
      'left',
      'leave',
      'new person',
      'staff change',
      'stay',
      'same people',
      'handover',
      'locum',
    ],
  },
  {
    id: 'process.teamReasoning',
    parent: 'process',
    kind: 'grouping',
    unit: 'group',
    name: 'Team reasoning (group part)',
    description:
      'The group side of team reasoning: members acting as parts of one plan. It holds purposes, communication, decisions and roles in practice, and is not scored on its own.',
    citations: [ROSE, cite('Gilbert', 2005), cite('Sugden', 2005), cite('Bacharach', 2006)],
    keywords: [],
  },
  {
    id: 'process.teamReasoning.purposes',
    parent: 'process.teamReasoning',
    kind: 'element',
    unit: 'group',
    name: 'Shared or different purposes and values',
    description:
      'Whether members work to the same joint goal, and whether their own and their agency’s goals sit inside it or pull against it.',
    citations: [
      ROSE,
      cite('Dessent', 2006),
      cite('Harris', 2003),
      cite('Anning et al', 2006),
      cite('Hartas', 2004),
      cite('Statham', 2004),
      cite('Easen et al', 2000),
    ],
    keywords: [
      'goal',
      'aim',
      'agenda',
      'priority',
      'priorities',
      'same direction',
      'values',
      'want for',
      'outcome',
      'pulling',
    ],
  },
  {
    id: 'process.teamReasoning.communication',
    parent: 'process.teamReasoning',
    kind: 'element',
    unit: 'group',
    name: 'Types of communication',
    description:
      'The channels and rhythm of contact, who is kept in the loop, and whether information flows or is held back.',
    citations: [
      ROSE,
      cite('Cleaver and Walker', 2004),
      cite('Sloper', 2004),
      cite('Watson', 2006),
      cite('Salmon and Faris', 2006),
    ],
    keywords: [
      'phone',
      'rang',
      'email',
      'told',
      'informed',
      'in the loop',
      'heard',
      'found out',
      'share information',
      'talk',
    ],
  },
  {
    id: 'process.teamReasoning.decisions',
    parent: 'process.teamReasoning',
    kind: 'element',
    unit: 'group',
    name: 'Decision-making processes',
    description: 'How the group reaches decisions, and whether those affected take part in them.',
    citations: [ROSE, cite('Considine', 2002)],
    keywords: [
      'decide',
      'decided',
      'decision',
      'agree',
      'agreed',
      'consensus',
      'vote',
      'told what to do',
      'without asking',
    ],
  },
  {
    id: 'process.teamReasoning.roles',
    parent: 'process.teamReasoning',
    kind: 'element',
    unit: 'group',
    name: 'Roles and responsibilities within the process',
    description:
      'Who actually does what in the joint work, how others see each member’s part, and where practice overlaps or leaves gaps.',
    citations: [
      ROSE,
      cite('Atkinson et al', 2002),
      cite('Cameron and Lart', 2003),
      cite('Sloper', 2004),
      cite('Hymans', 2006),
    ],
    keywords: [
      'seen as',
      'think I just',
      'my job is',
      'unique',
      'only one who',
      'stepping on toes',
      'duplicate',
      'handwriting',
      'fine motor',
      'tests',
    ],
  },
];

/** The version of the built-in model; bump when an id or a parent changes. */
export const MODEL_VERSION = '1.0.0';
