// Writes examples/charity-team.json: a fictional, co-located charity team for families of
// brain-injured children, with strong team reasoning (MODEL.md: the charity's staff see each
// child "holistically"; developmental therapists hold the family's programme, consultants
// feed in, a family support worker links to outside services). Every person, child and
// organisation is invented.
// Run: node examples/build/charity-team.js (deterministic: seeded PRNG, no clock).

import { SCALE_ITEMS, ELEMENT_IDS, DEFAULT_MODEL } from '@weframe/core';
import {
  rec,
  prng,
  addDays,
  randomWorkday,
  weekdaysBetween,
  span,
  turnsOf,
  writeDocument,
  byDate,
  plannedAnswers,
} from './lib.js';

const rng = prng(20190401);
const AS_OF = '2026-06-30';
const FROM = '2025-07-01'; // records cover the twelve months to the as-of date

// ── Agencies, professions, members ───────────────────────────────────────────

const CHARITY = 'ag-brightsteps';
const TRUST = 'ag-ashcombe-health';
const agencies = [
  rec(CHARITY, {
    name: 'Brightsteps Family Centre (charity)',
    sector: 'voluntary',
    statutoryBasis: null,
    statutoryDutyForJointAim: false,
  }),
  rec(TRUST, {
    name: 'Ashcombe Community Health NHS Trust',
    sector: 'health',
    statutoryBasis: 'NHS duties; Children Act 2004 s.10 duty to cooperate',
    statutoryDutyForJointAim: true,
  }),
];

const professions = [
  rec('prof-slt', {
    name: 'Speech and language therapist',
    regulator: 'Health and Care Professions Council (HCPC)',
    codeOfPractice: 'HCPC standards of conduct, performance and ethics',
    constraints: [],
  }),
  rec('prof-developmental-therapist', {
    name: 'Developmental therapist',
    regulator: null,
    codeOfPractice: 'Brightsteps practice standards (fictional)',
    constraints: [],
  }),
  rec('prof-ot', {
    name: 'Occupational therapist',
    regulator: 'Health and Care Professions Council (HCPC)',
    codeOfPractice: 'HCPC standards of conduct, performance and ethics',
    constraints: [],
  }),
  rec('prof-doctor', {
    name: 'Doctor (community paediatrician)',
    regulator: 'General Medical Council (GMC)',
    codeOfPractice: 'GMC Good medical practice',
    constraints: [
      {
        id: 'con-medical-confidentiality',
        description:
          'Medical information goes beyond the care team only with the family’s consent. Families consent at entry to sharing within the team, so the team’s own work is not limited.',
        limits: 'sharing',
        neededByCollaboration: false,
      },
    ],
  }),
  rec('prof-dietitian', {
    name: 'Dietitian (nutrition consultant)',
    regulator: 'Health and Care Professions Council (HCPC)',
    codeOfPractice: 'HCPC standards of conduct, performance and ethics',
    constraints: [],
  }),
  rec('prof-family-support', {
    name: 'Family support worker',
    regulator: null,
    codeOfPractice: 'Brightsteps code of conduct (fictional)',
    constraints: [],
  }),
];

const MGR = 'm-manager-slt';
const DTS = 'm-dt-senior';
const DT2 = 'm-dt-2';
const DT3 = 'm-dt-3';
const DTA = 'm-dt-assistant';
const OT = 'm-ot';
const DOC = 'm-doctor';
const DIET = 'm-dietitian';
const FSW = 'm-family-support';
const ALL = [MGR, DTS, DT2, DT3, DTA, OT, DOC, DIET, FSW];
const FULL_TIME = [MGR, DTS, DT2, DT3, DTA, FSW];

const board = {
  to: 'Brightsteps board of trustees (through the centre manager)',
  kind: 'lineManagement',
  agencyId: CHARITY,
};
const manager = { to: 'Centre manager', kind: 'lineManagement', agencyId: CHARITY };
const team = {
  to: 'The Brightsteps team and the families it serves',
  kind: 'collaboration',
  agencyId: CHARITY,
};
const member = (id, f) =>
  rec(id, {
    agencyId: CHARITY,
    multiAgencyTraining: true,
    priorMultiAgencyExperience: true,
    membershipMode: 'solelyInTeam',
    endDate: null,
    accountability: [manager],
    accountabilityPrecedence: null,
    coLocated: true,
    ...f,
  });
const members = [
  member(MGR, {
    displayName: 'Centre Manager and SLT Wren Ashdown',
    professionId: 'prof-slt',
    statusLevel: 5,
    dedicatedHoursPerWeek: 37.5,
    startDate: '2019-04-01',
    accountability: [board, { to: 'External SLT clinical supervisor', kind: 'professional' }],
    accountabilityPrecedence:
      'The board decides on running the centre; clinical supervision decides on speech and language therapy practice.',
  }),
  member(DTS, {
    displayName: 'Senior Developmental Therapist Juno Pellow',
    professionId: 'prof-developmental-therapist',
    statusLevel: 4,
    dedicatedHoursPerWeek: 37.5,
    startDate: '2019-04-01',
  }),
  member(DT2, {
    displayName: 'Developmental Therapist Ansel Corrie',
    professionId: 'prof-developmental-therapist',
    statusLevel: 3,
    dedicatedHoursPerWeek: 37.5,
    startDate: '2020-09-01',
  }),
  member(DT3, {
    displayName: 'Developmental Therapist Maëlle Rook',
    professionId: 'prof-developmental-therapist',
    statusLevel: 3,
    dedicatedHoursPerWeek: 30,
    startDate: '2021-01-11',
  }),
  member(DTA, {
    displayName: 'Assistant Developmental Therapist Kit Amberley',
    professionId: 'prof-developmental-therapist',
    statusLevel: 2,
    multiAgencyTraining: false,
    priorMultiAgencyExperience: false,
    dedicatedHoursPerWeek: 30,
    startDate: '2022-03-01',
    accountability: [
      { to: 'Senior developmental therapist', kind: 'lineManagement', agencyId: CHARITY },
    ],
  }),
  member(OT, {
    displayName: 'Occupational Therapist Perrin Loxley',
    professionId: 'prof-ot',
    statusLevel: 4,
    dedicatedHoursPerWeek: 15,
    startDate: '2019-06-03',
  }),
  member(DOC, {
    displayName: 'Dr Tamsin Vellacott (community paediatrician)',
    professionId: 'prof-doctor',
    agencyId: TRUST,
    statusLevel: 4,
    membershipMode: 'seconded',
    dedicatedHoursPerWeek: 7.5,
    startDate: '2020-02-03',
    accountability: [
      { to: 'Clinical lead for community paediatrics', kind: 'clinical', agencyId: TRUST },
      { to: 'Centre manager', kind: 'collaboration', agencyId: CHARITY },
    ],
    accountabilityPrecedence:
      'Secondment agreement: clinical matters go to the trust’s clinical lead, everything else to the centre manager.',
  }),
  member(DIET, {
    displayName: 'Dietitian Oriel Banfield',
    professionId: 'prof-dietitian',
    agencyId: TRUST,
    statusLevel: 3,
    membershipMode: 'seconded',
    dedicatedHoursPerWeek: 7.5,
    startDate: '2021-05-04',
    accountability: [
      { to: 'Head of children’s dietetics', kind: 'clinical', agencyId: TRUST },
      { to: 'Centre manager', kind: 'collaboration', agencyId: CHARITY },
    ],
    accountabilityPrecedence:
      'Secondment agreement: clinical matters go to the trust’s head of dietetics, everything else to the centre manager.',
  }),
  member(FSW, {
    displayName: 'Family Support Worker Nell Quayle',
    professionId: 'prof-family-support',
    statusLevel: 3,
    dedicatedHoursPerWeek: 37.5,
    startDate: '2019-09-02',
    accountability: [manager, team],
    accountabilityPrecedence: 'The centre manager settles any conflict.',
  }),
];

// ── Goals, cases, areas, claims, perceptions, needs ──────────────────────────

const JOINT = 'goal-joint-next-step';
const goal = (id, f) =>
  rec(id, { agreed: false, outcomes: [], links: [], responsibleMemberIds: [], ...f });
const supports = [{ goalId: JOINT, relation: 'supports', resolved: false }];
const goals = [
  goal(JOINT, {
    level: 'joint',
    statement:
      'Every child reaches the next step of their developmental programme, with the family confident to carry the programme at home.',
    agreed: true,
    agreedOn: '2024-09-04',
    outcomes: ['ecm.healthy', 'ecm.achieve'],
    responsibleMemberIds: ALL,
  }),
  goal('goal-brightsteps-holistic', {
    level: 'agency',
    agencyId: CHARITY,
    statement: 'Work with each child holistically, through one programme the family owns.',
    outcomes: ['ecm.healthy', 'ecm.achieve'],
    links: supports,
  }),
  goal('goal-trust-close-to-home', {
    level: 'agency',
    agencyId: TRUST,
    statement: 'Children with complex needs get specialist care close to home.',
    outcomes: ['ecm.healthy'],
    links: supports,
  }),
  goal('goal-slt-communication', {
    level: 'professional',
    memberId: MGR,
    professionId: 'prof-slt',
    statement: 'Each child communicates and eats as safely and fully as they can.',
    outcomes: ['ecm.healthy'],
    links: supports,
  }),
  goal('goal-ot-hands', {
    level: 'professional',
    memberId: OT,
    professionId: 'prof-ot',
    statement: 'Each child uses their hands and posture for play and daily life.',
    outcomes: ['ecm.healthy', 'ecm.achieve'],
    links: supports,
  }),
  goal('goal-fsw-outside', {
    level: 'professional',
    memberId: FSW,
    professionId: 'prof-family-support',
    statement: 'Families get what they need from school, social care and benefits without chasing.',
    outcomes: ['ecm.economic'],
    links: supports,
  }),
];

const CASES = ['a', 'b', 'c', 'd', 'e', 'f'];
const caseId = (k) => `case-${k}`;
const cases = CASES.map((k, i) =>
  rec(caseId(k), {
    pseudonym: `Child ${k.toUpperCase()}`,
    kind: 'child',
    openedOn: ['2024-02-05', '2024-06-10', '2024-11-04', '2025-01-13', '2025-03-03', '2025-05-12'][
      i
    ],
    closedOn: null,
  }),
);
const HOLDER = { a: DTS, b: DTS, c: DT2, d: DT2, e: DT3, f: DT3 };

const area = (id, name, description, lead) =>
  rec(id, { name, description, agreedLeadMemberId: lead });
const responsibilityAreas = [
  area(
    'area-family-programme',
    'The family’s developmental programme',
    'Writing and holding each family’s programme; all other work feeds into it.',
    DTS,
  ),
  area(
    'area-parent-coaching',
    'Coaching parents to carry the programme',
    'Teaching parents to deliver the programme at home.',
    DTS,
  ),
  area(
    'area-hand-function',
    'Hand function and perception',
    'Hand skills, grasp and visual perception.',
    OT,
  ),
  area(
    'area-seating-positioning',
    'Seating and positioning',
    'Posture, seating and equipment.',
    OT,
  ),
  area(
    'area-communication-feeding',
    'Communication, speech and feeding',
    'Speech, language, communication aids and safe eating.',
    MGR,
  ),
  area(
    'area-centre-management',
    'Running the centre',
    'Staffing, rota, budget and reporting to trustees.',
    MGR,
  ),
  area(
    'area-medical-oversight',
    'Medical oversight',
    'Medical review, medication and seizures.',
    DOC,
  ),
  area('area-nutrition', 'Nutrition', 'Diet, growth and feeding plans.', DIET),
  area(
    'area-outside-services',
    'Links with outside services',
    'School, social care, benefits and housing.',
    FSW,
  ),
  area('area-family-wellbeing', 'Family wellbeing', 'Support for parents and siblings.', FSW),
];
const CLAIMS = {
  [MGR]: ['area-communication-feeding', 'area-centre-management'],
  [DTS]: ['area-family-programme', 'area-parent-coaching', 'area-hand-function'],
  [DT2]: ['area-family-programme', 'area-parent-coaching'],
  [DT3]: ['area-family-programme', 'area-parent-coaching'],
  [DTA]: ['area-family-programme'],
  [OT]: ['area-hand-function', 'area-seating-positioning'],
  [DOC]: ['area-medical-oversight'],
  [DIET]: ['area-nutrition'],
  [FSW]: ['area-outside-services', 'area-family-wellbeing'],
};
const CLAIM_TEXT = {
  [MGR]: 'I run the centre and I am the speech and language therapist: communication and feeding.',
  [DTS]:
    'I hold the programmes for my families, coach the parents, and deliver hand work inside the programme.',
  [DT2]: 'I hold the programmes for my families and coach the parents.',
  [DT3]: 'I hold the programmes for my families and coach the parents.',
  [DTA]: 'I deliver programme sessions for the senior therapist’s families.',
  [OT]: 'I lead on hand function, seating and positioning, and feed them into each programme.',
  [DOC]: 'I oversee each child’s medical care and medication.',
  [DIET]: 'I advise on each child’s nutrition and growth.',
  [FSW]: 'I link families to school, social care and benefits, and support parents and siblings.',
};
const roleClaims = Object.entries(CLAIMS).map(([m, areaIds]) =>
  rec(`claim-${m.slice(2)}`, { memberId: m, areaIds, statement: CLAIM_TEXT[m], source: 'record' }),
);

// Everyone knows what everyone does; some leave out the senior therapist's hand work.
const viewOf = (perceiver, target) => {
  const claims = CLAIMS[target];
  if (target === DTS && [DOC, DIET, FSW].includes(perceiver)) return claims.slice(0, 2);
  return claims;
};
const rolePerceptions = [];
for (const p of ALL)
  for (const t of ALL)
    if (p !== t)
      rolePerceptions.push(
        rec(`perc-${p.slice(2)}-sees-${t.slice(2)}`, {
          perceiverId: p,
          targetId: t,
          areaIds: viewOf(p, t),
          source: 'survey',
        }),
      );

const needs = [];
const need = (k, id, description, owners, areaId) =>
  needs.push(
    rec(`need-${k}-${id}`, { caseId: caseId(k), description, ownerMemberIds: owners, areaId }),
  );
for (const k of CASES) {
  need(
    k,
    'programme',
    `Child ${k.toUpperCase()}: a developmental programme the family can carry at home.`,
    [HOLDER[k]],
    'area-family-programme',
  );
  need(
    k,
    'school-link',
    `Child ${k.toUpperCase()}: school and local services kept in step with the programme.`,
    [FSW],
    'area-outside-services',
  );
}
need('a', 'hands', 'Child A: grasp and release for play.', [OT], 'area-hand-function');
need('b', 'feeding', 'Child B: safe swallowing.', [MGR], 'area-communication-feeding');
need('c', 'growth', 'Child C: weight gain.', [DIET], 'area-nutrition');
need('e', 'seating', 'Child E: supported sitting.', [OT], 'area-seating-positioning');
need('f', 'seizures', 'Child F: seizure control.', [DOC], 'area-medical-oversight');

// ── Activities ───────────────────────────────────────────────────────────────

const activities = [];
const act = (id, date, title, phase, kind, participantIds, f = {}) =>
  activities.push(
    rec(id, { date, title, phase, kind, participantIds, areaIds: [], goalIds: [], ...f }),
  );
const absentOne = (list) => (rng.chance(0.35) ? list.filter((m) => m !== rng.pick(list)) : list);

// Weekly team meeting (Wednesdays): planning, everyone, towards the joint goal.
for (const d of weekdaysBetween(FROM, AS_OF, 3)) {
  if (d >= '2025-12-22' && d <= '2026-01-02') continue; // Christmas closure
  act(
    `act-team-meeting-${d}`,
    d,
    'Weekly team meeting: programme planning',
    'planning',
    'meeting',
    absentOne(ALL),
    { goalIds: [JOINT] },
  );
}
// Monthly programme day (doing) and programme review (reviewing), each for one family.
const months = [];
for (let m = 0; m < 12; m++) {
  const y = 2025 + Math.floor((6 + m) / 12);
  const mo = ((6 + m) % 12) + 1;
  months.push(`${y}-${String(mo).padStart(2, '0')}`);
}
months.forEach((ym, i) => {
  const k = CASES[i % CASES.length];
  const tuesdays = weekdaysBetween(`${ym}-01`, `${ym}-28`, 2);
  const thursdays = weekdaysBetween(`${ym}-01`, `${ym}-28`, 4);
  act(
    `act-programme-day-${ym}`,
    tuesdays[1],
    `Programme day: the whole team works with Child ${k.toUpperCase()} and family`,
    'doing',
    'intervention',
    absentOne(ALL),
    { caseId: caseId(k), goalIds: [JOINT] },
  );
  act(
    `act-programme-review-${ym}`,
    thursdays[3] ?? thursdays[2],
    `Programme review: what changed for Child ${k.toUpperCase()}; programme rewritten`,
    'reviewing',
    'review',
    absentOne(ALL),
    { caseId: caseId(k), goalIds: [JOINT] },
  );
});
// Each member's own sessions, on their own areas.
const own = (memberId, k, areaIds, title, everyMonths = 1, kind = 'intervention') => {
  months.forEach((ym, i) => {
    if (i % everyMonths !== 0) return;
    const date = randomWorkday(rng, `${ym}-01`, `${ym}-28`);
    act(
      `act-${memberId.slice(2)}-${k ?? 'centre'}-${areaIds[0].slice(5)}-${ym}`,
      date,
      title,
      'doing',
      kind,
      [memberId],
      { ...(k ? { caseId: caseId(k) } : {}), areaIds },
    );
  });
};
for (const k of CASES)
  own(
    HOLDER[k],
    k,
    ['area-family-programme', 'area-parent-coaching'],
    `Programme session and parent coaching, Child ${k.toUpperCase()}`,
  );
for (const k of ['a', 'b'])
  own(DTA, k, ['area-family-programme'], `Programme session, Child ${k.toUpperCase()}`);
for (const k of ['a', 'b'])
  own(
    DTS,
    k,
    ['area-hand-function'],
    `Hand activities inside the programme, Child ${k.toUpperCase()}`,
    2,
  );
for (const k of ['a', 'c'])
  own(OT, k, ['area-hand-function'], `Hand function session, Child ${k.toUpperCase()}`, 2);
own(
  OT,
  'e',
  ['area-seating-positioning'],
  'Seating and positioning review, Child E',
  2,
  'assessment',
);
for (const k of ['b', 'd', 'f'])
  own(
    MGR,
    k,
    ['area-communication-feeding'],
    `Communication and feeding session, Child ${k.toUpperCase()}`,
    2,
  );
own(MGR, null, ['area-centre-management'], 'Centre report to trustees', 3, 'other');
for (const k of CASES)
  own(
    DOC,
    k,
    ['area-medical-oversight'],
    `Medical review, Child ${k.toUpperCase()}`,
    3,
    'assessment',
  );
for (const k of ['c', 'd'])
  own(DIET, k, ['area-nutrition'], `Nutrition review, Child ${k.toUpperCase()}`, 2, 'assessment');
for (const k of CASES)
  own(
    FSW,
    k,
    ['area-outside-services', 'area-family-wellbeing'],
    `Family support and liaison with outside services, Child ${k.toUpperCase()}`,
    2,
  );
activities.sort(byDate);

// Overlaps in practice are coordinated: each (area, case) that two members act on
// separately gets a recorded resolution, re-confirmed at the January review.
const coordinatingRecords = [
  rec('coord-hand-function-claims', {
    date: '2026-01-14',
    kind: 'overlap',
    areaId: 'area-hand-function',
    memberIds: [OT, DTS],
    resolution:
      'The OT designs and leads the hand work; the senior developmental therapist delivers it inside the programme and reports back to the OT.',
  }),
  rec('coord-hand-function-a', {
    date: '2026-01-14',
    kind: 'overlap',
    areaId: 'area-hand-function',
    caseId: 'case-a',
    memberIds: [OT, DTS],
    resolution:
      'Child A: the OT sets the hand targets each term; the senior developmental therapist practises them in weekly sessions.',
  }),
  rec('coord-family-programme-a', {
    date: '2026-01-14',
    kind: 'duplication',
    areaId: 'area-family-programme',
    caseId: 'case-a',
    memberIds: [DTS, DTA],
    resolution:
      'Child A: the senior developmental therapist holds the programme; the assistant delivers sessions from it and records them in the shared file.',
  }),
  rec('coord-family-programme-b', {
    date: '2026-01-14',
    kind: 'duplication',
    areaId: 'area-family-programme',
    caseId: 'case-b',
    memberIds: [DTS, DTA],
    resolution:
      'Child B: the senior developmental therapist holds the programme; the assistant delivers sessions from it and records them in the shared file.',
  }),
];

// ── Case events, with the members concerned told within a few days ───────────
// A case event counts as acting on the areas it names, so recent events name other members'
// areas only where the work on that area and case is already coordinated (Child A, Child B).

const caseEvents = [
  rec('ev-seizure-f', {
    date: '2025-09-16',
    caseId: 'case-f',
    memberId: DT3,
    kind: 'incident',
    description: 'Child F had a short seizure during a programme session.',
    areaIds: ['area-family-programme', 'area-medical-oversight'],
  }),
  rec('ev-medication-change-f', {
    date: '2025-10-08',
    caseId: 'case-f',
    memberId: DOC,
    kind: 'intervention',
    description: 'Anti-seizure medication changed.',
    areaIds: ['area-medical-oversight', 'area-family-programme'],
    confidentialTo: TRUST,
  }),
  rec('ev-weight-loss-c', {
    date: '2025-11-19',
    caseId: 'case-c',
    memberId: DT2,
    kind: 'incident',
    description: 'Child C has lost weight since the last review.',
    areaIds: ['area-family-programme', 'area-nutrition'],
  }),
  rec('ev-school-place-d', {
    date: '2026-01-21',
    caseId: 'case-d',
    memberId: FSW,
    kind: 'placement',
    description: 'Child D offered a nursery place two mornings a week.',
    areaIds: ['area-outside-services'],
  }),
  rec('ev-new-seating-e', {
    date: '2026-02-25',
    caseId: 'case-e',
    memberId: OT,
    kind: 'intervention',
    description: 'New supportive seat delivered.',
    areaIds: ['area-seating-positioning'],
  }),
  rec('ev-swallow-assessment-b', {
    date: '2026-03-18',
    caseId: 'case-b',
    memberId: MGR,
    kind: 'assessment',
    description: 'Swallow assessment: thickened fluids advised.',
    areaIds: ['area-communication-feeding', 'area-nutrition', 'area-family-programme'],
  }),
  rec('ev-hospital-stay-a', {
    date: '2026-04-22',
    caseId: 'case-a',
    memberId: DOC,
    kind: 'incident',
    description: 'Child A admitted to hospital for three nights with a chest infection.',
    areaIds: ['area-medical-oversight', 'area-family-programme', 'area-hand-function'],
  }),
  rec('ev-housing-move-e', {
    date: '2026-05-20',
    caseId: 'case-e',
    memberId: FSW,
    kind: 'other',
    description: 'Family E moved to an adapted ground-floor flat.',
    areaIds: ['area-outside-services', 'area-family-wellbeing'],
  }),
  rec('ev-assessment-c', {
    date: '2026-06-10',
    caseId: 'case-c',
    memberId: DT2,
    kind: 'assessment',
    description: 'Six-monthly developmental assessment of Child C.',
    areaIds: ['area-family-programme'],
  }),
];

// ── Communications: dense, two-way, among everyone ───────────────────────────

const CHANNELS_IN = ['message', 'sharedRecord', 'meeting', 'phone', 'email', 'message'];
const CHANNELS_OUT = ['video', 'email', 'sharedRecord', 'phone', 'message'];
const TOPICS = [
  'Programme change',
  'Session notes',
  'Family update',
  'Equipment',
  'Review preparation',
  'Home visit',
  'Rota',
  'Feeding plan',
  'Hand targets',
  'School liaison',
];
const generated = [];
for (let i = 0; i < ALL.length; i++) {
  for (let j = i + 1; j < ALL.length; j++) {
    const a = ALL[i];
    const b = ALL[j];
    const both = FULL_TIME.includes(a) && FULL_TIME.includes(b);
    const n = both ? rng.int(12, 16) : rng.int(8, 11);
    for (let x = 0; x < n; x++) {
      // At least three each way, the rest either way.
      const [fromId, toId] = x < 3 ? [a, b] : x < 6 ? [b, a] : rng.chance(0.5) ? [a, b] : [b, a];
      const k = rng.pick(CASES);
      generated.push({
        date: randomWorkday(rng, FROM, '2026-06-29'),
        fromId,
        toIds: [toId],
        channel: rng.pick(both ? CHANNELS_IN : CHANNELS_OUT),
        caseId: caseId(k),
        topic: `${rng.pick(TOPICS)} (Child ${k.toUpperCase()})`,
        areaIds: [],
      });
    }
  }
}
// Tell every other member whose area (or need) an event touches, within one to three days.
const claimersOf = (areaId) => ALL.filter((m) => CLAIMS[m].includes(areaId));
const followUps = [];
for (const e of caseEvents) {
  const concerned = new Set();
  for (const a of e.areaIds) {
    for (const m of claimersOf(a)) concerned.add(m);
    for (const n of needs)
      if (n.caseId === e.caseId && n.areaId === a)
        for (const o of n.ownerMemberIds) concerned.add(o);
  }
  concerned.delete(e.memberId);
  for (const m of [...concerned].sort()) {
    followUps.push(
      rec(`comm-${e.id.slice(3)}-to-${m.slice(2)}`, {
        date: addDays(e.date, rng.int(0, 2)),
        fromId: e.memberId,
        toIds: [m],
        channel: 'message',
        caseId: e.caseId,
        topic: `Told: ${e.description}`,
        areaIds: e.areaIds,
      }),
    );
  }
}
generated.push({
  date: AS_OF,
  fromId: MGR,
  toIds: ALL.filter((m) => m !== MGR),
  channel: 'email',
  caseId: undefined,
  topic: 'End of term: programme days booked for the autumn',
  areaIds: [],
});
generated.sort(byDate);
const communications = [
  ...followUps,
  ...generated.map((c, i) => {
    const { caseId: cid, ...rest } = c;
    return rec(`comm-${String(i + 1).padStart(3, '0')}`, cid ? { ...rest, caseId: cid } : rest);
  }),
].sort(byDate);

// ── Decisions, referrals, policy ─────────────────────────────────────────────

const decisions = [];
const decide = (id, date, title, people, k) =>
  decisions.push(
    rec(id, {
      date,
      title,
      method: 'consensus',
      participantIds: people,
      affectedMemberIds: people,
      ...(k ? { caseId: caseId(k) } : {}),
    }),
  );
decide(
  'dec-seizure-plan-f',
  '2025-09-17',
  'Seizure plan for programme sessions, Child F',
  [DT3, DOC, MGR],
  'f',
);
decide(
  'dec-feeding-plan-c',
  '2025-11-26',
  'Add a high-calorie feeding plan to Child C’s programme',
  [DT2, DIET, MGR],
  'c',
);
decide(
  'dec-hand-work-split',
  '2026-01-14',
  'Confirm how hand work is shared between the OT and the developmental therapists',
  [OT, DTS, DT2, DT3, MGR],
);
decide(
  'dec-nursery-hours-d',
  '2026-01-28',
  'Fit Child D’s programme around nursery mornings',
  [DT2, FSW, MGR],
  'd',
);
decide(
  'dec-seating-programme-e',
  '2026-03-04',
  'Build the new seat into Child E’s programme',
  [DT3, OT],
  'e',
);
decide(
  'dec-thickened-fluids-b',
  '2026-03-18',
  'Thickened fluids throughout Child B’s programme',
  [MGR, DTS, DTA, DIET],
  'b',
);
decide(
  'dec-return-after-hospital-a',
  '2026-04-29',
  'Lighter programme for two weeks after Child A’s hospital stay',
  [DTS, DTA, DOC, OT],
  'a',
);
decide('dec-autumn-programme-days', '2026-06-24', 'Autumn programme-day calendar', ALL);

const referrals = [
  rec('ref-dt2-to-dietitian-c', {
    date: '2025-11-19',
    fromId: DT2,
    toId: DIET,
    caseId: 'case-c',
    reason: 'Weight loss since the last review.',
  }),
  rec('ref-dt3-to-ot-e', {
    date: '2025-07-09',
    fromId: DT3,
    toId: OT,
    caseId: 'case-e',
    reason: 'Needs a seating assessment.',
  }),
  rec('ref-dts-to-slt-b', {
    date: '2026-03-10',
    fromId: DTS,
    toId: MGR,
    caseId: 'case-b',
    reason: 'Coughing when drinking.',
  }),
  rec('ref-fsw-to-doctor-f', {
    date: '2025-08-20',
    fromId: FSW,
    toId: DOC,
    caseId: 'case-f',
    reason: 'School asks for a health care plan.',
  }),
  rec('ref-doctor-to-ot-a', {
    date: '2026-05-06',
    fromId: DOC,
    toId: OT,
    caseId: 'case-a',
    reason: 'Hand splint review after hospital stay.',
  }),
];

const policies = [
  rec('policy-brightsteps-holistic', {
    name: 'Brightsteps holistic programme approach',
    scope: 'agency',
    agencyIds: [CHARITY],
    description:
      'One programme per family, held by a developmental therapist, that every discipline feeds into.',
  }),
  rec('policy-send-code', {
    name: 'SEND code of practice',
    scope: 'national',
    agencyIds: [],
    description:
      'National guidance on support for children with special educational needs and disabilities.',
  }),
  rec('policy-secondment-agreement', {
    name: 'Secondment agreement between the trust and the charity',
    scope: 'local',
    agencyIds: [CHARITY, TRUST],
    description:
      'Sets the doctor’s and dietitian’s days at the centre and which line decides what.',
  }),
];
const policyInteractions = [
  rec('pi-secondment-supports-holistic', {
    policyIds: ['policy-secondment-agreement', 'policy-brightsteps-holistic'],
    effect: 'supports',
    description:
      'The seconded doctor and dietitian feed into the one programme instead of writing their own.',
    evidenceIds: ['dec-seizure-plan-f'],
  }),
  rec('pi-send-supports-holistic', {
    policyIds: ['policy-send-code', 'policy-brightsteps-holistic'],
    effect: 'supports',
    description: 'The code’s call for joined-up support fits the one-programme approach.',
    evidenceIds: [],
  }),
];
const adaptations = [
  rec('ad-one-report-per-child', {
    date: '2026-02-11',
    policyId: 'policy-send-code',
    kind: 'feedback',
    description:
      'The team asked local commissioners to accept one joint report per child, written together, in place of one report per discipline.',
    fedBackTo: 'Ashcombe children’s commissioning group',
  }),
  rec('ad-programme-as-provision', {
    date: '2025-10-15',
    policyId: 'policy-send-code',
    kind: 'interpretation',
    description:
      'The team reads the family programme as the child’s support plan and shares it with nurseries and schools.',
  }),
];
const agencyRelations = [
  rec('rel-brightsteps-trust', {
    agencyIds: [CHARITY, TRUST],
    protocol: true,
    pooledBudget: false,
    sharedPremises: true,
    yearsOfHistory: 6,
  }),
];
const meetings = [
  rec('mtg-weekly-team', {
    title: 'Weekly team meeting',
    frequency: 'weekly',
    startDate: '2019-04-03',
    endDate: null,
    participantIds: ALL,
  }),
  rec('mtg-monthly-review', {
    title: 'Monthly programme review',
    frequency: 'monthly',
    startDate: '2019-05-02',
    endDate: null,
    participantIds: ALL,
  }),
];

// ── Survey: two identified waves, six months apart ───────────────────────────

const waves = [
  rec('wave-autumn', {
    name: 'Autumn team survey',
    mode: 'identified',
    opensOn: '2025-11-10',
    closesOn: '2025-11-28',
    status: 'closed',
    instrumentVersion: '1.0.0',
  }),
  rec('wave-spring', {
    name: 'Spring team survey',
    mode: 'identified',
    opensOn: '2026-05-11',
    closesOn: '2026-05-29',
    status: 'closed',
    instrumentVersion: '1.0.0',
  }),
];
// Keyed values per item (after reverse scoring): high and close together.
const HIGH = [
  [4, 4, 4, 5, 5, 5, 5, 5, 5],
  [4, 4, 4, 4, 5, 5, 5, 5, 5],
  [3, 4, 4, 4, 4, 5, 5, 5, 5],
];
const SPECIAL = { RE2: [3, 3, 4, 4, 4, 4, 4, 5, 5], PO2: [3, 3, 3, 4, 4, 4, 4, 5, 5] };
const EARLIER = [
  [4, 4, 4, 4, 5, 5, 5, 5, 5],
  [3, 4, 4, 4, 4, 5, 5, 5, 5],
  [3, 4, 4, 4, 4, 4, 5, 5, 5],
];
const STANCE = {
  [MGR]: 2.0,
  [DTS]: 1.9,
  [DT2]: 1.5,
  [DT3]: 1.6,
  [DTA]: 0.8,
  [OT]: 1.2,
  [DOC]: 1.0,
  [DIET]: 0.6,
  [FSW]: 1.4,
};
const valuesFor = (set) => (item) =>
  SPECIAL[item.id] ?? set[SCALE_ITEMS.indexOf(item) % set.length];
const springAnswers = plannedAnswers(rng, SCALE_ITEMS, ALL, valuesFor(HIGH), (r) => STANCE[r]);
const autumnAnswers = plannedAnswers(rng, SCALE_ITEMS, ALL, valuesFor(EARLIER), (r) => STANCE[r]);

const frequency = (a, b) => (FULL_TIME.includes(a) && FULL_TIME.includes(b) ? 'daily' : 'weekly');
const contactsOf = (m, earlier) =>
  ALL.filter((t) => t !== m).map((t) => ({
    memberId: t,
    frequency: frequency(m, t),
    workingLevel: earlier && (m === DIET || t === DIET) ? 'collaboration' : 'coordination',
    roleUnderstanding: earlier && (m === DTA || t === DTA) ? 4 : 5,
    trust: 5,
    roleAreaIds: viewOf(m, t),
  }));
const responses = [];
ALL.forEach((m, i) => {
  const earlierGoal =
    m === DTA
      ? {
          choice: 'agency',
          goalId: 'goal-brightsteps-holistic',
          text: 'Help each child through one programme the family owns.',
        }
      : {
          choice: 'joint',
          goalId: JOINT,
          text: 'Each child takes the next step, with the family carrying the programme.',
        };
  responses.push(
    rec(`resp-autumn-${m.slice(2)}`, {
      waveId: 'wave-autumn',
      respondentMemberId: m,
      submittedAt: `2025-11-${String(11 + i).padStart(2, '0')}T14:${String(10 + i * 3).padStart(2, '0')}:00Z`,
      answers: autumnAnswers.get(m),
      goal: earlierGoal,
      namedLeadId: MGR,
      ownRoleAreaIds: CLAIMS[m],
      ownRoleText: CLAIM_TEXT[m],
      contacts: contactsOf(m, true),
    }),
  );
  responses.push(
    rec(`resp-spring-${m.slice(2)}`, {
      waveId: 'wave-spring',
      respondentMemberId: m,
      submittedAt: `2026-05-${String(12 + i).padStart(2, '0')}T10:${String(5 + i * 4).padStart(2, '0')}:00+01:00`,
      answers: springAnswers.get(m),
      goal: {
        choice: 'joint',
        goalId: JOINT,
        text: 'Each child takes the next step, with the family carrying the programme at home.',
      },
      namedLeadId: MGR,
      ownRoleAreaIds: CLAIMS[m],
      ownRoleText: CLAIM_TEXT[m],
      contacts: contactsOf(m, false),
    }),
  );
});

// ── Qualitative: an interview with the centre manager, coded to the model ────

const INTERVIEW = [
  'Interviewer: Could you describe the centre and your role in it?',
  'Manager: I manage the Brightsteps Family Centre and I’m also one of its speech and language therapists. We work with families of children who have a brain injury, some from birth and some acquired later. Most of my week is clinical; the rest is keeping the centre running.',
  'Interviewer: Who works here?',
  'Manager: Three developmental therapists and an assistant, who hold each family’s programme. Then what we call the consultants: an occupational therapist, me as the speech and language therapist, a doctor who is seconded to us from the community health trust one day a week, and a dietitian, also seconded. And our family support worker, who links the family to everything outside: school, social care, benefits, housing.',
  'Interviewer: How do all those roles fit together?',
  'Manager: We look at the child holistically. The developmental therapist holds the programme for that family; it sits at the centre, and the rest of us feed into it. If I want a child to work on chewing, it goes into the programme the developmental therapist writes, in the same words the family will read at home. The OT’s hand work goes in the same way. So the family gets one programme, not five.',
  'Interviewer: What happens when two of you want to do the same thing?',
  'Manager: It happens with hand function, mainly. Our senior developmental therapist does a lot of hand activities inside the programmes, and hand function is the OT’s area. We sat down and wrote it down: the OT designs the hand work and leads on it; the developmental therapist delivers it day to day and tells the OT what she sees. That’s recorded, and we look at it again when a child’s needs change.',
  'Interviewer: How do you make decisions?',
  'Manager: Together, almost always. Every Wednesday we have the team meeting, all of us, and the consultants come in person or on video. If we’re changing a child’s programme, everyone whose work it touches is in that conversation. As manager I could decide things on my own, and on staffing sometimes I do, but on a child’s programme it would be pointless, because the people who carry it out need to believe in it.',
  'Interviewer: Do you review your work together?',
  'Manager: Every month. Each family has a programme day where the whole team works with the child, and later in the month we review what has changed and rewrite the programme. Plan, do, review, round and round. It’s systematic; it isn’t something we do when we remember.',
  'Interviewer: You said staff need to believe in it.',
  'Manager: Yes. Staff trust that nobody here is working against anybody else. If the doctor says a child needs more rest, nobody thinks she’s undermining the programme; she’s part of it. People who don’t buy into this way of working don’t tend to stay. Everyone on the team now has been here more than four years.',
  'Interviewer: How do the seconded staff manage two employers?',
  'Manager: It’s written into the secondment agreement. On clinical matters the doctor answers to her clinical lead at the trust; on everything else she answers to me. It’s clear, and in practice it hasn’t caused a problem. Everyone here also feels accountable to the child and the family, more than to any of us.',
  'Interviewer: Is the funding secure?',
  'Manager: For now. We’re jointly funded: the charity raises about half, and the trust pays for the secondments and a contract that runs to March 2028. Every member of staff has protected time for the team meeting and the programme days, the consultants included. That protected time is the thing I would fight hardest to keep.',
  'Interviewer: Do you all share the same way of talking about a child?',
  'Manager: Mostly, because we built it together. When we say “next step” we all mean the next step in that child’s programme, not a test score. New staff learn the words in the old crèche room, which is now our programme room. It took years, mind 🧩.',
  'Interviewer: What do you feed back outside the centre?',
  'Manager: We’ve told the commissioners that one report per child, written together, saves everyone time. In the NHS it used to be that all the reports on a complex child went to one place and came back as one report, so everyone aimed the same way. We do that here as a matter of course, and we’d like the local services to do it with us.',
  'Interviewer: Is there anything that doesn’t work?',
  'Manager: Plenty of small things. Getting school staff to our review days is hard, and our family support worker spends a lot of time chasing. And the charity has no statutory duty for any of these children, so we depend on goodwill and contracts. But inside the team, I honestly think we’re as close to working as one as I’ve seen in twenty years.',
  'Interviewer: Thank you.',
  'Manager: Thank you for asking about it.',
].join('\n');

const SOURCE = 'src-interview-manager';
const QCASE = 'qcase-manager';
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
    'We look at the child holistically. The developmental therapist holds the programme for that family; it sits at the centre, and the rest of us feed into it.',
  ],
  ['process.teamReasoning.purposes', 'So the family gets one programme, not five.'],
  [
    'process.teamReasoning.roles',
    'We sat down and wrote it down: the OT designs the hand work and leads on it; the developmental therapist delivers it day to day and tells the OT what she sees.',
  ],
  [
    'process.teamReasoning.decisions',
    'If we’re changing a child’s programme, everyone whose work it touches is in that conversation.',
  ],
  [
    'local.leadership',
    'As manager I could decide things on my own, and on staffing sometimes I do, but on a child’s programme it would be pointless',
  ],
  [
    'process.jointActivities',
    'Plan, do, review, round and round. It’s systematic; it isn’t something we do when we remember.',
  ],
  [
    'process.continuity',
    'People who don’t buy into this way of working don’t tend to stay. Everyone on the team now has been here more than four years.',
  ],
  [
    'local.accountability',
    'On clinical matters the doctor answers to her clinical lead at the trust; on everything else she answers to me.',
  ],
  [
    'local.resourcing',
    'Every member of staff has protected time for the team meeting and the programme days, the consultants included.',
  ],
  [
    'local.knowledge',
    'When we say “next step” we all mean the next step in that child’s programme, not a test score.',
  ],
  [
    'policy.feedback',
    'We’ve told the commissioners that one report per child, written together, saves everyone time.',
  ],
  [
    'policy.structures',
    'And the charity has no statutory duty for any of these children, so we depend on goodwill and contracts.',
  ],
];
const codings = CODINGS.map(([element, excerpt], i) =>
  rec(`coding-manager-${String(i + 1).padStart(2, '0')}`, {
    sourceId: SOURCE,
    codeId: codeId(element),
    coderId: CODER,
    ...span(INTERVIEW, excerpt),
  }),
);
const qualitative = {
  sources: [
    rec(SOURCE, {
      title: 'Interview with Centre Manager and SLT Wren Ashdown (fictional)',
      kind: 'interview',
      date: '2026-06-10',
      format: 'text',
      text: INTERVIEW,
      participantCaseIds: [QCASE],
      turns: turnsOf(INTERVIEW, {
        Interviewer: { speaker: 'Interviewer' },
        Manager: { speaker: 'Manager', caseId: QCASE },
      }),
    }),
  ],
  codes,
  coders: [rec(CODER, { name: 'Sample coder (fictional)' })],
  codings,
  memos: [
    rec('memo-manager-interview', {
      target: { kind: 'source', id: SOURCE },
      text: 'Both parts of team reasoning are present: members prefer the group’s outcome and do their share of one plan. The centre selects for it: those who do not buy in leave.',
    }),
  ],
  attributes: [
    { name: 'profession', type: 'text' },
    { name: 'yearsInRole', type: 'number' },
  ],
  cases: [
    rec(QCASE, {
      name: 'Centre Manager and SLT Wren Ashdown',
      memberId: MGR,
      agencyId: CHARITY,
      attributes: { profession: 'Speech and language therapist', yearsInRole: 7 },
    }),
  ],
};

// ── The document ─────────────────────────────────────────────────────────────

const doc = {
  schemaVersion: 1,
  collaboration: {
    id: 'charity-brightsteps',
    name: 'Brightsteps Family Centre team',
    description:
      'FICTIONAL SAMPLE DATA. A co-located charity team for families of brain-injured children, with strong team reasoning, built from the situations in Rose (2007). Every person, child and organisation is invented.',
    fictional: true,
    teamForm: 'structuredTeam',
    startDate: '2019-04-01',
    plannedEndDate: null,
    meantToLast: true,
    boundedness: { aims: 'defined', resourcing: 'defined', time: 'defined' },
    leadMemberId: MGR,
    fundingModel: 'jointFunding',
    fundingEndDate: '2028-03-31',
    coLocated: true,
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
  withheldInformation: [],
  policies,
  policyInteractions,
  adaptations,
  agencyRelations,
  meetings,
  waves,
  responses,
  qualitative,
};

const latest = [...communications, ...activities]
  .map((r) => r.date)
  .sort()
  .at(-1);
if (latest !== AS_OF) throw new Error(`last record is ${latest}, expected ${AS_OF}`);
console.log(`wrote ${writeDocument('charity-team.json', doc)}`);
