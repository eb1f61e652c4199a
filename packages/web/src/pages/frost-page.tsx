import type { PairLevel } from '@weframe/core';
import { useMemo, useRef, useState } from 'react';
import type { FullDiagnosis } from '../api/diagnosis.js';
import { PageTitle } from '../components/page-title.js';
import { ConfidentialNote } from '../components/views/confidential-note.js';
import {
  FrostDistribution,
  FrostMatrix,
  orderedNodes,
  PairEvidence,
  pairIndex,
  PairTable,
  useFocusOnRequest,
  type MatrixNode,
} from '../components/views/frost-matrix.js';
import { namesOf, type Names } from '../components/views/names.js';
import { Tabs } from '../components/views/tabs.js';
import { day } from '../components/views/view-labels.js';
import { useDiagnosis, useInteractiveWhen } from '../components/views/view-data.js';
import { ViewState } from '../components/views/view-state.js';
import '../styles/views.css';

type Level = 'members' | 'agencies';

const LEVELS = [
  { key: 'members', label: 'Member pairs' },
  { key: 'agencies', label: 'Agency pairs' },
] as const;

/** How closely each pair works together, in Frost's three words, read from the evidence. */
export function FrostPage() {
  const diagnosis = useDiagnosis();
  useInteractiveWhen(diagnosis.kind !== 'loading');
  return (
    <>
      <PageTitle title="Working together" />
      <ViewState resource={diagnosis} what="the working levels">
        {(d) => <Frost diagnosis={d} />}
      </ViewState>
    </>
  );
}

function Frost({ diagnosis }: { diagnosis: FullDiagnosis }) {
  const [level, setLevel] = useState<Level>('members');
  const names = useMemo(() => namesOf(diagnosis), [diagnosis]);
  const frost = diagnosis.frost;
  return (
    <>
      <p className="view-intro">
        Frost’s levels for every pair, read from the records of the{' '}
        {diagnosis.thresholds['frost.window'].months} months up to {day(diagnosis.asOf)}:
        cooperation (in contact), collaboration (planning together towards a shared goal or settling
        overlaps and gaps) and coordination (planning, doing and reviewing together, again and
        again). What members say about each other is shown beside the level, never mixed into it.
      </p>
      <ConfidentialNote diagnosis={diagnosis} />
      <FrostDistribution group={frost.group} />
      <Tabs label="Pairs of" tabs={LEVELS} selected={level} onSelect={setLevel}>
        {level === 'members' ? (
          <PairsView
            key="members"
            pairs={frost.memberPairs}
            nodes={diagnosis.networks.interProfessional.nodes.map((n) => ({
              id: n.id,
              label: n.label,
              groupLabel: n.groupLabel,
            }))}
            names={names}
            noun="member"
          />
        ) : (
          <PairsView
            key="agencies"
            pairs={frost.agencyPairs}
            nodes={diagnosis.networks.interAgency.nodes.map((n) => ({
              id: n.id,
              label: n.label,
              groupLabel: '',
            }))}
            names={names}
            noun="agency"
          />
        )}
      </Tabs>
      <details className="view-conventions">
        <summary>How the levels are read</summary>
        <ul>
          {frost.conventions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

function PairsView({
  pairs,
  nodes,
  names,
  noun,
}: {
  pairs: readonly PairLevel[];
  nodes: readonly MatrixNode[];
  names: Names;
  noun: 'member' | 'agency';
}) {
  const [selected, setSelected] = useState<PairLevel | null>(null);
  const index = useMemo(() => pairIndex(pairs), [pairs]);
  const ordered = useMemo(() => {
    // Ids met in a pair but not among the nodes (should not happen) still get a row.
    const known = new Map(nodes.map((n) => [n.id, n]));
    for (const p of pairs)
      for (const id of [p.a, p.b])
        if (!known.has(id)) known.set(id, { id, label: id, groupLabel: '' });
    return orderedNodes([...known.values()]);
  }, [nodes, pairs]);
  const name = noun === 'member' ? names.member : names.agency;
  const evidence = useRef<HTMLHeadingElement | null>(null);
  const focusEvidence = useFocusOnRequest(evidence);
  if (pairs.length === 0)
    return (
      <p className="muted">
        There are fewer than two {noun === 'member' ? 'members' : 'agencies'}: no pairs yet.
      </p>
    );
  return (
    <>
      <h2 className="view-subhead">{noun === 'member' ? 'Member pairs' : 'Agency pairs'}</h2>
      <FrostMatrix
        nodes={ordered}
        index={index}
        selected={selected}
        onSelect={setSelected}
        onOpen={focusEvidence}
        noun={noun}
      />
      <PairEvidence ref={evidence} pair={selected} name={name} names={names} noun={noun} />
      <h3>Table view</h3>
      <PairTable
        pairs={pairs}
        nodes={ordered}
        name={name}
        noun={noun}
        onShow={(pair) => {
          setSelected(pair);
          focusEvidence();
        }}
      />
    </>
  );
}
