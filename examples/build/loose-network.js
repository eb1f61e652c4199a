// Writes examples/loose-network.json: a fictional, loose team-around-the-child network
// around one young person ("Young person J"), built to reproduce the troubles in MODEL.md's
// "Situations from the interviews". Every person, child and organisation is invented.
// Run: node examples/build/loose-network.js (deterministic: seeded PRNG, no clock).

import { SCALE_ITEMS, ELEMENT_IDS, DEFAULT_MODEL } from '@weframe/core';
import {
  rec,
  prng,
  addDays,
  randomWorkday,
  span,
  turnsOf,
  writeDocument,
  byDate,
  plannedAnswers,
  AUTHOR,
} from './lib.js';

const rng = prng(20250916);
const CASE = 'case-j';
const AS_OF = '2026-06-30';

// ── Agencies and professions ─────────────────────────────────────────────────

const agencies = [
  rec('ag-connexions', {
    name: 'Northbridge Connexions service',
    sector: 'youth',
    statutoryBasis:
      'Commissioned support service for 13–19 year olds; no statutory powers over partner services',
    statutoryDutyForJointAim: false,
  }),
  rec('ag-school', {
    name: 'Northbridge High School',
    sector: 'education',
    statutoryBasis: 'Education Act 2002 s.175 (safeguarding); duty to provide full-time education',
    statutoryDutyForJointAim: true,
  }),
  rec('ag-mdss', {
    name: 'Northbridge multi-disciplinary support service',
    sector: 'education',
    statutoryBasis: 'Local authority special educational needs duties',
    statutoryDutyForJointAim: true,
  }),
  rec('ag-community-health', {
    name: 'Northbridge Community Health NHS Trust (children’s therapies)',
    sector: 'health',
    statutoryBasis: 'NHS duties; Children Act 2004 s.10 duty to cooperate',
    statutoryDutyForJointAim: true,
  }),
  rec('ag-advisory-teaching', {
    name: 'Northbridge Council advisory teaching service',
    sector: 'localAuthority',
    statutoryBasis: 'Local authority special educational needs duties',
    statutoryDutyForJointAim: true,
  }),
  rec('ag-yot', {
    name: 'Northbridge Youth Offending Team',
    sector: 'youthJustice',
    statutoryBasis: 'Crime and Disorder Act 1998 (youth offending teams)',
    statutoryDutyForJointAim: true,
  }),
  rec('ag-leaving-care', {
    name: 'Northbridge Council leaving care team',
    sector: 'socialCare',
    statutoryBasis: 'Children (Leaving Care) Act 2000',
    statutoryDutyForJointAim: true,
  }),
  rec('ag-child-health', {
    name: 'Northbridge community child health service',
    sector: 'health',
    statutoryBasis: 'NHS duties; Children Act 2004 s.10 duty to cooperate',
    statutoryDutyForJointAim: true,
  }),
];

const professions = [
  rec('prof-personal-adviser', {
    name: 'Connexions personal adviser',
    regulator: null,
    codeOfPractice: 'Northbridge Connexions confidentiality code (fictional local code)',
    constraints: [
      {
        id: 'con-connexions-confidentiality',
        description:
          'An adviser may not pass on what a young person has said without the young person’s consent, unless there is a risk of significant harm.',
        limits: 'sharing',
        neededByCollaboration: true,
      },
    ],
  }),
  rec('prof-teacher', {
    name: 'Teacher',
    regulator: 'Teaching Regulation Agency',
    codeOfPractice: 'Teachers’ Standards',
    constraints: [],
  }),
  rec('prof-educational-psychologist', {
    name: 'Educational psychologist',
    regulator: 'Health and Care Professions Council (HCPC)',
    codeOfPractice: 'HCPC standards of conduct, performance and ethics',
    constraints: [],
  }),
  rec('prof-occupational-therapist', {
    name: 'Occupational therapist',
    regulator: 'Health and Care Professions Council (HCPC)',
    codeOfPractice: 'HCPC standards of conduct, performance and ethics',
    constraints: [],
  }),
  rec('prof-youth-justice-worker', {
    name: 'Youth justice worker',
    regulator: null,
    codeOfPractice: 'Youth justice national standards',
    constraints: [],
  }),
  rec('prof-social-worker', {
    name: 'Social worker',
    regulator: 'Social Work England',
    codeOfPractice: 'Social Work England professional standards',
    constraints: [],
  }),
  rec('prof-paediatrician', {
    name: 'Community paediatrician',
    regulator: 'General Medical Council (GMC)',
    codeOfPractice: 'GMC Good medical practice',
    constraints: [],
  }),
];

// ── Members (work names are invented; the young person is only ever "J") ─────

const ADV = 'm-adviser';
const HOY = 'm-head-of-year';
const EP = 'm-ep';
const OT = 'm-ot';
const AT = 'm-advisory-teacher';
const YOT = 'm-yot';
const LC1 = 'm-lc-sw-1';
const LC2 = 'm-lc-sw-2';
const PAED1 = 'm-paed-1';
const PAED2 = 'm-paed-2';

const member = (id, f) =>
  rec(id, {
    membershipMode: 'adHoc',
    endDate: null,
    accountability: [],
    accountabilityPrecedence: null,
    coLocated: false,
    ...f,
  });

const members = [
  member(ADV, {
    displayName: 'Adviser Rowan Hale',
    professionId: 'prof-personal-adviser',
    agencyId: 'ag-connexions',
    statusLevel: 3,
    multiAgencyTraining: true,
    priorMultiAgencyExperience: true,
    dedicatedHoursPerWeek: 1,
    startDate: '2025-06-16',
    accountability: [
      { to: 'Connexions team leader', kind: 'lineManagement', agencyId: 'ag-connexions' },
      { to: 'Northbridge children’s trust strategic board (feedback on targets)', kind: 'other' },
    ],
  }),
  member(HOY, {
    displayName: 'Head of Year Caspian Dorley',
    professionId: 'prof-teacher',
    agencyId: 'ag-school',
    statusLevel: 3,
    multiAgencyTraining: false,
    priorMultiAgencyExperience: true,
    dedicatedHoursPerWeek: 0.5,
    startDate: '2025-06-16',
    accountability: [
      {
        to: 'Deputy headteacher (behaviour and attendance)',
        kind: 'lineManagement',
        agencyId: 'ag-school',
      },
    ],
  }),
  member(EP, {
    displayName: 'Educational Psychologist Ione Fairbrass',
    professionId: 'prof-educational-psychologist',
    agencyId: 'ag-mdss',
    statusLevel: 3,
    multiAgencyTraining: true,
    priorMultiAgencyExperience: true,
    dedicatedHoursPerWeek: 0,
    startDate: '2025-06-23',
    accountability: [
      { to: 'Principal educational psychologist', kind: 'lineManagement', agencyId: 'ag-mdss' },
    ],
  }),
  member(OT, {
    displayName: 'Occupational Therapist Saffi Merrow',
    professionId: 'prof-occupational-therapist',
    agencyId: 'ag-community-health',
    statusLevel: 3,
    multiAgencyTraining: false,
    priorMultiAgencyExperience: false,
    dedicatedHoursPerWeek: 0,
    startDate: '2025-09-22',
    accountability: [
      {
        to: 'Children’s therapies team lead',
        kind: 'lineManagement',
        agencyId: 'ag-community-health',
      },
      {
        to: 'Professional lead for occupational therapy',
        kind: 'clinical',
        agencyId: 'ag-community-health',
      },
    ],
    accountabilityPrecedence:
      'The clinical line decides what therapy is given; the team lead decides caseload.',
  }),
  member(AT, {
    displayName: 'Advisory Teacher Linnea Strand',
    professionId: 'prof-teacher',
    agencyId: 'ag-advisory-teaching',
    statusLevel: 3,
    multiAgencyTraining: true,
    priorMultiAgencyExperience: false,
    dedicatedHoursPerWeek: 0,
    startDate: '2026-01-12',
    accountability: [
      {
        to: 'Head of the advisory teaching service',
        kind: 'lineManagement',
        agencyId: 'ag-advisory-teaching',
      },
    ],
  }),
  member(YOT, {
    displayName: 'YOT Worker Dax Penhallow',
    professionId: 'prof-youth-justice-worker',
    agencyId: 'ag-yot',
    statusLevel: 2,
    multiAgencyTraining: false,
    priorMultiAgencyExperience: true,
    dedicatedHoursPerWeek: 0,
    startDate: '2025-06-23',
    accountability: [
      { to: 'YOT operational manager', kind: 'lineManagement', agencyId: 'ag-yot' },
      { to: 'Youth court (referral order panel)', kind: 'other' },
    ],
  }),
  member(LC1, {
    displayName: 'Social Worker Fenna Ashgrove',
    professionId: 'prof-social-worker',
    agencyId: 'ag-leaving-care',
    statusLevel: 3,
    multiAgencyTraining: true,
    priorMultiAgencyExperience: true,
    dedicatedHoursPerWeek: 0,
    startDate: '2025-06-30',
    endDate: '2025-12-19',
    accountability: [
      { to: 'Leaving care team manager', kind: 'lineManagement', agencyId: 'ag-leaving-care' },
    ],
  }),
  member(LC2, {
    displayName: 'Social Worker Idris Kettle',
    professionId: 'prof-social-worker',
    agencyId: 'ag-leaving-care',
    statusLevel: 2,
    multiAgencyTraining: false,
    priorMultiAgencyExperience: false,
    dedicatedHoursPerWeek: 0,
    startDate: '2026-01-05',
    accountability: [
      { to: 'Leaving care team manager', kind: 'lineManagement', agencyId: 'ag-leaving-care' },
    ],
  }),
  member(PAED1, {
    displayName: 'Paediatrician Dr Emrys Tolland',
    professionId: 'prof-paediatrician',
    agencyId: 'ag-child-health',
    statusLevel: 4,
    multiAgencyTraining: false,
    priorMultiAgencyExperience: true,
    dedicatedHoursPerWeek: 0,
    startDate: '2025-06-30',
    endDate: '2025-10-31',
    accountability: [
      { to: 'Clinical director, child health', kind: 'clinical', agencyId: 'ag-child-health' },
    ],
  }),
  member(PAED2, {
    displayName: 'Paediatrician Dr Sabine Quarrie',
    professionId: 'prof-paediatrician',
    agencyId: 'ag-child-health',
    statusLevel: 4,
    multiAgencyTraining: false,
    priorMultiAgencyExperience: true,
    dedicatedHoursPerWeek: 0,
    startDate: '2025-11-17',
    // No accountability line recorded for this collaboration.
    accountability: [],
  }),
];

// ── Goals ────────────────────────────────────────────────────────────────────

const JOINT = 'goal-joint-support-j';
const goal = (id, f) =>
  rec(id, { agreed: false, outcomes: [], links: [], responsibleMemberIds: [], ...f });
const goals = [
  goal(JOINT, {
    level: 'joint',
    statement: 'Support J to stay in education and live safely.',
    agreed: true,
    agreedOn: '2025-09-18',
    outcomes: ['ecm.achieve', 'ecm.safe', 'ecm.economic'],
    responsibleMemberIds: [ADV, HOY, YOT, LC2],
  }),
  goal('goal-connexions-neet', {
    level: 'agency',
    agencyId: 'ag-connexions',
    statement: 'Keep young people aged 16–18 in education, employment or training.',
    outcomes: ['ecm.economic'],
    links: [{ goalId: JOINT, relation: 'supports', resolved: false }],
  }),
  goal('goal-adviser-barriers', {
    level: 'professional',
    memberId: ADV,
    professionId: 'prof-personal-adviser',
    statement: 'Clear J’s multiple barriers to learning, one by one.',
    outcomes: ['ecm.achieve'],
    links: [{ goalId: JOINT, relation: 'supports', resolved: false }],
    responsibleMemberIds: [ADV],
  }),
  goal('goal-school-behaviour', {
    level: 'agency',
    agencyId: 'ag-school',
    statement:
      'Apply the behaviour policy consistently: sanctions for missing homework and uniform breaches.',
    links: [
      {
        goalId: JOINT,
        relation: 'conflicts',
        resolved: false,
        note: 'Weekly detentions for homework and uniform push J away from school while the joint aim is to keep him in it.',
      },
    ],
  }),
  goal('goal-leaving-care-independence', {
    level: 'agency',
    agencyId: 'ag-leaving-care',
    statement: 'Prepare J to live independently: budgeting, cooking, keeping a tenancy.',
    outcomes: ['ecm.economic', 'ecm.safe'],
    links: [
      {
        goalId: JOINT,
        relation: 'conflicts',
        resolved: false,
        note: 'Independent-living sessions are put before education and training (a college taster clashed and lost).',
      },
    ],
  }),
  goal('goal-yot-reoffending', {
    level: 'agency',
    agencyId: 'ag-yot',
    statement: 'Prevent offending and reoffending by young people.',
    outcomes: ['ecm.safe', 'ecm.contribution'],
    links: [{ goalId: JOINT, relation: 'supports', resolved: false }],
  }),
  goal('goal-advisory-inclusion', {
    level: 'agency',
    agencyId: 'ag-advisory-teaching',
    statement: 'Help mainstream schools include pupils with special educational needs.',
    outcomes: ['ecm.achieve'],
    links: [{ goalId: JOINT, relation: 'supports', resolved: false }],
  }),
  goal('goal-ot-hand-function', {
    level: 'professional',
    memberId: OT,
    professionId: 'prof-occupational-therapist',
    statement: 'Improve J’s hand function so that he can write and manage daily tasks.',
    outcomes: ['ecm.healthy', 'ecm.achieve'],
    links: [{ goalId: JOINT, relation: 'supports', resolved: false }],
  }),
  goal('goal-ep-holistic', {
    level: 'professional',
    memberId: EP,
    professionId: 'prof-educational-psychologist',
    statement: 'Understand J’s learning as a whole and help the school respond to it.',
    outcomes: ['ecm.achieve'],
    links: [{ goalId: JOINT, relation: 'supports', resolved: false }],
  }),
];

// ── Case, needs, responsibility areas, claims and perceptions ───────────────

const cases = [
  rec(CASE, { pseudonym: 'Young person J', kind: 'child', openedOn: '2025-06-16', closedOn: null }),
];

const area = (id, name, description) => rec(id, { name, description, agreedLeadMemberId: null });
const responsibilityAreas = [
  area(
    'area-education-training',
    'Education, training and employment pathway',
    'Guidance and plans for staying in education or training, college places and tasters.',
  ),
  area(
    'area-benefits-advice',
    'Benefits for a 16–17 year old living away from home',
    'The route to benefits for an unemployed under-18 who has left home.',
  ),
  area(
    'area-service-navigation',
    'Knowing and linking other services',
    'Knowing who to contact in other organisations and linking J to them.',
  ),
  area(
    'area-behaviour',
    'Behaviour and sanctions in school',
    'The school behaviour policy as applied to J.',
  ),
  area(
    'area-pastoral-school',
    'Pastoral care and attendance in school',
    'Day-to-day pastoral support and attendance follow-up.',
  ),
  area(
    'area-consultation',
    'Consultation with school staff',
    'Problem-solving consultation with teachers about J.',
  ),
  area(
    'area-learning-assessment-holistic',
    'Holistic assessment of learning',
    'Understanding J’s learning as a whole, in context.',
  ),
  area(
    'area-staff-training',
    'Training for school staff',
    'Training sessions for staff on learning and behaviour.',
  ),
  area('area-cognitive-testing', 'Cognitive (IQ) testing', 'Standardised cognitive assessment.'),
  area('area-fine-motor', 'Fine motor skills', 'Programmes for fine motor control of the hands.'),
  area(
    'area-hand-function-perception',
    'Hand function and perception',
    'Assessment and therapy for hand function and visual perception.',
  ),
  area(
    'area-handwriting',
    'Handwriting programme in school',
    'Handwriting programmes carried out by school staff.',
  ),
  area(
    'area-learning-support',
    'Advice on learning support',
    'Advice to the school on learning support and differentiation.',
  ),
  area(
    'area-offending',
    'Offending behaviour and court orders',
    'Prevention work, referral orders and their plans.',
  ),
  area(
    'area-independent-living',
    'Pathway plan and independent living skills',
    'Pathway planning and skills for living independently.',
  ),
  area(
    'area-health-development',
    'Medical oversight of development',
    'Medical review of J’s development and health.',
  ),
];

const CLAIMS = {
  [ADV]: ['area-education-training', 'area-benefits-advice', 'area-service-navigation'],
  [HOY]: ['area-behaviour', 'area-pastoral-school'],
  [EP]: [
    'area-consultation',
    'area-learning-assessment-holistic',
    'area-staff-training',
    'area-cognitive-testing',
  ],
  [OT]: ['area-fine-motor', 'area-hand-function-perception'],
  [AT]: ['area-fine-motor', 'area-handwriting', 'area-learning-support'],
  [YOT]: ['area-offending'],
  [LC2]: ['area-independent-living'],
  [PAED2]: ['area-health-development'],
};
const CLAIM_TEXT = {
  [ADV]:
    'I clear barriers to learning: education and training plans, benefits, and linking J to the right services.',
  [HOY]: 'I run pastoral care and behaviour for Year 11.',
  [EP]: 'I consult with school staff, train them, and assess learning as a whole; testing is one small tool.',
  [OT]: 'I assess and treat hand function, perception and fine motor skills.',
  [AT]: 'I advise the school on learning support, handwriting and fine motor programmes.',
  [YOT]: 'I supervise J’s referral order and work on offending.',
  [LC2]: 'I write and review J’s pathway plan and build his independent living skills.',
  [PAED2]: 'I oversee J’s health and development in clinic.',
};
const roleClaims = Object.entries(CLAIMS).map(([m, areaIds]) =>
  rec(`claim-${m.slice(2)}`, { memberId: m, areaIds, statement: CLAIM_TEXT[m], source: 'record' }),
);

// Who sees whom as doing what. The psychologist is seen only as the person who runs
// intelligence tests by the paediatrician, the head of year and the advisory teacher.
// Perceptions marked 'survey' are the same answers respondents gave in wave-1.
const PERCEPTIONS = [
  [PAED2, EP, ['area-cognitive-testing'], 'record'],
  [HOY, EP, ['area-cognitive-testing'], 'record'],
  [AT, EP, ['area-cognitive-testing'], 'record'],
  [PAED2, OT, ['area-fine-motor', 'area-hand-function-perception'], 'record'],
  [ADV, EP, ['area-cognitive-testing', 'area-consultation'], 'survey'],
  [ADV, HOY, ['area-behaviour', 'area-pastoral-school'], 'survey'],
  [ADV, LC2, ['area-independent-living'], 'survey'],
  [ADV, YOT, ['area-offending'], 'survey'],
  [ADV, AT, ['area-learning-support', 'area-handwriting'], 'survey'],
  [HOY, ADV, ['area-education-training', 'area-service-navigation'], 'survey'],
  [EP, HOY, ['area-behaviour', 'area-pastoral-school'], 'survey'],
  [EP, ADV, ['area-education-training', 'area-service-navigation'], 'survey'],
  [EP, PAED2, ['area-health-development'], 'survey'],
  [OT, PAED2, ['area-health-development'], 'survey'],
  [AT, ADV, ['area-education-training', 'area-service-navigation'], 'survey'],
  [
    YOT,
    ADV,
    ['area-education-training', 'area-benefits-advice', 'area-service-navigation'],
    'survey',
  ],
  [LC2, ADV, ['area-education-training', 'area-benefits-advice'], 'survey'],
];
const perceptionOf = (a, b) => PERCEPTIONS.find(([p, t]) => p === a && t === b)?.[2] ?? [];
const rolePerceptions = PERCEPTIONS.map(([perceiverId, targetId, areaIds, source]) =>
  rec(`perc-${perceiverId.slice(2)}-sees-${targetId.slice(2)}`, {
    perceiverId,
    targetId,
    areaIds,
    source,
  }),
);

const need = (id, description, ownerMemberIds, areaId) =>
  rec(id, { caseId: CASE, description, ownerMemberIds, ...(areaId ? { areaId } : {}) });
const needs = [
  need(
    'need-stay-in-education',
    'Stay in school to the end of Year 11 and move on to a college place.',
    [ADV],
    'area-education-training',
  ),
  need(
    'need-fine-motor',
    'Fine motor difficulties that slow his writing and homework.',
    [OT, AT],
    'area-fine-motor',
  ),
  need(
    'need-learning-profile',
    'A shared understanding of how J learns.',
    [EP],
    'area-learning-assessment-holistic',
  ),
  need(
    'need-offending',
    'Keep to his referral order and stay away from further offending.',
    [YOT],
    'area-offending',
  ),
  need(
    'need-independent-living',
    'Independent living skills for when he leaves supported lodgings.',
    [LC2],
    'area-independent-living',
  ),
  need(
    'need-emotional-wellbeing',
    'Support with what is happening at home (known to the adviser in confidence).',
    [ADV],
  ),
  // Nobody owns this one: the gap.
  need(
    'need-housing-stability',
    'Somewhere stable to live once the supported-lodgings placement ends.',
    [],
  ),
];

// ── Activities ───────────────────────────────────────────────────────────────

const act = (id, date, title, phase, kind, participantIds, areaIds = [], goalIds = []) =>
  rec(id, { date, title, phase, kind, participantIds, caseId: CASE, areaIds, goalIds });
const activities = [
  // Joint work (two or more members). Areas are left off joint work on purpose: acting
  // together on an area is not an overlap.
  act(
    'act-first-planning-meeting',
    '2025-09-18',
    'First meeting about J at Northbridge High: joint aim agreed',
    'planning',
    'meeting',
    [ADV, HOY, EP],
    [],
    [JOINT],
  ),
  act(
    'act-college-taster-meeting',
    '2025-10-09',
    'Adviser and head of year meet J and his carer about a college taster',
    'doing',
    'meeting',
    [ADV, HOY],
    [],
    [JOINT],
  ),
  act(
    'act-prevention-joint-session',
    '2025-10-30',
    'Joint session with J on the prevention programme and positive activities',
    'doing',
    'intervention',
    [ADV, YOT],
    [],
    [JOINT],
  ),
  act(
    'act-joint-lodgings-visit',
    '2025-11-05',
    'Joint visit to J’s supported lodgings',
    'doing',
    'visit',
    [ADV, LC1],
    [],
    [JOINT],
  ),
  act(
    'act-pathway-plan-education',
    '2026-02-24',
    'Agree the education section of J’s pathway plan',
    'planning',
    'planning',
    [ADV, LC2],
    [],
    [JOINT],
  ),
  act(
    'act-learning-plan-meeting',
    '2026-03-10',
    'Planning meeting at school on J’s learning support',
    'planning',
    'meeting',
    [ADV, HOY, EP],
    [],
    [JOINT],
  ),
  act(
    'act-ete-plan-referral-order',
    '2026-03-12',
    'Plan the education and training part of the referral order',
    'planning',
    'planning',
    [ADV, YOT],
    [],
    [JOINT],
  ),
  act(
    'act-college-transition-plan',
    '2026-05-12',
    'Plan learning support for J’s move to college',
    'planning',
    'planning',
    [ADV, AT],
    [],
    [JOINT],
  ),
  // Each member's own work on the case.
  act(
    'act-adv-guidance-1',
    '2025-09-25',
    'Careers guidance interview with J',
    'doing',
    'intervention',
    [ADV],
    ['area-education-training'],
  ),
  act(
    'act-adv-housing-dropin',
    '2025-11-20',
    'Linked J to the young people’s housing advice drop-in',
    'doing',
    'intervention',
    [ADV],
    ['area-service-navigation'],
  ),
  act(
    'act-adv-taster-arranged',
    '2026-01-22',
    'Arranged a college taster place for J',
    'doing',
    'intervention',
    [ADV],
    ['area-education-training'],
  ),
  act(
    'act-adv-benefits-claim',
    '2026-01-27',
    'Helped J claim benefits as a 16-year-old living away from home',
    'doing',
    'intervention',
    [ADV],
    ['area-benefits-advice'],
  ),
  act(
    'act-adv-college-application',
    '2026-04-28',
    'Helped J apply for a college place and bursary',
    'doing',
    'intervention',
    [ADV],
    ['area-education-training', 'area-service-navigation'],
  ),
  act(
    'act-hoy-detention-1',
    '2025-10-02',
    'After-school detention for missing homework',
    'doing',
    'intervention',
    [HOY],
    ['area-behaviour'],
  ),
  act(
    'act-hoy-attendance',
    '2025-12-04',
    'Attendance meeting with J',
    'doing',
    'meeting',
    [HOY],
    ['area-pastoral-school'],
  ),
  act(
    'act-hoy-detention-2',
    '2026-01-15',
    'Detention for uniform and homework',
    'doing',
    'intervention',
    [HOY],
    ['area-behaviour'],
  ),
  act(
    'act-hoy-pastoral-checkin',
    '2026-05-20',
    'Pastoral check-in after J walked out of a lesson',
    'doing',
    'meeting',
    [HOY],
    ['area-pastoral-school'],
  ),
  act(
    'act-ep-consultation-1',
    '2025-10-21',
    'Consultation with J’s form tutor and the SENCo',
    'doing',
    'meeting',
    [EP],
    ['area-consultation'],
  ),
  act(
    'act-ep-staff-training',
    '2025-11-26',
    'Twilight training for Year 11 staff on learning and behaviour',
    'doing',
    'training',
    [EP],
    ['area-staff-training'],
  ),
  act(
    'act-ep-holistic-assessment',
    '2025-12-10',
    'Assessment of J’s learning in class and in conversation',
    'doing',
    'assessment',
    [EP],
    ['area-learning-assessment-holistic'],
  ),
  act(
    'act-ep-consultation-2',
    '2026-02-04',
    'Follow-up consultation with Year 11 staff',
    'doing',
    'meeting',
    [EP],
    ['area-consultation'],
  ),
  act(
    'act-ep-holistic-update',
    '2026-05-27',
    'Holistic assessment update: J’s learning in lessons, beyond the test scores',
    'doing',
    'assessment',
    [EP],
    ['area-learning-assessment-holistic'],
  ),
  act(
    'act-ep-staff-training-2',
    '2026-06-03',
    'Training for Year 10 and 11 staff on writing difficulties',
    'doing',
    'training',
    [EP],
    ['area-staff-training'],
  ),
  act(
    'act-ep-cognitive-assessment',
    '2026-04-22',
    'Cognitive assessment requested by the paediatrician',
    'doing',
    'assessment',
    [EP],
    ['area-cognitive-testing'],
  ),
  act(
    'act-ot-assessment',
    '2026-02-03',
    'Occupational therapy assessment of hand function',
    'doing',
    'assessment',
    [OT],
    ['area-fine-motor', 'area-hand-function-perception'],
  ),
  act(
    'act-ot-session-1',
    '2026-02-17',
    'Fine motor therapy session',
    'doing',
    'intervention',
    [OT],
    ['area-fine-motor'],
  ),
  act(
    'act-ot-session-2',
    '2026-03-03',
    'Fine motor and perception therapy session',
    'doing',
    'intervention',
    [OT],
    ['area-fine-motor', 'area-hand-function-perception'],
  ),
  act(
    'act-ot-session-3',
    '2026-03-17',
    'Fine motor therapy session',
    'doing',
    'intervention',
    [OT],
    ['area-fine-motor'],
  ),
  act(
    'act-ot-handwriting-school',
    '2026-03-24',
    'OT sets up a handwriting programme with the teaching assistant in school',
    'doing',
    'intervention',
    [OT],
    ['area-handwriting'],
  ),
  act(
    'act-at-observation',
    '2026-01-28',
    'Classroom observation of J',
    'doing',
    'assessment',
    [AT],
    ['area-learning-support'],
  ),
  act(
    'act-at-report',
    '2026-02-10',
    'Advisory teacher’s report to the school, including a fine-motor programme',
    'doing',
    'assessment',
    [AT],
    ['area-learning-support', 'area-fine-motor'],
  ),
  act(
    'act-at-fine-motor-1',
    '2026-02-26',
    'Fine-motor programme started with the teaching assistant',
    'doing',
    'intervention',
    [AT],
    ['area-fine-motor'],
  ),
  act(
    'act-at-fine-motor-2',
    '2026-03-19',
    'Fine-motor programme checked and extended',
    'doing',
    'intervention',
    [AT],
    ['area-fine-motor'],
  ),
  act(
    'act-at-handwriting',
    '2026-04-21',
    'Handwriting targets added to J’s support plan',
    'doing',
    'intervention',
    [AT],
    ['area-handwriting', 'area-learning-support'],
  ),
  act(
    'act-yot-prevention-1',
    '2025-10-16',
    'Prevention programme session',
    'doing',
    'intervention',
    [YOT],
    ['area-offending'],
  ),
  act(
    'act-yot-referral-order-1',
    '2026-03-19',
    'Referral order session',
    'doing',
    'intervention',
    [YOT],
    ['area-offending'],
  ),
  act(
    'act-yot-referral-order-2',
    '2026-04-16',
    'Referral order session',
    'doing',
    'intervention',
    [YOT],
    ['area-offending'],
  ),
  act(
    'act-yot-referral-order-3',
    '2026-05-21',
    'Referral order session',
    'doing',
    'intervention',
    [YOT],
    ['area-offending'],
  ),
  act(
    'act-lc1-needs-assessment',
    '2025-10-01',
    'Leaving-care needs assessment',
    'doing',
    'assessment',
    [LC1],
  ),
  act(
    'act-lc2-independent-living-1',
    '2026-02-11',
    'Independent living skills session: budgeting',
    'doing',
    'intervention',
    [LC2],
    ['area-independent-living'],
  ),
  act(
    'act-lc2-independent-living-2',
    '2026-04-15',
    'Independent living skills session: cooking and shopping',
    'doing',
    'intervention',
    [LC2],
    ['area-independent-living'],
  ),
  act('act-paed1-clinic', '2025-09-15', 'Paediatric clinic review', 'doing', 'assessment', [PAED1]),
  act(
    'act-paed2-clinic',
    '2026-01-20',
    'Paediatric clinic review of development',
    'doing',
    'assessment',
    [PAED2],
    ['area-health-development'],
  ),
].sort(byDate);

// ── Case events ──────────────────────────────────────────────────────────────

const caseEvents = [
  rec('ev-placement-j', {
    date: '2025-10-20',
    caseId: CASE,
    memberId: LC1,
    kind: 'placement',
    description: 'J moves into supported lodgings.',
    areaIds: ['area-independent-living', 'area-benefits-advice'],
  }),
  rec('ev-exclusion-j', {
    date: '2025-11-13',
    caseId: CASE,
    memberId: HOY,
    kind: 'exclusion',
    description: 'Two-day fixed-term exclusion after an argument over a detention.',
    areaIds: ['area-behaviour', 'area-education-training'],
  }),
  // Not looped in: the YOT worker records the offence; the adviser owns education and
  // training and hears nothing for 24 days.
  rec('ev-offence-j', {
    date: '2026-02-06',
    caseId: CASE,
    memberId: YOT,
    kind: 'offence',
    description:
      'J arrested for shoplifting with two older young people on the afternoon of his college taster session.',
    areaIds: ['area-offending', 'area-education-training'],
  }),
  rec('ev-cognitive-assessment-j', {
    date: '2026-04-22',
    caseId: CASE,
    memberId: EP,
    kind: 'assessment',
    description: 'Cognitive assessment completed.',
    areaIds: ['area-cognitive-testing'],
  }),
  rec('ev-walkout-j', {
    date: '2026-05-19',
    caseId: CASE,
    memberId: HOY,
    kind: 'incident',
    description: 'J walked out of a lesson and left the site.',
    areaIds: ['area-pastoral-school'],
  }),
];

// ── Communications ───────────────────────────────────────────────────────────

const comm = (id, date, fromId, toIds, channel, topic, areaIds = []) =>
  rec(id, { date, fromId, toIds, channel, caseId: CASE, topic, areaIds });
const fixed = [
  comm(
    'comm-referral-to-connexions',
    '2025-06-16',
    HOY,
    [ADV],
    'email',
    'Asks Connexions to work with J: at risk of leaving school with nothing',
  ),
  comm(
    'comm-lc1-tells-adviser-move',
    '2025-10-21',
    LC1,
    [ADV],
    'phone',
    'J has moved into supported lodgings',
    ['area-independent-living'],
  ),
  comm('comm-hoy-tells-adviser-exclusion', '2025-11-14', HOY, [ADV], 'email', 'Two-day exclusion', [
    'area-education-training',
  ]),
  comm(
    'comm-paed1-referral-letter-ot',
    '2025-09-22',
    PAED1,
    [OT],
    'letter',
    'Referral for fine motor and handwriting difficulties',
  ),
  comm(
    'comm-ot-letter-paed1',
    '2025-10-15',
    OT,
    [PAED1],
    'letter',
    'Referral accepted; waiting list',
  ),
  comm('comm-paed2-letter-ep', '2026-01-27', PAED2, [EP], 'letter', 'Requests an IQ test'),
  comm(
    'comm-paed2-letter-ot',
    '2026-01-29',
    PAED2,
    [OT],
    'letter',
    'Clinic letter, copied for information',
  ),
  comm('comm-ot-letter-paed2', '2026-04-08', OT, [PAED2], 'letter', 'Therapy progress report'),
  comm(
    'comm-ep-letter-paed2',
    '2026-05-06',
    EP,
    [PAED2],
    'letter',
    'Report of the cognitive assessment, with a note on the wider picture',
  ),
  // The adviser first hears of the offence when the YOT worker phones, 24 days later;
  // she rings him back the same afternoon.
  comm(
    'comm-yot-phones-adviser',
    '2026-03-02',
    YOT,
    [ADV],
    'phone',
    'Referral order: assumed the adviser already knew of the offence',
    ['area-offending'],
  ),
  comm(
    'comm-adviser-calls-yot',
    '2026-03-02',
    ADV,
    [YOT],
    'phone',
    'Adviser rings back to line up the education and training plan',
    ['area-education-training'],
  ),
  comm(
    'comm-end-of-term-update',
    '2026-06-30',
    ADV,
    [HOY],
    'email',
    'End of term: college place confirmed for September',
    ['area-education-training'],
  ),
];

// Background traffic, drawn at random on working days inside each tie's active period.
const QUIET_FROM = '2026-02-06'; // the offence
const QUIET_TO = '2026-02-22'; // nobody writes to the adviser in the 14+ days after it
const generated = [];
const TOPICS = {
  [`${ADV}|${HOY}`]: [
    'Homework sanctions',
    'Attendance this week',
    'College taster',
    'Uniform',
    'Year 11 options',
    'Mock exams',
  ],
  [`${ADV}|${EP}`]: ['Learning profile', 'Consultation notes', 'What the school has asked for'],
  [`${EP}|${HOY}`]: ['Consultation follow-up', 'Classroom strategies', 'Request for assessment'],
  [`${ADV}|${LC1}`]: ['Lodgings', 'Pathway plan', 'Independent-living session times'],
  [`${ADV}|${LC2}`]: [
    'Pathway plan: education section',
    'Housing after the lodgings',
    'Budgeting sessions',
  ],
  [`${ADV}|${YOT}`]: [
    'Prevention programme',
    'Referral order sessions',
    'College and the referral order',
  ],
  [`${ADV}|${AT}`]: ['Learning support plan', 'Exam access arrangements', 'College transition'],
};
const CHANNELS = ['email', 'phone', 'email', 'message', 'phone'];
function traffic(a, b, n, from, to, reject = () => false) {
  const topics = TOPICS[`${a}|${b}`];
  for (let i = 0; i < n; i++) {
    const [fromId, toId] = rng.chance(0.55) ? [a, b] : [b, a];
    const date = randomWorkday(
      rng,
      from,
      to,
      (d) => reject(d) || (toId === ADV && d >= QUIET_FROM && d <= QUIET_TO),
    );
    generated.push({
      date,
      fromId,
      toIds: [toId],
      channel: rng.pick(CHANNELS),
      caseId: CASE,
      topic: rng.pick(topics),
      areaIds: [],
    });
  }
}
const noSummer = (d) => d >= '2025-07-23' && d <= '2025-09-02';
traffic(ADV, HOY, 24, '2025-06-17', '2026-06-26', noSummer);
traffic(ADV, EP, 7, '2025-06-24', '2026-06-26', noSummer);
traffic(EP, HOY, 8, '2025-09-03', '2026-06-26');
traffic(ADV, LC1, 7, '2025-07-01', '2025-12-18');
traffic(ADV, LC2, 8, '2026-01-06', '2026-06-26');
// The adviser and the YOT worker were in touch early on, then not at all until the phone call.
traffic(ADV, YOT, 3, '2025-06-24', '2025-11-28');
traffic(ADV, YOT, 6, '2026-03-03', '2026-06-26');
traffic(ADV, AT, 6, '2026-01-13', '2026-06-26');
generated.sort(byDate);
const communications = [
  ...fixed,
  ...generated.map((c, i) => rec(`comm-${String(i + 1).padStart(3, '0')}`, c)),
].sort(byDate);

// ── Decisions, referrals, withheld information, policy ───────────────────────

const decisions = [
  rec('dec-joint-aim', {
    date: '2025-09-18',
    title: 'Agree the joint aim for J',
    method: 'consensus',
    participantIds: [ADV, HOY, EP],
    affectedMemberIds: [ADV, HOY, EP, LC1, YOT],
    caseId: CASE,
  }),
  rec('dec-college-taster', {
    date: '2025-10-09',
    title: 'J to try a college taster in the spring',
    method: 'consensus',
    participantIds: [ADV, HOY],
    affectedMemberIds: [ADV, HOY],
    caseId: CASE,
  }),
  rec('dec-paediatrician-refers-for-iq-test', {
    date: '2026-01-27',
    title: 'Paediatrician asks the psychologist for an IQ test',
    method: 'agencyUnilateral',
    decidingAgencyId: 'ag-child-health',
    participantIds: [PAED2],
    affectedMemberIds: [EP],
    caseId: CASE,
  }),
  rec('dec-learning-support-focus', {
    date: '2026-03-10',
    title: 'Focus the psychologist’s consultation on J’s written work',
    method: 'consensus',
    participantIds: [ADV, HOY, EP],
    affectedMemberIds: [ADV, HOY, EP],
    caseId: CASE,
  }),
  rec('dec-ete-through-adviser', {
    date: '2026-03-12',
    title: 'Education and training part of the referral order to run through the adviser',
    method: 'consensus',
    participantIds: [ADV, YOT],
    affectedMemberIds: [ADV, YOT],
    caseId: CASE,
  }),
];

const referrals = [
  rec('ref-hoy-to-adviser', {
    date: '2025-06-16',
    fromId: HOY,
    toId: ADV,
    caseId: CASE,
    reason: 'At risk of leaving school with no plan.',
  }),
  rec('ref-paed1-to-ot', {
    date: '2025-09-22',
    fromId: PAED1,
    toId: OT,
    caseId: CASE,
    reason: 'Fine motor and handwriting difficulties.',
  }),
  rec('ref-hoy-to-ep', {
    date: '2025-10-06',
    fromId: HOY,
    toId: EP,
    caseId: CASE,
    reason: 'Consultation about learning and behaviour.',
  }),
  rec('ref-paed2-to-ep', {
    date: '2026-01-27',
    fromId: PAED2,
    toId: EP,
    caseId: CASE,
    reason: 'Cognitive (IQ) assessment requested.',
  }),
  rec('ref-yot-to-adviser', {
    date: '2026-03-02',
    fromId: YOT,
    toId: ADV,
    caseId: CASE,
    reason: 'Education, training and employment support under the referral order.',
  }),
];

// After the phone call the adviser and the YOT worker agreed who does what on education and
// training: a recorded resolution, so the offence record and the adviser's own work on that
// area are not an unresolved overlap.
const coordinatingRecords = [
  rec('coord-ete-through-adviser', {
    date: '2026-03-12',
    kind: 'overlap',
    areaId: 'area-education-training',
    caseId: CASE,
    memberIds: [ADV, YOT],
    resolution:
      'The education and training part of J’s referral order runs through the adviser; the YOT worker keeps the offending work.',
  }),
];

const withheldInformation = [
  rec('wh-connexions-home-situation', {
    confidentialTo: 'ag-connexions',
    date: '2025-11-20',
    holderId: ADV,
    withheldFromIds: [HOY],
    caseId: CASE,
    rule: {
      kind: 'policy',
      policyId: 'policy-connexions-confidentiality',
      description:
        'Connexions promises young people confidentiality unless there is a risk of significant harm.',
    },
    description:
      'The adviser knows what J is going through at home, which explains the missing homework, but may not tell the school.',
  }),
];

const policies = [
  rec('policy-ecm', {
    name: 'Every Child Matters: the five outcomes',
    scope: 'national',
    agencyIds: [],
    description:
      'Be healthy, stay safe, enjoy and achieve, make a positive contribution, achieve economic well-being.',
  }),
  rec('policy-connexions-confidentiality', {
    name: 'Connexions confidentiality promise',
    scope: 'agency',
    agencyIds: ['ag-connexions'],
    description:
      'What a young person tells an adviser stays confidential unless there is a risk of significant harm.',
  }),
  rec('policy-school-behaviour', {
    name: 'Northbridge High behaviour policy',
    scope: 'agency',
    agencyIds: ['ag-school'],
    description:
      'Fixed sanctions for missing homework and uniform breaches, applied to every pupil alike.',
  }),
  rec('policy-connexions-neet-targets', {
    name: 'Connexions NEET targets',
    scope: 'local',
    agencyIds: ['ag-connexions'],
    description:
      'The service is judged on the number of 16–18 year olds not in education, employment or training.',
  }),
  rec('policy-school-inclusion', {
    name: 'Northbridge High inclusion policy',
    scope: 'agency',
    agencyIds: ['ag-school'],
    description:
      'External services are asked to help keep pupils at risk of exclusion in school in Years 9–11.',
  }),
  rec('policy-leaving-care-pathway', {
    name: 'Leaving-care pathway planning',
    scope: 'national',
    agencyIds: ['ag-leaving-care'],
    description:
      'A pathway plan for each young person leaving care, centred on independent living.',
  }),
];
const policyInteractions = [
  rec('pi-confidentiality-vs-behaviour', {
    policyIds: ['policy-connexions-confidentiality', 'policy-school-behaviour'],
    effect: 'conflicts',
    description:
      'The school sanctions J for missing homework; the adviser knows why but her service’s confidentiality promise stops her saying.',
    evidenceIds: ['wh-connexions-home-situation', 'goal-school-behaviour'],
  }),
  rec('pi-neet-targets-vs-joint-aim', {
    policyIds: ['policy-connexions-neet-targets', 'policy-school-inclusion'],
    effect: 'conflicts',
    description:
      'The targets count only 16–18 year olds who are NEET, so time spent keeping a Year 11 pupil in school earns the service nothing, while the school’s inclusion policy asks for exactly that work.',
    evidenceIds: ['ad-feedback-neet-targets'],
  }),
  rec('pi-ecm-supports-inclusion', {
    policyIds: ['policy-ecm', 'policy-school-inclusion'],
    effect: 'supports',
    description: 'Keeping J in school serves the "enjoy and achieve" outcome.',
    evidenceIds: [],
  }),
];
const adaptations = [
  rec('ad-adviser-confidentiality-workaround', {
    date: '2025-11-27',
    policyId: 'policy-connexions-confidentiality',
    kind: 'workaround',
    description:
      'With J’s consent the adviser told the head of year only that “there are things going on at home” and asked for homework sanctions to be paused; they were paused for about ten days.',
  }),
  rec('ad-feedback-neet-targets', {
    date: '2026-04-09',
    policyId: 'policy-connexions-neet-targets',
    kind: 'feedback',
    description:
      'The adviser wrote a note saying that the way the targets are counted makes 15-year-olds at risk invisible until they drop out.',
    fedBackTo: 'Northbridge children’s trust strategic board',
  }),
];

const agencyRelations = [
  rec('rel-connexions-school', {
    agencyIds: ['ag-connexions', 'ag-school'],
    protocol: true,
    pooledBudget: false,
    sharedPremises: false,
    yearsOfHistory: 6,
  }),
  rec('rel-school-mdss', {
    agencyIds: ['ag-school', 'ag-mdss'],
    protocol: true,
    pooledBudget: false,
    sharedPremises: false,
    yearsOfHistory: 10,
  }),
  rec('rel-child-health-community-health', {
    agencyIds: ['ag-child-health', 'ag-community-health'],
    protocol: true,
    pooledBudget: false,
    sharedPremises: false,
    yearsOfHistory: 8,
  }),
  rec('rel-connexions-yot', {
    agencyIds: ['ag-connexions', 'ag-yot'],
    protocol: false,
    pooledBudget: false,
    sharedPremises: false,
    yearsOfHistory: 3,
  }),
];

// ── Survey ───────────────────────────────────────────────────────────────────

const waves = [
  rec('wave-0', {
    name: 'Autumn check-in (anonymous)',
    mode: 'anonymous',
    opensOn: '2025-11-17',
    closesOn: '2025-11-28',
    status: 'closed',
    instrumentVersion: '1.0.0',
  }),
  rec('wave-1', {
    name: 'Spring survey (identified)',
    mode: 'identified',
    opensOn: '2026-03-09',
    closesOn: '2026-03-27',
    status: 'closed',
    instrumentVersion: '1.0.0',
  }),
];

// Keyed values (after reverse scoring) handed out per item: wide spreads, so agreement is
// low (r_wg(j) near 0), with means around 3.0–3.4. A few items people agree on more.
const WIDE = [
  [1, 2, 3, 3, 4, 5, 5],
  [1, 2, 2, 3, 4, 5, 5],
  [1, 1, 2, 3, 4, 4, 5],
  [1, 2, 3, 3, 4, 4, 5],
];
const PURPOSES = [
  [1, 1, 2, 3, 4, 5, 5],
  [1, 2, 2, 3, 4, 4, 5],
];
const NARROW = { RS2: [3, 4, 4, 4, 5, 5, 5], AC1: [2, 3, 4, 4, 4, 5, 5] };
const w1Respondents = [ADV, HOY, EP, OT, AT, YOT, LC2];
// How positively each respondent tends to see the joint work (orders who gets which value).
const STANCE = { [ADV]: 2.2, [EP]: 2.0, [YOT]: 1.6, [AT]: 1.0, [LC2]: 0.6, [OT]: 0.4, [HOY]: 0.2 };
const valuesFor = (item, k = 7) => {
  const idx = SCALE_ITEMS.indexOf(item);
  const base =
    NARROW[item.id] ?? (item.scale === 'purposes' ? PURPOSES[idx % 2] : WIDE[idx % WIDE.length]);
  return k === 7 ? base : base.filter((_, i) => i !== 3); // six respondents: drop the middle value
};
const w1Answers = plannedAnswers(
  rng,
  SCALE_ITEMS,
  w1Respondents,
  (i) => valuesFor(i),
  (r) => STANCE[r],
);
// A few "don't know" answers from people new to the case or far from it.
const DONT_KNOW = { [LC2]: ['JA1', 'KN4'], [OT]: ['LE2', 'DE2'], [AT]: ['PO2'] };
for (const [m, itemIds] of Object.entries(DONT_KNOW))
  for (const i of itemIds) w1Answers.get(m)[i] = 'dontKnow';

const contact = (memberId, frequency, workingLevel, roleUnderstanding, trust, perceiver) => ({
  memberId,
  frequency,
  workingLevel,
  roleUnderstanding,
  trust,
  roleAreaIds: perceptionOf(perceiver, memberId),
});
const W1 = {
  [ADV]: {
    date: '2026-03-11T16:40:00Z',
    goal: {
      choice: 'joint',
      goalId: JOINT,
      text: 'Keep J in education and safe while he sorts out where he lives.',
    },
    lead: null,
    contacts: [
      contact(HOY, 'weekly', 'collaboration', 4, 3, ADV),
      contact(EP, 'monthly', 'collaboration', 3, 5, ADV),
      contact(LC2, 'monthly', 'collaboration', 4, 3, ADV),
      contact(YOT, 'monthly', 'collaboration', 4, 3, ADV),
      contact(AT, 'rarely', 'cooperation', 3, 4, ADV),
    ],
  },
  [HOY]: {
    date: '2026-03-16T15:05:00Z',
    goal: {
      choice: 'agency',
      goalId: 'goal-school-behaviour',
      text: 'Get J to follow the same rules as everyone else so he can stay.',
    },
    lead: ADV,
    // Names the adviser only: the psychologist's weekly contact is not returned.
    contacts: [contact(ADV, 'weekly', 'cooperation', 3, 4, HOY)],
  },
  [EP]: {
    date: '2026-03-12T09:30:00Z',
    goal: {
      choice: 'joint',
      goalId: JOINT,
      text: 'Help J stay in school and be understood there.',
    },
    lead: HOY,
    contacts: [
      contact(HOY, 'weekly', 'collaboration', 4, 3, EP),
      contact(ADV, 'monthly', 'collaboration', 4, 5, EP),
      contact(PAED2, 'rarely', 'cooperation', 2, 2, EP),
    ],
  },
  [OT]: {
    date: '2026-03-20T12:15:00Z',
    goal: { choice: 'other', text: 'Improve J’s hand function.' },
    lead: null,
    contacts: [contact(PAED2, 'rarely', 'cooperation', 4, 4, OT)],
  },
  [AT]: {
    date: '2026-03-18T17:50:00Z',
    goal: {
      choice: 'agency',
      goalId: 'goal-advisory-inclusion',
      text: 'Help the school include J in lessons.',
    },
    lead: EP,
    contacts: [contact(ADV, 'rarely', 'cooperation', 3, 4, AT)],
  },
  [YOT]: {
    date: '2026-03-24T10:20:00Z',
    goal: { choice: 'joint', goalId: JOINT, text: 'Keep J out of trouble and in education.' },
    lead: ADV,
    contacts: [contact(ADV, 'monthly', 'collaboration', 4, 4, YOT)],
  },
  [LC2]: {
    date: '2026-03-26T14:00:00Z',
    goal: {
      choice: 'agency',
      goalId: 'goal-leaving-care-independence',
      text: 'Get J ready to live on his own.',
    },
    lead: null,
    contacts: [contact(ADV, 'monthly', 'collaboration', 3, 4, LC2)],
  },
};
const OWN_ROLE_TEXT = CLAIM_TEXT;
const responses = [];
for (const m of w1Respondents) {
  const w = W1[m];
  responses.push(
    rec(`resp-w1-${m.slice(2)}`, {
      waveId: 'wave-1',
      respondentMemberId: m,
      submittedAt: w.date,
      answers: w1Answers.get(m),
      goal: w.goal,
      namedLeadId: w.lead,
      ownRoleAreaIds: CLAIMS[m],
      ownRoleText: OWN_ROLE_TEXT[m],
      contacts: w.contacts,
    }),
  );
}
// Wave 0: anonymous, six respondents, scale items and the goal question only.
const w0Keys = ['a', 'b', 'c', 'd', 'e', 'f'];
const w0Stance = { a: 2.0, b: 1.8, c: 1.2, d: 0.9, e: 0.5, f: 0.2 };
const w0Answers = plannedAnswers(
  rng,
  SCALE_ITEMS,
  w0Keys,
  (i) => valuesFor(i, 6),
  (r) => w0Stance[r],
);
const W0_GOALS = {
  a: { choice: 'joint', goalId: JOINT, text: 'Keep J in school.' },
  b: { choice: 'other', text: 'Sort out his handwriting.' },
  c: { choice: 'agency', goalId: 'goal-school-behaviour', text: 'Improve his behaviour.' },
  d: { choice: 'joint', goalId: JOINT, text: 'Keep him safe and learning.' },
  e: { choice: 'agency', goalId: 'goal-leaving-care-independence', text: 'Independence.' },
  f: { choice: 'other', text: 'Not sure what we are aiming at.' },
};
w0Keys.forEach((k, i) =>
  responses.push(
    rec(`resp-w0-${i + 1}`, {
      waveId: 'wave-0',
      respondentMemberId: null,
      submittedAt: `2025-11-${String(18 + i).padStart(2, '0')}T1${i}:00:00Z`,
      answers: w0Answers.get(k),
      goal: W0_GOALS[k],
      ownRoleAreaIds: [],
      contacts: [],
    }),
  ),
);

// ── Qualitative: an interview with the adviser, coded to the model ───────────

const INTERVIEW = [
  'Interviewer: Thank you for making time. Could you start by telling me what your job is here?',
  'Adviser: I’m a personal adviser with the Northbridge Connexions service. Most of my caseload is young people aged thirteen to nineteen who have more than one thing getting in the way of learning. My job, as I see it, is to clear those barriers one by one so that the young person can get back into education or training and stay there.',
  'Interviewer: And how does that fit with what your service expects of you?',
  'Adviser: Mostly it fits. The service wants young people in education, employment or training, and so do I. Where it gets awkward is the targets. We are counted on sixteen to eighteen year olds who are not in education, employment or training, so the pressure from above is always to prioritise them. J is in Year 11 and still in school, so he doesn’t move our numbers at all this year. But if nobody keeps him there, he will be exactly one of those numbers next year.',
  'Interviewer: Who else is working with J at the moment?',
  'Adviser: Quite a lot of people, which is part of the problem. There is his head of year at Northbridge High, the educational psychologist from the multi-disciplinary support service, an occupational therapist from the community health trust, an advisory teacher from the council, a worker from the youth offending team, his leaving-care social worker, and the community paediatrician who sees him in clinic. That’s eight of us, counting me, and we have never all been in one room.',
  'Interviewer: Never?',
  'Adviser: Never. There was a first meeting in September at the school, with the head of year, the psychologist and me. We agreed something like a joint aim: support J to stay in education and to live safely. The others signed up to it by email afterwards. Since then it has been me ringing people one at a time.',
  'Interviewer: Is there someone who leads the group?',
  'Adviser: Not formally. People tend to ring me because I know the other services, so in practice I end up as the go-between. But nobody has asked me to lead it, my manager would say it isn’t my role, and I have no power to make anyone do anything. Connexions has no statutory powers. I can ask nicely, that’s all.',
  'Interviewer: You mentioned the joint aim. Does everyone pull in that direction?',
  'Adviser: On paper, yes. In practice, no. The school keeps putting him in detention for homework and for uniform. Every week there is another sanction. From the school’s side I understand it: they have a behaviour policy and it applies to everyone. But I know what J is going through at home, and I can’t tell them, because what he tells me is confidential. That is the promise our service makes to young people. So I sit in a meeting while they list his missing homework, and I know why it’s missing, and I have to keep quiet.',
  'Interviewer: How do you handle that?',
  'Adviser: I asked J if I could say something, just the outline. He agreed I could tell the head of year that there are things going on at home and nothing more. I asked whether the homework sanctions could be paused for a few weeks. They were paused for about ten days and then they started again. I don’t blame the head of year. He has a whole year group and a deputy head asking for consistency.',
  'Interviewer: You said the leaving-care team is involved too.',
  'Adviser: Yes. J left his mum’s at the end of the summer and went into supported lodgings. The leaving-care team are good at what they do, which is getting him ready to live independently: budgeting, cooking, keeping a tenancy. But education isn’t really their priority. When I asked about him going to a college taster day, the first social worker said it clashed with his independent-living session and the session came first. So you have one service saying stay in school, another saying learn to live on your own, and the school saying do your homework or you’re in detention.',
  'Interviewer: Has that changed since then?',
  'Adviser: The social worker changed at Christmas. She moved to another team and the new one started in January. He’s keen, but he had to start from scratch, and he didn’t know me. It took until the end of February before we had the education part of the pathway plan agreed between us. And there is still no settled answer on housing. Once the lodgings placement ends, nobody owns the question of where J lives next. Housing isn’t in the room, the leaving-care team say they only cover what they commission, and I can sort benefits but I can’t find him a flat.',
  'Interviewer: You said you can sort benefits.',
  'Adviser: Connexions is the only route to benefits for an unemployed under-eighteen who has left home. That’s one thing nobody else in the group can do. The other thing is that I know the other organisations best. I know who to ring at the college, who the duty worker is at the YOT, which housing officer actually picks up the phone.',
  'Interviewer: Tell me about the youth offending team.',
  'Adviser: That’s the one that still annoys me. J was arrested in February, on a Friday afternoon when he should have been at the college taster session I’d arranged. Shoplifting, with two older lads. The youth offending team knew about it that week. I found out more than three weeks later, when the YOT worker phoned me about his referral order and said, “You know about the offence, obviously.” I didn’t. Nobody had told me. I had spent those weeks chasing the college about why he hadn’t turned up.',
  'Interviewer: What did you do then?',
  'Adviser: I rang the YOT worker straight back the same afternoon and we went through it properly. To be fair to him, he assumed the school had told me, and the school assumed the YOT had. Once we talked we agreed a plan very quickly: the education and training part of the referral order would come through me, so J wouldn’t have two people telling him different things about college. Since then it’s been fine. But those three weeks mattered. I’d have handled the college completely differently.',
  'Interviewer: Is there a way you would normally hear about something like that?',
  'Adviser: There’s no system. It depends entirely on individual relationships. If I know the worker, I hear. If I don’t, I don’t. That’s true of the whole network really: the links between agencies are only as strong as the people in them.',
  'Interviewer: You mentioned the occupational therapist and the advisory teacher. How do they fit?',
  'Adviser: They don’t, at the moment, and that’s not my fight, but I see it. The occupational therapist has been seeing J for his hands. He has real difficulties with fine motor skills, which is part of why the homework doesn’t get done. The advisory teacher wrote a report for the school in February that put in a fine-motor programme. The OT saw that and was, let’s say, unhappy, because to her fine motor work is OT work. And then the OT went into school herself and set up a handwriting programme with the teaching assistant, which the advisory teacher sees as hers. So J has two programmes for his hands and nobody has sat down to agree whose is whose.',
  'Interviewer: Who would normally sort that out?',
  'Adviser: In the NHS, I’m told, all the reports on a complex child go to one place and come back as one report, so everybody aims the same way. Otherwise you get one person working on walking while another orders a wheelchair. We don’t have that here. There’s no lead, so there’s no one place.',
  'Interviewer: What about the educational psychologist?',
  'Adviser: She’s been brilliant with me, actually. She does consultation with the school, she trains staff, she looks at J’s learning as a whole. But the others see her as the person who does intelligence tests. The paediatrician wrote to her in January asking for an IQ test, as if that were the whole of her job. She said to me, quite sharply, “I’m not a testing service, and I don’t take instructions from a paediatrician.” She did the assessment in the end, because J needed something on paper for the college, but she was not happy about how it was decided.',
  'Interviewer: How often do you all actually do things together?',
  'Adviser: We plan together, a bit. There was the meeting in September, another one at the school in March with the psychologist, and I’ve done planning sessions one-to-one with the YOT worker, the new social worker and the advisory teacher. Early on the head of year and I saw J and his carer together, and I did a joint visit to the lodgings with the first social worker. But we have never reviewed anything together. Nobody has sat down and asked: is this working? Each service reviews its own bit in its own meeting.',
  'Interviewer: Do you feel accountable to the group?',
  'Adviser: I feel accountable to J, first of all. Then to my team leader, who wants my caseload numbers. And then there’s the strategic board, because I’ve been feeding back to them about the targets. Those pull in different ways and nobody has said which one wins. I write my own reports and I stand by them. I think everyone in the group would say the same.',
  'Interviewer: Has anything been fed back to policy makers?',
  'Adviser: I wrote a short note for the children’s trust strategic board saying that the way our targets are counted means fifteen-year-olds like J are invisible until they drop out. I don’t know if anything will come of it. There’s talk of the good parts of Connexions moving into the children’s trust anyway, because we were meant to make sure no child falls through the gap and we never had the powers to do it.',
  'Interviewer: What would make this work better?',
  'Adviser: One meeting where everyone is in the room; once a term would do. Somebody named as lead, with the time to do it. I get about an hour a week for J, officially, and most of that goes on phone calls. And some training together. Not to make us all the same, because you can’t replace ten years of a specialist’s experience with a course, but so we know what each other actually does. A generic child-development course for everyone would be a start.',
  'Interviewer: Does everyone have the same picture of J?',
  'Adviser: No. The school sees a lad who won’t do his homework. The YOT sees an offender, the paediatrician sees a developmental question, and I see a young person with five problems at once. We use the same words and mean different things. When the school says “support” they mean a report card.',
  'Interviewer: Last question. How is J now?',
  'Adviser: Better than in February. He’s still in school, most days. He sent me a text last week, “thanks miss 🙂 got in”, because the college offered him a place for September. We celebrated with a hot chocolate at the café by the bus station. So something is working, even if it’s mostly held together with phone calls.',
  'Interviewer: Thank you very much.',
  'Adviser: You’re welcome.',
].join('\n');

const SOURCE = 'src-interview-adviser';
const QCASE = 'qcase-adviser';
const CODER = 'coder-sample';
const codeId = (element) => `code-${element}`;
const codes = ELEMENT_IDS.map((element) => {
  const node = DEFAULT_MODEL.byId.get(element);
  return rec(codeId(element), {
    name: node.name,
    parentId: null,
    elementId: element,
    description: `Passages about ${node.name.toLowerCase()} (model element ${element}).`,
  });
});
const CODINGS = [
  [
    'personal.teamReasoning',
    'My job, as I see it, is to clear those barriers one by one so that the young person can get back into education or training and stay there.',
  ],
  [
    'policy.structures',
    'We are counted on sixteen to eighteen year olds who are not in education, employment or training, so the pressure from above is always to prioritise them.',
  ],
  [
    'local.leadership',
    'But nobody has asked me to lead it, my manager would say it isn’t my role, and I have no power to make anyone do anything.',
  ],
  ['policy.structures', 'Connexions has no statutory powers. I can ask nicely, that’s all.'],
  [
    'process.teamReasoning.purposes',
    'The school keeps putting him in detention for homework and for uniform. Every week there is another sanction.',
  ],
  [
    'policy.interactions',
    'But I know what J is going through at home, and I can’t tell them, because what he tells me is confidential. That is the promise our service makes to young people.',
  ],
  [
    'policy.feedback',
    'He agreed I could tell the head of year that there are things going on at home and nothing more.',
  ],
  [
    'process.teamReasoning.purposes',
    'But education isn’t really their priority. When I asked about him going to a college taster day, the first social worker said it clashed with his independent-living session and the session came first.',
  ],
  [
    'process.continuity',
    'The social worker changed at Christmas. She moved to another team and the new one started in January. He’s keen, but he had to start from scratch, and he didn’t know me.',
  ],
  [
    'local.roles',
    'Once the lodgings placement ends, nobody owns the question of where J lives next.',
  ],
  [
    'process.teamReasoning.communication',
    'The youth offending team knew about it that week. I found out more than three weeks later, when the YOT worker phoned me about his referral order',
  ],
  [
    'personal.individual',
    'It depends entirely on individual relationships. If I know the worker, I hear. If I don’t, I don’t.',
  ],
  [
    'process.teamReasoning.roles',
    'The advisory teacher wrote a report for the school in February that put in a fine-motor programme. The OT saw that and was, let’s say, unhappy, because to her fine motor work is OT work.',
  ],
  [
    'process.teamReasoning.roles',
    'But the others see her as the person who does intelligence tests.',
  ],
  [
    'process.teamReasoning.decisions',
    '“I’m not a testing service, and I don’t take instructions from a paediatrician.”',
  ],
  [
    'process.jointActivities',
    'But we have never reviewed anything together. Nobody has sat down and asked: is this working?',
  ],
  ['local.accountability', 'Those pull in different ways and nobody has said which one wins.'],
  [
    'policy.feedback',
    'I wrote a short note for the children’s trust strategic board saying that the way our targets are counted means fifteen-year-olds like J are invisible until they drop out.',
  ],
  [
    'local.resourcing',
    'I get about an hour a week for J, officially, and most of that goes on phone calls.',
  ],
  [
    'personal.professional',
    'you can’t replace ten years of a specialist’s experience with a course',
  ],
  ['local.knowledge', 'We use the same words and mean different things.'],
  // After the emoji: its offsets differ between code points and UTF-16 units.
  [
    'process.teamReasoning.communication',
    'So something is working, even if it’s mostly held together with phone calls.',
  ],
];
const codings = CODINGS.map(([element, excerpt], i) =>
  rec(`coding-adviser-${String(i + 1).padStart(2, '0')}`, {
    sourceId: SOURCE,
    codeId: codeId(element),
    coderId: CODER,
    ...span(INTERVIEW, excerpt),
  }),
);
const qualitative = {
  sources: [
    rec(SOURCE, {
      title: 'Interview with Adviser Rowan Hale (fictional)',
      kind: 'interview',
      date: '2026-05-14',
      format: 'text',
      text: INTERVIEW,
      participantCaseIds: [QCASE],
      turns: turnsOf(INTERVIEW, {
        Interviewer: { speaker: 'Interviewer' },
        Adviser: { speaker: 'Adviser', caseId: QCASE },
      }),
    }),
  ],
  codes,
  coders: [rec(CODER, { name: 'Sample coder (fictional)' })],
  codings,
  memos: [
    rec('memo-adviser-interview', {
      target: { kind: 'source', id: SOURCE },
      text: 'The adviser is the hub of a network that never meets as a whole; the offence episode shows what falls between the spokes.',
    }),
  ],
  attributes: [
    { name: 'profession', type: 'text' },
    { name: 'yearsInRole', type: 'number' },
  ],
  cases: [
    rec(QCASE, {
      name: 'Adviser Rowan Hale',
      memberId: ADV,
      agencyId: 'ag-connexions',
      attributes: { profession: 'Connexions personal adviser', yearsInRole: 6 },
    }),
  ],
};

// ── The document ─────────────────────────────────────────────────────────────

const doc = {
  schemaVersion: 1,
  collaboration: {
    id: 'tac-northbridge',
    name: 'Team around J (Northbridge)',
    description:
      'FICTIONAL SAMPLE DATA. A loose team-around-the-child network around one young person, "Young person J", built from the situations in Rose (2007). Every person, child and organisation is invented.',
    fictional: true,
    teamForm: 'looseNetwork',
    startDate: '2025-06-16',
    plannedEndDate: null,
    meantToLast: true,
    boundedness: { aims: 'open', resourcing: 'open', time: 'open' },
    leadMemberId: null,
    fundingModel: 'separateBudgets',
    fundingEndDate: null,
    coLocated: false,
    outcomeFrameworkId: 'ecm',
    version: 1,
  },
  outcomeFrameworks: [],
  agencies,
  professions,
  members,
  goals,
  cases,
  needs,
  responsibilityAreas,
  roleClaims,
  rolePerceptions,
  activities,
  communications,
  caseEvents,
  decisions,
  referrals,
  coordinatingRecords,
  withheldInformation,
  policies,
  policyInteractions,
  adaptations,
  agencyRelations,
  meetings: [],
  waves,
  responses,
  qualitative,
};

if (AUTHOR !== 'sample-data') throw new Error('unexpected author');
const latest = [...communications, ...activities]
  .map((r) => r.date)
  .sort()
  .at(-1);
if (latest !== AS_OF) throw new Error(`last record is ${latest}, expected ${AS_OF}`);
// Sanity: no communication to the adviser in the 14 days after the offence.
const offence = caseEvents.find((e) => e.id === 'ev-offence-j');
const early = communications.filter(
  (c) => c.toIds.includes(ADV) && c.date >= offence.date && c.date <= addDays(offence.date, 14),
);
if (early.length > 0)
  throw new Error(`adviser was told within 14 days: ${early.map((c) => c.id).join(', ')}`);

console.log(`wrote ${writeDocument('loose-network.json', doc)}`);
