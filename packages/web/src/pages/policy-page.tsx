import { useMemo } from 'react';
import type { FullDiagnosis } from '../api/diagnosis.js';
import { useCollaboration } from '../collaboration-context.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { ConfidentialNote, HiddenRecordsNote } from '../components/views/confidential-note.js';
import { namesOf } from '../components/views/names.js';
import {
  Adaptations,
  PolicyElements,
  PolicyInteractions,
  PolicyTable,
  ProfessionConstraints,
  StatutoryBasis,
  WithheldInformation,
} from '../components/views/policy-context.js';
import {
  useCollections,
  useDiagnosis,
  useInteractiveWhen,
  type RecordPart,
} from '../components/views/view-data.js';
import { ViewState } from '../components/views/view-state.js';
import '../styles/views.css';

const COLLECTIONS = [
  'members',
  'agencies',
  'professions',
  'policies',
  'policyInteractions',
  'adaptations',
  'withheldInformation',
] as const;
type Part = RecordPart<(typeof COLLECTIONS)[number]>;

/** The policy context: policies, their clashes, professions' rules, and local adaptations. */
export function PolicyPage() {
  const diagnosis = useDiagnosis();
  const record = useCollections(COLLECTIONS);
  useInteractiveWhen(diagnosis.kind !== 'loading' && record.kind !== 'loading');
  return (
    <>
      <PageTitle title="Policy" />
      <ViewState resource={diagnosis} what="the policy context">
        {(d) => (
          <ViewState resource={record} what="the policy records">
            {(r) => <Policy diagnosis={d} record={r} />}
          </ViewState>
        )}
      </ViewState>
    </>
  );
}

function Policy({ diagnosis, record }: { diagnosis: FullDiagnosis; record: Part | null }) {
  const { id } = useCollaboration();
  const doc = record?.part ?? null;
  const names = useMemo(() => namesOf(diagnosis, doc), [diagnosis, doc]);
  const elements = diagnosis.elements.filter((e) => e.id.startsWith('policy.'));
  return (
    <>
      <p className="view-intro">
        The policies the collaboration works under, where they pull against each other, the
        professional rules that limit joint work, and how the team adapts policy in practice.
      </p>
      <ConfidentialNote diagnosis={diagnosis} />
      <section className="view-block" aria-labelledby="policy-diagnosis">
        <h2 id="policy-diagnosis">In the diagnosis</h2>
        <PolicyElements elements={elements} collaborationId={id} />
      </section>
      {doc === null ? (
        <StatusMessage kind="empty">
          <p>
            The policies, rules and adaptations themselves are in the collaboration’s record, which
            your role does not include.
          </p>
        </StatusMessage>
      ) : (
        <>
          <HiddenRecordsNote hidden={record?.hidden ?? 0} />
          <section className="view-block" aria-labelledby="policy-clashes">
            <h2 id="policy-clashes">Policies and how they interact</h2>
            <PolicyInteractions doc={doc} names={names} />
            <PolicyTable doc={doc} names={names} />
          </section>
          <section className="view-block" aria-labelledby="policy-professions">
            <h2 id="policy-professions">Professions’ rules</h2>
            <ProfessionConstraints doc={doc} />
            <h3>Information held back</h3>
            <WithheldInformation doc={doc} names={names} />
          </section>
          <section className="view-block" aria-labelledby="policy-structures">
            <h2 id="policy-structures">Statutory basis</h2>
            <StatutoryBasis doc={doc} />
          </section>
          <section className="view-block" aria-labelledby="policy-adaptations">
            <h2 id="policy-adaptations">Adapting policy and feeding back</h2>
            <Adaptations doc={doc} names={names} />
          </section>
        </>
      )}
    </>
  );
}
