import { useMemo } from 'react';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { HiddenRecordsNote } from '../components/views/confidential-note.js';
import { listed, namesOf } from '../components/views/names.js';
import { TimelineChart, TimelineList, timelineSpan } from '../components/views/timeline-chart.js';
import { day } from '../components/views/view-labels.js';
import {
  useCollections,
  useInteractiveWhen,
  type RecordPart,
} from '../components/views/view-data.js';
import { ViewState } from '../components/views/view-state.js';
import '../styles/views.css';

const COLLECTIONS = ['members', 'agencies', 'professions', 'activities', 'decisions'] as const;
type Part = RecordPart<(typeof COLLECTIONS)[number]>;

/** Membership, joint activities and decisions over time: continuity and turnover at a glance. */
export function TimelinePage() {
  const record = useCollections(COLLECTIONS);
  useInteractiveWhen(record.kind !== 'loading');
  return (
    <>
      <PageTitle title="Timeline" />
      <ViewState resource={record} what="the timeline">
        {(data) =>
          data === null ? (
            <StatusMessage kind="empty">
              <p>
                The timeline is drawn from the collaboration’s record, which your role does not
                include. The diagnosis, networks, roles and goals show what your role may see.
              </p>
            </StatusMessage>
          ) : (
            <Timeline record={data} />
          )
        }
      </ViewState>
    </>
  );
}

function Timeline({ record }: { record: Part }) {
  const doc = record.part;
  const names = useMemo(() => namesOf(null, doc), [doc]);
  const { start, end } = useMemo(() => timelineSpan(doc), [doc]);
  if (doc.members.length === 0)
    return (
      <StatusMessage kind="empty">
        <p>No members are recorded yet: the timeline starts with the first one.</p>
      </StatusMessage>
    );
  const inPost = doc.members.filter((m) => m.startDate <= end && (m.endDate ?? '9999') > end);
  const left = doc.members
    .filter((m) => m.endDate !== null && m.endDate <= end)
    .sort((a, b) => ((a.endDate ?? '') < (b.endDate ?? '') ? -1 : 1));
  const joinedLater = doc.members.filter((m) => m.startDate > start);
  return (
    <>
      <p className="view-intro">
        From the first member joining on {day(start)} to the latest activity, decision or change of
        membership on {day(end)}.
      </p>
      <HiddenRecordsNote hidden={record.hidden} />
      <dl className="view-measures" aria-label="Membership in numbers">
        <div>
          <dt>In post on {day(end)}</dt>
          <dd>
            {inPost.length} of {doc.members.length} members
          </dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">✕ </span>Left
          </dt>
          <dd>
            {left.length === 0
              ? 'nobody'
              : listed(left.map((m) => `${m.displayName} (${day(m.endDate)})`))}
          </dd>
        </div>
        <div>
          <dt>Joined later</dt>
          <dd>{joinedLater.length}</dd>
        </div>
        <div>
          <dt>Joint activities · decisions</dt>
          <dd>
            {doc.activities.length} · {doc.decisions.length}
          </dd>
        </div>
      </dl>
      <section className="view-block" aria-labelledby="timeline-picture">
        <h2 id="timeline-picture">Over time</h2>
        <TimelineChart doc={doc} names={names} />
      </section>
      <section className="view-block" aria-labelledby="timeline-list">
        <h2 id="timeline-list">List view</h2>
        <TimelineList doc={doc} names={names} />
      </section>
    </>
  );
}
