import type { CollaborationDocumentInput } from '@weframe/core';

type Input = CollaborationDocumentInput;
type Item<K extends keyof Input> = NonNullable<Input[K]> extends readonly (infer T)[] ? T : never;

const TRANSCRIPT = [
  'Interviewer: How do you work with the school? 🙂',
  'OT: Honestly — we share the plan, but the fine-motor work is “nobody’s job”. 🤝',
  'OT: Ça dépend du jour; 学校 and health rarely meet. Zoë’s file stays with us. 👩🏽‍⚕️',
].join('\n');

/**
 * A fictional document with at least one record in every collection (two or more in
 * most), confidential records, every optional field somewhere, and text in several
 * scripts with emoji; `overrides` replace whole top-level keys.
 */
export function buildRichDocument(overrides: Partial<Input> = {}): Input {
  return {
    schemaVersion: 1,
    collaboration: {
      id: 'collab-rich',
      name: 'Team around Zoë — Ashby 🌱',
      description: 'Fictional. Équipe pluri-professionnelle; 多机构合作; فريق متعدد الوكالات.',
      fictional: true,
      teamForm: 'looseNetwork',
      startDate: '2024-09-02',
      plannedEndDate: '2026-07-31',
      meantToLast: false,
      boundedness: { aims: 'partly', resourcing: 'open', time: 'defined' },
      leadMemberId: 'm-sw',
      fundingModel: 'pooledBudget',
      fundingEndDate: '2026-03-31',
      coLocated: false,
      outcomeFrameworkId: 'fw-local',
      version: 4,
    },
    outcomeFrameworks: [
      {
        id: 'fw-local',
        name: 'Ashby outcomes',
        outcomes: [
          { id: 'fw-local.home', label: 'Safe at home 🏠' },
          { id: 'fw-local.learning', label: 'Learning and friendships' },
        ],
      },
    ],
    agencies: [
      buildAgency({ id: 'ag-school', name: 'Ashby High School', sector: 'education' }),
      buildAgency({
        id: 'ag-nhs',
        name: 'Ashby NHS Trust',
        sector: 'health',
        statutoryBasis: 'Children Act 2004 s.10',
        author: 'facilitator@example.org',
        version: 2,
      }),
      buildAgency({ id: 'ag-yot', name: 'Youth Offending Team', sector: 'youthJustice' }),
    ],
    professions: [
      {
        id: 'pr-teacher',
        name: 'Teacher',
        regulator: 'TRA',
        codeOfPractice: 'Teachers’ Standards',
      },
      {
        id: 'pr-ot',
        name: 'Occupational therapist',
        regulator: 'HCPC',
        constraints: [
          {
            id: 'cn-consent',
            description: 'Shares clinical notes only with consent.',
            limits: 'sharing',
          },
        ],
      },
      { id: 'pr-sw', name: 'Social worker', regulator: 'Social Work England' },
    ],
    members: [
      buildMember({
        id: 'm-sw',
        displayName: 'Ngozi Adébáyọ̀',
        agencyId: 'ag-yot',
        professionId: 'pr-sw',
        statusLevel: 4,
        membershipMode: 'seconded',
        accountability: [
          { to: 'YOT manager', kind: 'lineManagement', agencyId: 'ag-yot' },
          { to: 'Panel chair', kind: 'collaboration' },
        ],
        accountabilityPrecedence: 'line management wins on risk',
        coLocated: true,
      }),
      buildMember({
        id: 'm-ot',
        displayName: 'Zoë Ørsted 🧩',
        agencyId: 'ag-nhs',
        professionId: 'pr-ot',
        endDate: '2025-12-19',
        confidentialTo: 'ag-nhs',
      }),
      buildMember({ id: 'm-teacher', displayName: '李老师', agencyId: 'ag-school' }),
    ],
    goals: [
      {
        id: 'g-joint',
        level: 'joint',
        statement: 'Zoë stays in school and feels safe 🏫',
        agreed: true,
        agreedOn: '2024-10-01',
        outcomes: ['fw-local.home', 'fw-local.learning'],
        links: [{ goalId: 'g-school', relation: 'conflicts', note: 'exclusion targets' }],
        responsibleMemberIds: ['m-sw', 'm-teacher'],
      },
      {
        id: 'g-school',
        level: 'agency',
        agencyId: 'ag-school',
        statement: 'Reduce fixed-term exclusions',
        links: [{ goalId: 'g-joint', relation: 'supports', resolved: true }],
      },
      {
        id: 'g-ot',
        level: 'professional',
        professionId: 'pr-ot',
        memberId: 'm-ot',
        statement: 'Improve handwriting speed',
      },
    ],
    cases: [
      { id: 'case-a', pseudonym: 'Child A', openedOn: '2024-09-02' },
      { id: 'case-fam', pseudonym: 'Family B', kind: 'family', closedOn: null },
    ],
    needs: [
      {
        id: 'need-motor',
        caseId: 'case-a',
        description: 'Fine-motor support — nobody owns it',
        areaId: 'area-motor',
      },
      { id: 'need-attend', description: 'Attendance', ownerMemberIds: ['m-teacher'] },
    ],
    responsibilityAreas: [
      { id: 'area-motor', name: 'Fine motor skills', description: 'Handwriting, cutlery' },
      { id: 'area-risk', name: 'Risk management', agreedLeadMemberId: 'm-sw' },
    ],
    roleClaims: [
      { id: 'rc-1', memberId: 'm-ot', areaIds: ['area-motor'], statement: 'Clinic only' },
      { id: 'rc-2', memberId: 'm-teacher', areaIds: ['area-motor'], source: 'survey' },
    ],
    rolePerceptions: [
      {
        id: 'rp-1',
        perceiverId: 'm-teacher',
        targetId: 'm-ot',
        areaIds: ['area-motor'],
        source: 'interview',
      },
    ],
    activities: [
      {
        id: 'act-1',
        date: '2024-10-01',
        title: 'Team around the child meeting',
        phase: 'planning',
        kind: 'meeting',
        participantIds: ['m-sw', 'm-ot', 'm-teacher'],
        caseId: 'case-a',
        areaIds: ['area-risk'],
        goalIds: ['g-joint'],
      },
      {
        id: 'act-2',
        date: '2024-11-12',
        title: 'Joint home visit',
        phase: 'doing',
        kind: 'visit',
        participantIds: ['m-sw'],
        author: 'm-sw',
      },
    ],
    communications: [
      {
        id: 'comm-1',
        date: '2024-10-02',
        fromId: 'm-sw',
        toIds: ['m-ot', 'm-teacher'],
        channel: 'email',
        topic: 'Minutes 📝',
      },
      {
        id: 'comm-2',
        date: '2024-10-03',
        fromId: 'm-ot',
        toIds: ['m-sw'],
        channel: 'phone',
        caseId: 'case-a',
        areaIds: ['area-motor'],
        confidentialTo: 'ag-nhs',
      },
      { id: 'comm-3', date: '2024-10-04', fromId: 'm-teacher', toIds: ['m-sw'], channel: 'letter' },
    ],
    caseEvents: [
      {
        id: 'ce-1',
        date: '2024-11-20',
        caseId: 'case-a',
        memberId: 'm-sw',
        kind: 'offence',
        description: 'Arrest; school not told',
        confidentialTo: 'ag-yot',
      },
    ],
    decisions: [
      {
        id: 'dec-1',
        date: '2024-10-01',
        title: 'Who leads on risk',
        method: 'consensus',
        participantIds: ['m-sw', 'm-ot'],
        affectedMemberIds: ['m-teacher'],
        caseId: 'case-a',
      },
      {
        id: 'dec-2',
        date: '2024-12-01',
        title: 'Exclusion',
        method: 'agencyUnilateral',
        decidingAgencyId: 'ag-school',
      },
    ],
    referrals: [
      {
        id: 'ref-1',
        date: '2024-09-15',
        fromId: 'm-teacher',
        toId: 'm-ot',
        caseId: 'case-a',
        reason: 'Handwriting',
      },
    ],
    coordinatingRecords: [
      {
        id: 'cr-1',
        date: '2024-10-10',
        kind: 'gap',
        areaId: 'area-motor',
        memberIds: ['m-ot', 'm-teacher'],
        resolution: 'OT to brief the teaching assistant',
      },
    ],
    withheldInformation: [
      {
        id: 'wi-1',
        date: '2024-11-21',
        holderId: 'm-ot',
        withheldFromIds: ['m-teacher'],
        caseId: 'case-a',
        rule: {
          kind: 'professionConstraint',
          professionId: 'pr-ot',
          constraintId: 'cn-consent',
        },
        description: 'Clinical notes',
      },
    ],
    policies: [
      { id: 'pol-excl', name: 'Exclusion policy', scope: 'agency', agencyIds: ['ag-school'] },
      { id: 'pol-inc', name: 'Inclusion strategy', scope: 'local', description: 'Keep in school' },
    ],
    policyInteractions: [
      {
        id: 'pi-1',
        policyIds: ['pol-excl', 'pol-inc'],
        effect: 'conflicts',
        evidenceIds: ['dec-2'],
      },
    ],
    adaptations: [
      {
        id: 'ad-1',
        date: '2025-01-10',
        policyId: 'pol-excl',
        kind: 'feedback',
        description: 'Asked the head to count managed moves separately',
        fedBackTo: 'Head teacher',
      },
    ],
    agencyRelations: [
      {
        id: 'rel-1',
        agencyIds: ['ag-school', 'ag-nhs'],
        protocol: true,
        sharedPremises: true,
        yearsOfHistory: 7.5,
      },
    ],
    meetings: [
      {
        id: 'meet-1',
        title: 'TAC review',
        frequency: 'monthly',
        startDate: '2024-10-01',
        endDate: '2025-10-01',
        participantIds: ['m-sw', 'm-ot', 'm-teacher'],
      },
    ],
    surveyItems: [
      {
        id: 'X-ashby-1',
        element: 'local.knowledge',
        wording: 'I know where to find the team’s shared plan. 📁',
        reverseKeyed: true,
      },
    ],
    waves: [
      { id: 'wave-1', name: 'Autumn 2024', mode: 'identified', opensOn: '2024-11-01' },
      {
        id: 'wave-2',
        name: 'Spring 2025',
        mode: 'anonymous',
        opensOn: '2025-03-01',
        closesOn: '2025-03-21',
        status: 'closed',
      },
    ],
    responses: [
      {
        id: 'resp-1',
        waveId: 'wave-1',
        respondentMemberId: 'm-ot',
        submittedAt: '2024-11-03T09:15:00+00:00',
        answers: { TR1: 4, TR4: 2, PU1: 'dontKnow', PU3: null, 'X-ashby-1': 5 },
        goal: { choice: 'joint', goalId: 'g-joint', text: 'Keep her in school ✏️' },
        namedLeadId: 'm-sw',
        ownRoleAreaIds: ['area-motor'],
        ownRoleText: 'Assess and advise',
        contacts: [
          {
            memberId: 'm-sw',
            frequency: 'weekly',
            workingLevel: 'collaboration',
            roleUnderstanding: 4,
            trust: 5,
            roleAreaIds: ['area-risk'],
          },
          { memberId: 'm-teacher', frequency: 'rarely', workingLevel: 'cooperation' },
        ],
      },
      {
        id: 'resp-2',
        waveId: 'wave-2',
        submittedAt: '2025-03-05T17:00:00Z',
        answers: { TR1: 5, PU1: 3 },
      },
    ],
    qualitative: {
      sources: [
        {
          id: 'src-1',
          title: 'Interview with the OT 🎙️',
          kind: 'interview',
          date: '2025-02-01',
          format: 'markdown',
          text: TRANSCRIPT,
          participantCaseIds: ['qc-ot'],
          turns: [{ speaker: 'OT', caseId: 'qc-ot', start: 48, end: 120 }],
          confidentialTo: 'ag-nhs',
        },
        { id: 'src-2', title: 'Meeting notes', kind: 'document', text: 'Agreed: review in March.' },
      ],
      codes: [
        { id: 'code-roles', name: 'Roles', elementId: 'local.roles', color: '#aa3300' },
        {
          id: 'code-gap',
          name: 'Gap — “nobody’s job”',
          parentId: 'code-roles',
          description: 'A need no one owns',
        },
      ],
      coders: [
        { id: 'coder-1', name: 'Researcher Ann' },
        { id: 'coder-2', name: 'Researcher Bø' },
      ],
      codings: [
        {
          id: 'cod-1',
          sourceId: 'src-1',
          codeId: 'code-gap',
          coderId: 'coder-1',
          start: 60,
          end: 125,
        },
        {
          id: 'cod-2',
          sourceId: 'src-1',
          codeId: 'code-gap',
          coderId: 'coder-2',
          start: 58,
          end: 126,
          memo: 'Wider span 🔍',
        },
      ],
      memos: [
        { id: 'memo-1', target: { kind: 'code', id: 'code-gap' }, text: 'Split later?' },
        { id: 'memo-2', target: { kind: 'collaboration', id: 'collab-rich' }, text: 'Overall 👍' },
      ],
      attributes: [
        { name: 'Years in post', type: 'number' },
        { name: 'Profession', type: 'text' },
        { name: 'Trained jointly', type: 'boolean' },
        { name: 'Joined', type: 'date' },
      ],
      cases: [
        {
          id: 'qc-ot',
          name: 'OT (participant)',
          memberId: 'm-ot',
          agencyId: 'ag-nhs',
          attributes: {
            'Years in post': 6,
            Profession: 'Occupational therapist',
            'Trained jointly': false,
            Joined: '2019-04-01',
          },
        },
        { id: 'qc-teacher', name: 'Teacher', attributes: { 'Years in post': null } },
      ],
    },
    ...overrides,
  };
}

/** The rich document with `count` extra communications, for batching and order tests. */
export function buildDocumentWithCommunications(count: number): Input {
  const members = ['m-sw', 'm-ot', 'm-teacher'] as const;
  return buildRichDocument({
    communications: Array.from({ length: count }, (_, i) => ({
      id: `comm-${String(i).padStart(6, '0')}`,
      date: '2025-01-01',
      fromId: members[i % 3] ?? 'm-sw',
      toIds: [members[(i + 1) % 3] ?? 'm-ot'],
      channel: 'message',
      topic: `Message ${count - i}`,
    })),
  });
}

/** A small valid document: one agency, one profession, one member; overrides as above. */
export function buildSmallDocument(overrides: Partial<Input> = {}): Input {
  return {
    schemaVersion: 1,
    collaboration: {
      id: 'collab-small',
      name: 'Small team',
      teamForm: 'structuredTeam',
      startDate: '2025-01-06',
      boundedness: { aims: 'defined', resourcing: 'defined', time: 'open' },
      fundingModel: 'jointFunding',
    },
    agencies: [buildAgency({ id: 'ag-charity', name: 'Harbour Trust', sector: 'voluntary' })],
    professions: [{ id: 'pr-youth', name: 'Youth worker' }],
    members: [
      buildMember({
        id: 'm-sam',
        displayName: 'Sam',
        agencyId: 'ag-charity',
        professionId: 'pr-youth',
      }),
    ],
    ...overrides,
  };
}

/** An agency with sensible defaults. */
export function buildAgency(overrides: Partial<Item<'agencies'>> = {}): Item<'agencies'> {
  return {
    id: 'ag-x',
    name: 'Agency X',
    sector: 'other',
    statutoryDutyForJointAim: true,
    ...overrides,
  };
}

/** A member with sensible defaults. */
export function buildMember(overrides: Partial<Item<'members'>> = {}): Item<'members'> {
  return {
    id: 'm-x',
    displayName: `Member ${overrides.id ?? 'x'}`,
    professionId: 'pr-teacher',
    agencyId: 'ag-school',
    statusLevel: 3,
    multiAgencyTraining: true,
    priorMultiAgencyExperience: false,
    membershipMode: 'solelyInTeam',
    dedicatedHoursPerWeek: 7.5,
    startDate: '2024-09-02',
    ...overrides,
  };
}
