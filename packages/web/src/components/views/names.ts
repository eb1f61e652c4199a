import type { CollaborationDocument, Diagnosis } from '@weframe/core';

/** Names of the things a view mentions by id: members, agencies, professions, areas, goals. */
export interface Names {
  readonly member: (id: string) => string;
  readonly agency: (id: string) => string;
  readonly profession: (id: string) => string;
  readonly area: (id: string) => string;
  readonly goal: (id: string) => string;
  readonly policy: (id: string) => string;
  /** The agency a member belongs to, when known. */
  readonly agencyOfMember: (id: string) => string | null;
}

/**
 * Looks names up in the diagnosis (members in post, every agency, areas, goals) and, when the
 * user may read it, the record (members who left, every profession, policies). An id nobody
 * names is shown as it is.
 */
export function namesOf(
  diagnosis: Pick<Diagnosis, 'networks' | 'roleMap' | 'goalAlignment'> | null,
  record: Partial<
    Pick<
      CollaborationDocument,
      'members' | 'agencies' | 'professions' | 'responsibilityAreas' | 'goals' | 'policies'
    >
  > | null = null,
): Names {
  const members = new Map<string, string>();
  const memberAgency = new Map<string, string>();
  const agencies = new Map<string, string>();
  const professions = new Map<string, string>();
  const areas = new Map<string, string>();
  const goals = new Map<string, string>();
  const policies = new Map<string, string>();
  if (record) {
    for (const m of record.members ?? []) {
      members.set(m.id, m.displayName);
      memberAgency.set(m.id, m.agencyId);
    }
    for (const a of record.agencies ?? []) agencies.set(a.id, a.name);
    for (const p of record.professions ?? []) professions.set(p.id, p.name);
    for (const a of record.responsibilityAreas ?? []) areas.set(a.id, a.name);
    for (const g of record.goals ?? []) goals.set(g.id, g.statement);
    for (const p of record.policies ?? []) policies.set(p.id, p.name);
  }
  if (diagnosis) {
    for (const n of diagnosis.networks.interProfessional.nodes) {
      members.set(n.id, n.label);
      memberAgency.set(n.id, n.group);
      agencies.set(n.group, n.groupLabel);
      if (n.profession && n.professionLabel && !professions.has(n.profession))
        professions.set(n.profession, n.professionLabel);
    }
    for (const n of diagnosis.networks.interAgency.nodes) agencies.set(n.id, n.label);
    for (const a of diagnosis.roleMap.areas) areas.set(a.id, a.name);
    for (const g of diagnosis.goalAlignment.jointGoals) goals.set(g.id, g.statement);
    for (const g of diagnosis.goalAlignment.goals) goals.set(g.id, g.statement);
  }
  const from = (map: ReadonlyMap<string, string>) => (id: string) => map.get(id) ?? id;
  return {
    member: from(members),
    agency: from(agencies),
    profession: from(professions),
    area: from(areas),
    goal: from(goals),
    policy: from(policies),
    agencyOfMember: (id) => memberAgency.get(id) ?? null,
  };
}

/** "A, B and C". */
export function listed(items: readonly string[], none = 'none'): string {
  if (items.length === 0) return none;
  if (items.length === 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
