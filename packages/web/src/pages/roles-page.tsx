import { useMemo } from 'react';
import type { FullDiagnosis } from '../api/diagnosis.js';
import { PageTitle } from '../components/page-title.js';
import { ConfidentialNote } from '../components/views/confidential-note.js';
import { Flag } from '../components/views/marks.js';
import { listed, namesOf } from '../components/views/names.js';
import { AreaTable, Misperceptions, RoleMatrix } from '../components/views/role-matrix.js';
import { day } from '../components/views/view-labels.js';
import { useDiagnosis, useInteractiveWhen } from '../components/views/view-data.js';
import { ViewState } from '../components/views/view-state.js';
import '../styles/views.css';

/** Who does what: claimed, perceived and performed roles, with overlaps and gaps. */
export function RolesPage() {
  const diagnosis = useDiagnosis();
  useInteractiveWhen(diagnosis.kind !== 'loading');
  return (
    <>
      <PageTitle title="Roles" />
      <ViewState resource={diagnosis} what="the role map">
        {(d) => <Roles diagnosis={d} />}
      </ViewState>
    </>
  );
}

function Roles({ diagnosis }: { diagnosis: FullDiagnosis }) {
  const names = useMemo(() => namesOf(diagnosis), [diagnosis]);
  const map = diagnosis.roleMap;
  const months = diagnosis.thresholds['process.jointActivities.window'].months;
  return (
    <>
      <p className="view-intro">
        Which responsibility areas each member in post on {day(diagnosis.asOf)} claims, how their
        colleagues see them, and who did work on each area in the last {months} months.
      </p>
      <ConfidentialNote diagnosis={diagnosis} />

      <section className="view-block" aria-labelledby="roles-findings">
        <h2 id="roles-findings">Overlaps and gaps</h2>
        <ul className="view-findings">
          {map.overlaps.length === 0 ? (
            <li>
              No overlaps: no area is claimed by more than one profession without an agreed lead.
            </li>
          ) : (
            map.overlaps.map((o) => (
              <li key={o.areaId}>
                <Flag>Overlap</Flag> <strong>{names.area(o.areaId)}</strong> is claimed by{' '}
                {listed(o.memberIds.map(names.member))} (
                {listed(o.professions.map(names.profession))}) and nobody is agreed to lead it.
              </li>
            ))
          )}
          {map.areas
            .filter((a) => a.gap && a.claimedBy.length === 0)
            .map((a) => (
              <li key={a.id}>
                <Flag>Gap</Flag> Nobody in post claims <strong>{a.name}</strong>.
              </li>
            ))}
          {map.gaps.map((g) => (
            <li key={`${g.kind}:${g.id}`}>
              <Flag>Gap</Flag>{' '}
              {g.kind === 'need'
                ? 'Nobody in post owns the need'
                : 'Nobody in post is responsible for the joint goal'}{' '}
              <strong>“{g.description}”</strong>.
            </li>
          ))}
          {map.gaps.length === 0 && map.areas.every((a) => !a.gap) && (
            <li>
              No gaps: every area has someone in post, and every need and joint goal an owner.
            </li>
          )}
        </ul>
      </section>

      <section className="view-block" aria-labelledby="roles-matrix">
        <h2 id="roles-matrix">Role matrix</h2>
        {map.members.length === 0 ? (
          <p className="muted">No members are in post.</p>
        ) : (
          <RoleMatrix map={map} names={names} />
        )}
      </section>

      <section className="view-block" aria-labelledby="roles-areas">
        <h2 id="roles-areas">Area by area</h2>
        <AreaTable map={map} names={names} />
      </section>

      <section className="view-block" aria-labelledby="roles-views">
        <h2 id="roles-views">How colleagues see each other’s roles</h2>
        <Misperceptions map={map} names={names} />
      </section>
    </>
  );
}
