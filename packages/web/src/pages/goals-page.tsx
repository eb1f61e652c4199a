import { useMemo } from 'react';
import type { FullDiagnosis } from '../api/diagnosis.js';
import { PageTitle } from '../components/page-title.js';
import { ConfidentialNote } from '../components/views/confidential-note.js';
import { GoalConflicts, GoalMap, GoalTable, linkNotes } from '../components/views/goal-map.js';
import { namesOf } from '../components/views/names.js';
import {
  useCollections,
  useDiagnosis,
  useInteractiveWhen,
  type RecordPart,
} from '../components/views/view-data.js';
import { ViewState } from '../components/views/view-state.js';
import '../styles/views.css';

const COLLECTIONS = ['goals'] as const;

/** Joint, agency and professional goals, their links, and the conflicts nobody has resolved. */
export function GoalsPage() {
  const diagnosis = useDiagnosis();
  const record = useCollections(COLLECTIONS);
  // The record only adds the notes written on links: the page shows the goals without it.
  const recordData = record.kind === 'ready' ? record.data : null;
  useInteractiveWhen(diagnosis.kind !== 'loading' && record.kind !== 'loading');
  return (
    <>
      <PageTitle title="Goals" />
      <ViewState resource={diagnosis} what="the goals">
        {(d) => <Goals diagnosis={d} record={recordData} />}
      </ViewState>
    </>
  );
}

function Goals({
  diagnosis,
  record,
}: {
  diagnosis: FullDiagnosis;
  record: RecordPart<'goals'> | null;
}) {
  const doc = record?.part ?? null;
  const names = useMemo(() => namesOf(diagnosis, doc), [diagnosis, doc]);
  const notes = useMemo(() => linkNotes(doc), [doc]);
  const a = diagnosis.goalAlignment;
  const count = (level: 'agency' | 'professional') =>
    a.goals.filter((g) => g.level === level).length;
  const choices = a.goalChoices;
  return (
    <>
      <p className="view-intro">
        What the collaboration is for, and whether each agency’s and profession’s own goals pull the
        same way.
      </p>
      <ConfidentialNote diagnosis={diagnosis} />
      <dl className="view-measures" aria-label="Goals in numbers">
        <div>
          <dt>Joint goals</dt>
          <dd>
            {a.jointGoals.length}{' '}
            <span className="muted">({a.jointGoals.filter((g) => g.agreed).length} agreed)</span>
          </dd>
        </div>
        <div>
          <dt>Agency goals</dt>
          <dd>{count('agency')}</dd>
        </div>
        <div>
          <dt>Professional goals</dt>
          <dd>{count('professional')}</dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">⚠ </span>Unresolved conflicts
          </dt>
          <dd>{a.unresolvedConflicts.length}</dd>
        </div>
      </dl>

      <section className="view-block" aria-labelledby="goals-conflicts">
        <h2 id="goals-conflicts">Conflicts nobody has resolved</h2>
        <GoalConflicts alignment={a} names={names} notes={notes} />
      </section>

      <section className="view-block" aria-labelledby="goals-map">
        <h2 id="goals-map">How the goals link up</h2>
        <GoalMap alignment={a} names={names} notes={notes} />
      </section>

      {choices.waveId !== null && (
        <section className="view-block" aria-labelledby="goals-survey">
          <h2 id="goals-survey">What members said they work towards</h2>
          <p>
            {choices.answered} of {choices.respondents} respondents answered the goal question in
            the current wave: {choices.joint} chose a joint goal
            {choices.joint > 0
              ? ` (${choices.recordedJointGoal} of them a recorded one)`
              : ''}, {choices.agency} their own agency’s goal and {choices.other} something else.
          </p>
        </section>
      )}

      <section className="view-block" aria-labelledby="goals-table">
        <h2 id="goals-table">Table view</h2>
        <GoalTable alignment={a} names={names} />
      </section>
    </>
  );
}
