import { SCALE_ITEM_BY_ID, type EvidenceRef } from '@weframe/core';
import { useId, useState } from 'react';

/** The kind of record each collection holds, in words. */
const RECORD_NOUNS: Readonly<Record<string, string>> = {
  outcomeFrameworks: 'Outcome framework',
  agencies: 'Agency',
  professions: 'Profession',
  members: 'Member',
  goals: 'Goal',
  cases: 'Case',
  needs: 'Need',
  responsibilityAreas: 'Responsibility area',
  roleClaims: 'Role claim',
  rolePerceptions: 'Role perception',
  activities: 'Activity',
  communications: 'Communication',
  caseEvents: 'Case event',
  decisions: 'Decision',
  referrals: 'Referral',
  coordinatingRecords: 'Coordinating record',
  withheldInformation: 'Withheld information',
  policies: 'Policy',
  policyInteractions: 'Policy interaction',
  adaptations: 'Adaptation',
  agencyRelations: 'Agency relation',
  meetings: 'Meeting series',
  surveyItems: 'Survey item',
  waves: 'Survey wave',
  responses: 'Survey answers',
};

/** Names of the people, agencies and waves evidence points at, by id. */
export type NameLookup = (id: string) => string | undefined;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function EvidenceItem({ evidence, nameOf }: { evidence: EvidenceRef; nameOf: NameLookup }) {
  const note = evidence.note ? <span className="evidence__note">: {evidence.note}</span> : null;
  switch (evidence.kind) {
    case 'record': {
      // What the server left out arrives as one placeholder per collection, with a count.
      if (evidence.id === 'confidential')
        return (
          <li className="evidence evidence--confidential">
            {capitalise(evidence.note ?? 'confidential records')}, not shown to you
          </li>
        );
      const noun = RECORD_NOUNS[evidence.collection ?? ''] ?? 'Record';
      return (
        <li className="evidence">
          {noun} <code>{evidence.id}</code>
          {note}
        </li>
      );
    }
    case 'item': {
      const item = SCALE_ITEM_BY_ID.get(evidence.id);
      return (
        <li className="evidence">
          Survey question <code>{evidence.id}</code>
          {item ? <>: &ldquo;{item.wording}&rdquo;</> : null}
          {note}
        </li>
      );
    }
    case 'segment':
      return <li className="evidence">Coded passage{evidence.note ? `: ${evidence.note}` : ''}</li>;
    case 'member':
    case 'agency': {
      const name = nameOf(evidence.id);
      return (
        <li className="evidence">
          {evidence.kind === 'member' ? 'Member' : 'Agency'} {name ?? <code>{evidence.id}</code>}
          {note}
        </li>
      );
    }
    case 'pair': {
      const [from, to] = evidence.id.split('→');
      const label =
        to === undefined
          ? evidence.id
          : `${nameOf(from ?? '') ?? from ?? ''} and ${nameOf(to) ?? to}`;
      return (
        <li className="evidence">
          Pair: {label}
          {note}
        </li>
      );
    }
    case 'wave':
      return (
        <li className="evidence">
          Survey wave {nameOf(evidence.id) ?? <code>{evidence.id}</code>}
          {note}
        </li>
      );
  }
}

/** Shown before "show all". */
const FIRST = 8;

/** The evidence behind a finding, the first few at once and the rest on request. */
export function EvidenceList({
  evidence,
  nameOf,
  total,
}: {
  evidence: readonly EvidenceRef[];
  nameOf: NameLookup;
  /** The full count, when the server sent only part of the list. */
  total?: number;
}) {
  const [all, setAll] = useState(false);
  const listId = useId();
  if (evidence.length === 0) return <p className="muted">No evidence recorded.</p>;
  const shown = all ? evidence : evidence.slice(0, FIRST);
  const unsent = (total ?? evidence.length) - evidence.length;
  return (
    <>
      <ul className="evidence-list" id={listId}>
        {shown.map((e, i) => (
          <EvidenceItem key={`${e.kind}:${e.id}:${i}`} evidence={e} nameOf={nameOf} />
        ))}
      </ul>
      {evidence.length > FIRST && (
        <button
          type="button"
          className="button button--quiet evidence-more"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll((v) => !v)}
        >
          {all ? 'Show fewer' : `Show all ${evidence.length}`}
        </button>
      )}
      {unsent > 0 && (
        <p className="muted">
          The first {evidence.length} of {total} pieces of evidence are listed.
        </p>
      )}
    </>
  );
}
