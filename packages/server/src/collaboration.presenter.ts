import type { VisibleSummary } from './collaboration.service.js';

/** Names every field of a collaboration summary that leaves the server. */
export function presentSummary(s: VisibleSummary) {
  return {
    id: s.id,
    docId: s.docId,
    name: s.name,
    teamForm: s.teamForm,
    fictional: s.fictional,
    memberCount: s.memberCount,
    agencyCount: s.agencyCount,
    members: s.members.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      agencyName: m.agencyName,
      professionName: m.professionName,
    })),
    agencies: s.agencies.map((a) => ({ id: a.id, name: a.name, sector: a.sector })),
    updatedAt: s.updatedAt,
    archivedAt: s.archivedAt,
  };
}
