import { useState } from 'react';
import { PageTitle } from '../components/page-title.js';
import { ConfidentialNote } from '../components/views/confidential-note.js';
import { NetworkView } from '../components/views/network-view.js';
import { Tabs } from '../components/views/tabs.js';
import { day } from '../components/views/view-labels.js';
import { useDiagnosis, useInteractiveWhen } from '../components/views/view-data.js';
import { ViewState } from '../components/views/view-state.js';
import '../styles/views.css';

type Level = 'interProfessional' | 'interAgency';

const LEVELS = [
  { key: 'interProfessional', label: 'Between members (inter-professional)' },
  { key: 'interAgency', label: 'Between agencies (inter-agency)' },
] as const;

/** The contact network at both levels, each its own view: never merged. */
export function NetworksPage() {
  const diagnosis = useDiagnosis();
  const [level, setLevel] = useState<Level>('interProfessional');
  useInteractiveWhen(diagnosis.kind !== 'loading');
  return (
    <>
      <PageTitle title="Networks" />
      <ViewState resource={diagnosis} what="the networks">
        {(d) => (
          <>
            <p className="view-intro">
              Who is in contact with whom in the{' '}
              {d.thresholds['process.teamReasoning.communication.density'].windowMonths} months up
              to {day(d.asOf)}: communications, joint activities and survey answers
              {d.wave ? ` (${d.wave.name})` : ''}. Members and agencies are two separate levels.
            </p>
            <ConfidentialNote diagnosis={d} />
            <Tabs label="Network level" tabs={LEVELS} selected={level} onSelect={setLevel}>
              <NetworkView key={level} report={d.networks[level]} />
            </Tabs>
          </>
        )}
      </ViewState>
    </>
  );
}
