import type { CollaborationDocumentInput } from '../document/schema.js';
import { CURRENT_SCHEMA_VERSION } from '../document/schema.js';
import { ELEMENT_IDS } from '../model/elements.js';
import { SCALE_ITEMS, CONTACT_FREQUENCIES } from '../survey/instrument.js';
import { FROST_LEVELS } from '../model/taxonomies.js';
import { mulberry32 } from '../network/random-network.js';
import { addDays } from '../analysis/dates.js';

/** Sizes of a synthetic collaboration. */
export interface SyntheticOptions {
  readonly members: number;
  readonly agencies: number;
  readonly communications: number;
  readonly waves: number;
  readonly respondents: number;
  readonly items: number;
  readonly segments: number;
  readonly seed: number;
}

/** The large case of PRODUCT.md's quality targets. */
export const LARGE_CASE: SyntheticOptions = {
  members: 200,
  agencies: 40,
  communications: 100_000,
  waves: 3,
  respondents: 200,
  items: 60,
  segments: 5_000,
  seed: 1,
};

const SECTORS = [
  'education',
  'health',
  'socialCare',
  'youth',
  'youthJustice',
  'police',
  'voluntary',
  'localAuthority',
] as const;
const PROFESSIONS = [
  'Social worker',
  'Teacher',
  'Educational psychologist',
  'Occupational therapist',
  'Speech and language therapist',
  'School nurse',
  'Youth worker',
  'Police officer',
  'Paediatrician',
  'Family support worker',
  'Youth offending team worker',
  'Personal adviser',
];
const WORDS =
  'we plan review the child family school agreed goal meeting told phone team role share information referral lead budget time policy target confidential support together overlap gap trust decision report'.split(
    ' ',
  );
const START = '2023-01-02';
const SPAN_DAYS = 1000;

/**
 * A valid synthetic collaboration document of the requested size, for benchmarks and load
 * tests. Deterministic: the same options always give the same document. Everything in it is
 * invented and marked fictional.
 */
export function syntheticDocument(o: SyntheticOptions): CollaborationDocumentInput {
  if (o.members < 1 || o.agencies < 1)
    throw new RangeError('need at least one member and one agency');
  if (o.respondents > o.members) throw new RangeError('respondents cannot outnumber members');
  const rnd = mulberry32(o.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const day = (from = 0, span = SPAN_DAYS) => addDays(START, from + int(span));

  const agencies = Array.from({ length: o.agencies }, (_, i) => ({
    id: `ag-${i}`,
    name: `Agency ${i + 1}`,
    sector: SECTORS[i % SECTORS.length] as (typeof SECTORS)[number],
    statutoryDutyForJointAim: rnd() < 0.8,
    author: 'generator',
  }));
  const professions = PROFESSIONS.map((name, i) => ({
    id: `pr-${i}`,
    name,
    regulator: i % 3 === 0 ? 'Regulator' : null,
    constraints:
      i === 0
        ? [{ id: `pr-${i}-c`, description: 'Limits on sharing', limits: 'sharing' as const }]
        : [],
  }));
  const members = Array.from({ length: o.members }, (_, i) => {
    const left = i % 10 === 9;
    const startDate = day(0, 200);
    return {
      id: `m-${i}`,
      displayName: `Member ${i + 1}`,
      professionId: pick(professions).id,
      agencyId: `ag-${i % o.agencies}`,
      statusLevel: 1 + int(5),
      multiAgencyTraining: rnd() < 0.5,
      priorMultiAgencyExperience: rnd() < 0.6,
      membershipMode: pick(['solelyInTeam', 'seconded', 'adHoc'] as const),
      dedicatedHoursPerWeek: int(10),
      startDate,
      endDate: left ? addDays(startDate, 300 + int(500)) : null,
      accountability: [{ to: 'Line manager', kind: 'lineManagement' as const }],
    };
  });
  const memberIds = members.map((m) => m.id);
  const areas = Array.from({ length: 20 }, (_, i) => ({
    id: `area-${i}`,
    name: `Area ${i + 1}`,
    agreedLeadMemberId: rnd() < 0.5 ? pick(memberIds) : null,
  }));
  const areaIds = areas.map((a) => a.id);
  const someAreas = () => [...new Set(Array.from({ length: 1 + int(3) }, () => pick(areaIds)))];
  const cases = Array.from({ length: 50 }, (_, i) => ({
    id: `case-${i}`,
    pseudonym: `Young person ${i + 1}`,
  }));
  const goals = [
    {
      id: 'goal-joint',
      level: 'joint' as const,
      statement: 'Improve outcomes together',
      agreed: true,
    },
    ...agencies.map((a, i) => ({
      id: `goal-${a.id}`,
      level: 'agency' as const,
      agencyId: a.id,
      statement: `Goals of ${a.name}`,
      links: [
        {
          goalId: 'goal-joint',
          relation: i % 7 === 0 ? ('conflicts' as const) : ('supports' as const),
        },
      ],
    })),
  ];
  const communications = Array.from({ length: o.communications }, (_, i) => {
    const from = pick(memberIds);
    const to = [...new Set(Array.from({ length: 1 + int(2) }, () => pick(memberIds)))];
    return {
      id: `c-${i}`,
      date: day(),
      fromId: from,
      toIds: to,
      channel: pick(['email', 'phone', 'meeting', 'message'] as const),
      caseId: rnd() < 0.3 ? pick(cases).id : undefined,
    };
  });
  const activities = Array.from({ length: Math.max(10, o.members * 3) }, (_, i) => ({
    id: `act-${i}`,
    date: day(),
    title: `Joint activity ${i + 1}`,
    phase: pick(['planning', 'doing', 'reviewing'] as const),
    kind: pick(['meeting', 'assessment', 'intervention', 'review'] as const),
    participantIds: [...new Set(Array.from({ length: 2 + int(4) }, () => pick(memberIds)))],
    caseId: pick(cases).id,
    areaIds: someAreas(),
    goalIds: rnd() < 0.5 ? ['goal-joint'] : [],
  }));
  const extraCount = Math.max(0, o.items - SCALE_ITEMS.length);
  const surveyItems = Array.from({ length: extraCount }, (_, i) => ({
    id: `X${i + 1}`,
    element: ELEMENT_IDS[i % ELEMENT_IDS.length] as (typeof ELEMENT_IDS)[number],
    wording: `Additional item ${i + 1}`,
    reverseKeyed: i % 5 === 0,
  }));
  const itemIds = [...SCALE_ITEMS.map((i) => i.id), ...surveyItems.map((i) => i.id)].slice(
    0,
    o.items,
  );
  const waves = Array.from({ length: o.waves }, (_, w) => ({
    id: `wave-${w + 1}`,
    name: `Wave ${w + 1}`,
    mode: 'identified' as const,
    opensOn: addDays(START, 300 + w * 200),
    status: 'closed' as const,
  }));
  const responses = waves
    .flatMap((wave, w) =>
      Array.from({ length: o.respondents }, (_, r) => {
        const base = 2 + int(3);
        return {
          id: `resp-${w}-${r}`,
          waveId: wave.id,
          respondentMemberId: memberIds[r] ?? null,
          submittedAt: `${addDays(wave.opensOn, int(14))}T10:00:00Z`,
          answers: Object.fromEntries(
            itemIds.map((id) => [
              id,
              rnd() < 0.03 ? 'dontKnow' : Math.min(5, Math.max(1, base + int(3) - 1)),
            ]),
          ),
          goal: {
            choice: pick(['joint', 'joint', 'agency', 'other'] as const),
            goalId: 'goal-joint',
          },
          namedLeadId: memberIds[0] ?? null,
          ownRoleAreaIds: someAreas(),
          contacts: [...new Set(Array.from({ length: 5 }, () => pick(memberIds)))]
            .filter((id) => id !== memberIds[r])
            .map((memberId) => ({
              memberId,
              frequency: pick(CONTACT_FREQUENCIES.map((f) => f.id)),
              workingLevel: pick(FROST_LEVELS.slice(1)),
              roleUnderstanding: 1 + int(5),
              trust: 1 + int(5),
              roleAreaIds: someAreas(),
            })),
        };
      }),
    )
    .map((r) => (r.goal.choice === 'joint' ? r : { ...r, goal: { choice: r.goal.choice } }));

  const sourceCount = Math.max(1, Math.ceil(o.segments / 100));
  const sources = Array.from({ length: sourceCount }, (_, i) => {
    const text = Array.from({ length: 3000 }, () => pick(WORDS)).join(' ');
    return { id: `src-${i}`, title: `Interview ${i + 1}`, kind: 'interview' as const, text };
  });
  const codes = ELEMENT_IDS.map((id) => ({ id: `code-${id}`, name: id, elementId: id }));
  const coders = [
    { id: 'coder-1', name: 'Coder one' },
    { id: 'coder-2', name: 'Coder two' },
  ];
  const codings = Array.from({ length: o.segments }, (_, i) => {
    const source = sources[i % sourceCount];
    const length = source ? source.text.length : 0;
    const start = int(Math.max(1, length - 200));
    return {
      id: `seg-${i}`,
      sourceId: source?.id ?? 'src-0',
      codeId: pick(codes).id,
      coderId: pick(coders).id,
      start,
      end: Math.min(length, start + 20 + int(180)),
    };
  });

  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    collaboration: {
      id: `synthetic-${o.seed}`,
      name: `Synthetic collaboration (seed ${o.seed})`,
      description: 'Generated data for benchmarks; entirely fictional.',
      fictional: true,
      teamForm: 'caseTeam',
      startDate: START,
      boundedness: { aims: 'partly', resourcing: 'partly', time: 'open' },
      leadMemberId: memberIds[0] ?? null,
      fundingModel: 'jointFunding',
    },
    agencies,
    professions,
    members,
    goals,
    cases,
    needs: cases.map((c, i) => ({
      id: `need-${i}`,
      caseId: c.id,
      description: `Need ${i + 1}`,
      ownerMemberIds: rnd() < 0.9 ? [pick(memberIds)] : [],
    })),
    responsibilityAreas: areas,
    roleClaims: members.map((m) => ({ id: `claim-${m.id}`, memberId: m.id, areaIds: someAreas() })),
    rolePerceptions: members.flatMap((m, i) =>
      Array.from({ length: 3 }, (_, k) => ({
        id: `perc-${i}-${k}`,
        perceiverId: m.id,
        targetId: pick(
          memberIds.filter((x) => x !== m.id).length
            ? memberIds.filter((x) => x !== m.id)
            : memberIds,
        ),
        areaIds: someAreas(),
      })),
    ),
    activities,
    communications,
    caseEvents: Array.from({ length: 1000 }, (_, i) => ({
      id: `ev-${i}`,
      date: day(),
      caseId: pick(cases).id,
      memberId: pick(memberIds),
      kind: pick(['assessment', 'intervention', 'incident'] as const),
      areaIds: someAreas(),
    })),
    decisions: Array.from({ length: 100 }, (_, i) => ({
      id: `dec-${i}`,
      date: day(),
      title: `Decision ${i + 1}`,
      method: pick(['consensus', 'leadDecides', 'agencyUnilateral'] as const),
      decidingAgencyId: pick(agencies).id,
      participantIds: [pick(memberIds)],
      affectedMemberIds: [pick(memberIds), pick(memberIds)],
    })),
    referrals: Array.from({ length: 300 }, (_, i) => ({
      id: `ref-${i}`,
      date: day(),
      fromId: pick(memberIds),
      toId: pick(memberIds),
      caseId: pick(cases).id,
    })),
    coordinatingRecords: Array.from({ length: 20 }, (_, i) => ({
      id: `coord-${i}`,
      date: day(),
      kind: pick(['overlap', 'duplication', 'gap'] as const),
      areaId: pick(areaIds),
      memberIds: [pick(memberIds), pick(memberIds)],
      resolution: 'Agreed who leads',
    })),
    policies: [
      { id: 'pol-1', name: 'Confidentiality policy', scope: 'agency' as const },
      { id: 'pol-2', name: 'Duty to report', scope: 'national' as const },
    ],
    policyInteractions: [
      { id: 'pi-1', policyIds: ['pol-1', 'pol-2'], effect: 'conflicts' as const },
    ],
    agencyRelations: agencies.slice(1).map((a, i) => ({
      id: `rel-${i}`,
      agencyIds: ['ag-0', a.id],
      protocol: rnd() < 0.5,
      yearsOfHistory: int(10),
    })),
    surveyItems,
    waves,
    responses,
    qualitative: { sources, codes, coders, codings },
  } as CollaborationDocumentInput;
}
