import type { CollaborationDocument, ElementDiagnosis } from '@weframe/core';
import { Link } from 'wouter';
import { sectorLabel } from '../../labels.js';
import { Flag, ScrollBox, StatusTag } from './marks.js';
import { listed, type Names } from './names.js';
import { day } from './view-labels.js';

type Doc = Pick<
  CollaborationDocument,
  | 'agencies'
  | 'professions'
  | 'policies'
  | 'policyInteractions'
  | 'adaptations'
  | 'withheldInformation'
>;

/** The policy elements of the diagnosis: status, score and each indicator's finding. */
export function PolicyElements({
  elements,
  collaborationId,
}: {
  elements: readonly ElementDiagnosis[];
  collaborationId: string;
}) {
  return (
    <ul className="policy-elements">
      {elements.map((e) => (
        <li key={e.id} className="card policy-element">
          <h3>
            <Link
              href={`/c/${encodeURIComponent(collaborationId)}/elements/${encodeURIComponent(e.id)}`}
            >
              {e.name}
            </Link>
          </h3>
          <p>
            <StatusTag status={e.status} />{' '}
            {e.score !== null && <span className="muted">score {e.score} of 100</span>}
          </p>
          <ul className="policy-element__findings">
            {e.indicators.map((i) => (
              <li key={i.id}>
                <strong>{i.name}</strong> ({i.display}): {i.finding}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

const SCOPE: Record<string, string> = { national: 'National', local: 'Local', agency: 'Agency' };

/** The recorded policies. */
export function PolicyTable({ doc, names }: { doc: Doc; names: Names }) {
  if (doc.policies.length === 0) return <p className="muted">No policies are recorded.</p>;
  return (
    <ScrollBox label="Policies">
      <table className="view-table">
        <caption>Policies the collaboration works under ({doc.policies.length})</caption>
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Scope</th>
            <th scope="col">Agencies</th>
            <th scope="col">What it says</th>
          </tr>
        </thead>
        <tbody>
          {doc.policies.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{SCOPE[p.scope] ?? p.scope}</td>
              <td>{p.agencyIds.length === 0 ? '—' : listed(p.agencyIds.map(names.agency))}</td>
              <td>{p.description || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** How policies bear on each other: clashes first, with a warning mark and words. */
export function PolicyInteractions({ doc, names }: { doc: Doc; names: Names }) {
  if (doc.policyInteractions.length === 0)
    return <p className="muted">No interaction between policies is recorded.</p>;
  const sorted = [...doc.policyInteractions].sort(
    (a, b) => (a.effect === 'conflicts' ? 0 : 1) - (b.effect === 'conflicts' ? 0 : 1),
  );
  return (
    <ul className="policy-interactions">
      {sorted.map((i) => (
        <li
          key={i.id}
          className={`policy-interaction policy-interaction--${i.effect === 'conflicts' ? 'clash' : 'support'}`}
        >
          <p>
            {i.effect === 'conflicts' ? (
              <Flag>Clash</Flag>
            ) : (
              <span className="policy-interaction__supports">
                <span aria-hidden="true">✓ </span>Supports
              </span>
            )}{' '}
            <strong>{names.policy(i.policyIds[0])}</strong>
            {i.effect === 'conflicts' ? ' pulls against ' : ' supports '}
            <strong>{names.policy(i.policyIds[1])}</strong>
          </p>
          {i.description && <p>{i.description}</p>}
        </li>
      ))}
    </ul>
  );
}

/** Each profession's regulator, code and the rules that limit the joint work. */
export function ProfessionConstraints({ doc }: { doc: Doc }) {
  type Constraint = Doc['professions'][number]['constraints'][number];
  const rows = doc.professions.flatMap((p) =>
    p.constraints.length === 0
      ? [{ p, c: null as Constraint | null }]
      : p.constraints.map((c): { p: typeof p; c: Constraint | null } => ({ p, c })),
  );
  if (rows.length === 0) return <p className="muted">No professions are recorded.</p>;
  return (
    <ScrollBox label="Professions and their rules">
      <table className="view-table">
        <caption>Professions, their regulators and the rules that limit joint work</caption>
        <thead>
          <tr>
            <th scope="col">Profession</th>
            <th scope="col">Regulator</th>
            <th scope="col">Code of practice</th>
            <th scope="col">Rule</th>
            <th scope="col">Limits</th>
            <th scope="col">Needed by the collaboration</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ p, c }) => {
            const blocking = c !== null && c.neededByCollaboration;
            return (
              <tr
                key={`${p.id}:${c?.id ?? ''}`}
                className={blocking ? 'view-table__row--flag' : ''}
              >
                <th scope="row">{p.name}</th>
                <td>{p.regulator ?? '—'}</td>
                <td>{p.codeOfPractice ?? '—'}</td>
                <td>{c?.description ?? 'none recorded'}</td>
                <td>
                  {c === null ? '—' : c.limits === 'sharing' ? 'Sharing information' : 'Activity'}
                </td>
                <td>{c === null ? '—' : blocking ? '⚠ Yes: it limits joint work' : 'No'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Whether each agency holds a legal duty towards the joint aim. */
export function StatutoryBasis({ doc }: { doc: Doc }) {
  if (doc.agencies.length === 0) return <p className="muted">No agencies are recorded.</p>;
  return (
    <ScrollBox label="Statutory basis of each agency">
      <table className="view-table">
        <caption>Agencies and their statutory basis</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Sector</th>
            <th scope="col">Statutory basis</th>
            <th scope="col">Duty towards the joint aim</th>
          </tr>
        </thead>
        <tbody>
          {doc.agencies.map((a) => (
            <tr key={a.id} className={a.statutoryDutyForJointAim ? '' : 'view-table__row--flag'}>
              <th scope="row">{a.name}</th>
              <td>{sectorLabel(a.sector)}</td>
              <td>{a.statutoryBasis ?? '—'}</td>
              <td>{a.statutoryDutyForJointAim ? '✓ Yes' : '✗ No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

const RULE: Record<string, string> = {
  policy: 'A policy',
  professionConstraint: 'A professional rule',
  consent: 'Consent',
  other: 'Other',
};

/** Information a member held back, and the rule that made them. */
export function WithheldInformation({ doc, names }: { doc: Doc; names: Names }) {
  if (doc.withheldInformation.length === 0)
    return <p className="muted">No information held back is recorded.</p>;
  return (
    <ScrollBox label="Information held back">
      <table className="view-table">
        <caption>Information held back because of a rule</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Held back by</th>
            <th scope="col">From</th>
            <th scope="col">Because of</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {doc.withheldInformation.map((w) => {
            const profession = doc.professions.find((p) => p.id === w.rule.professionId);
            const constraint = profession?.constraints.find((c) => c.id === w.rule.constraintId);
            const because = [
              RULE[w.rule.kind] ?? w.rule.kind,
              w.rule.policyId ? `“${names.policy(w.rule.policyId)}”` : null,
              constraint ? `“${constraint.description}”` : null,
              w.rule.description || null,
            ].filter((x): x is string => x !== null);
            return (
              <tr key={w.id}>
                <th scope="row" className="nowrap">
                  {day(w.date)}
                </th>
                <td>{names.member(w.holderId)}</td>
                <td>{listed(w.withheldFromIds.map(names.member))}</td>
                <td>{because.join(': ')}</td>
                <td>{w.description || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

const KIND: Record<string, string> = {
  interpretation: 'Interpretation',
  adaptation: 'Adaptation',
  workaround: 'Workaround',
  feedback: 'Fed back',
};

/** How the team read, bent or worked around policy, and what it told policy makers. */
export function Adaptations({ doc, names }: { doc: Doc; names: Names }) {
  if (doc.adaptations.length === 0)
    return <p className="muted">No adaptation of policy is recorded.</p>;
  return (
    <ScrollBox label="Adaptations of policy">
      <table className="view-table">
        <caption>Adaptations of policy and feedback to policy makers</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Kind</th>
            <th scope="col">Policy</th>
            <th scope="col">What was done</th>
            <th scope="col">Fed back to</th>
          </tr>
        </thead>
        <tbody>
          {doc.adaptations.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="nowrap">
                {day(a.date)}
              </th>
              <td>{KIND[a.kind] ?? a.kind}</td>
              <td>{a.policyId ? names.policy(a.policyId) : '—'}</td>
              <td>{a.description}</td>
              <td>{a.fedBackTo ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
