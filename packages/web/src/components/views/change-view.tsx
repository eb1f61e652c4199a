import type { ChangeDirection, DiagnosisChange, StatusChange } from '@weframe/core';
import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { DirectionTag, FrostTag, ScrollBox, StatusTag } from './marks.js';
import { Pager, usePaged } from './pager.js';
import { day, DIRECTION_SHOWN, fixed } from './view-labels.js';

const DIRECTIONS: readonly ChangeDirection[] = [
  'better',
  'worse',
  'same',
  'new evidence',
  'lost evidence',
];

/** A wave the user can pick, from whichever source their role may read. */
export interface WaveChoice {
  readonly id: string;
  readonly name: string;
  readonly opensOn: string | null;
  /** e.g. "closed, 7 answers". */
  readonly note: string;
}

function scoreText(before: number | null, after: number | null, delta: number | null): string {
  const b = before === null ? '—' : String(before);
  const a = after === null ? '—' : String(after);
  if (delta === null || delta === 0) return `${b} → ${a}`;
  return `${b} → ${a} (${delta > 0 ? '+' : ''}${fixed(delta, 3)})`;
}

function valueText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return fixed(value, 3);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  return '—';
}

/** Before and after, a status tag each (or "absent"). */
function Status({ status }: { status: StatusChange['statusBefore'] }) {
  return status === null ? <span className="muted">absent</span> : <StatusTag status={status} />;
}

/**
 * What changed between two waves, element by element and indicator by indicator: status and
 * score before and after, and the direction in a mark and a word.
 */
export function ChangeView({
  change,
  collaborationId,
  waveName,
}: {
  change: DiagnosisChange;
  collaborationId: string;
  waveName: (id: string | null) => string;
}) {
  const counts = change.summary.elements;
  return (
    <>
      <p className="view-lead">
        From <strong>{waveName(change.before.waveId)}</strong> (records up to{' '}
        {day(change.before.asOf)}) to <strong>{waveName(change.after.waveId)}</strong> (records up
        to {day(change.after.asOf)}).
      </p>
      <ul className="change-summary" aria-label="Elements by direction of change">
        {DIRECTIONS.filter((d) => counts[d] > 0).map((d) => (
          <li key={d}>
            <DirectionTag direction={d} />: {counts[d]} {counts[d] === 1 ? 'element' : 'elements'}
          </li>
        ))}
      </ul>
      <dl className="view-measures" aria-label="The group as a whole">
        <div>
          <dt>Frost level of the group</dt>
          <dd>
            <FrostTag level={change.frost.before} /> → <FrostTag level={change.frost.after} />{' '}
            <DirectionTag direction={change.frost.direction} />
          </dd>
        </div>
        <div>
          <dt>Team form (0 loose network, 1 structured team)</dt>
          <dd>
            {fixed(change.teamForm.before)} → {fixed(change.teamForm.after)}{' '}
            <span className="muted">
              ({change.teamForm.delta > 0 ? '+' : ''}
              {fixed(change.teamForm.delta)})
            </span>
          </dd>
        </div>
      </dl>

      <h3>Elements</h3>
      <ScrollBox label="Change of each element">
        <table className="view-table">
          <caption>Every element of the model, before and after</caption>
          <thead>
            <tr>
              <th scope="col">Element</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Score</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {change.elements.map((e) => (
              <tr key={e.id} className={e.direction === 'worse' ? 'view-table__row--flag' : ''}>
                <th scope="row">
                  <Link
                    href={`/c/${encodeURIComponent(collaborationId)}/elements/${encodeURIComponent(e.id)}`}
                  >
                    {e.name}
                  </Link>
                </th>
                <td>
                  <Status status={e.statusBefore} />
                </td>
                <td>
                  <Status status={e.statusAfter} />
                </td>
                <td className="nowrap">{scoreText(e.scoreBefore, e.scoreAfter, e.delta)}</td>
                <td>
                  <DirectionTag direction={e.direction} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>

      <IndicatorChanges change={change} />
    </>
  );
}

function IndicatorChanges({ change }: { change: DiagnosisChange }) {
  const [which, setWhich] = useState<'changed' | 'all'>('changed');
  const whichId = useId();
  const elementNames = useMemo(
    () => new Map(change.elements.map((e) => [e.id, e.name])),
    [change.elements],
  );
  const rows = useMemo(
    () =>
      change.indicators.filter(
        (i) =>
          which === 'all' ||
          i.direction !== 'same' ||
          (i.delta !== null && i.delta !== 0) ||
          i.statusBefore !== i.statusAfter,
      ),
    [change.indicators, which],
  );
  const paged = usePaged(rows, 50, which);
  const counts = change.summary.indicators;
  return (
    <>
      <h3>Indicators</h3>
      <p>
        {DIRECTIONS.filter((d) => counts[d] > 0)
          .map(
            (d) =>
              `${DIRECTION_SHOWN[d].mark} ${DIRECTION_SHOWN[d].label.toLowerCase()}: ${counts[d]}`,
          )
          .join(' · ')}
      </p>
      <div className="toolbar view-toolbar">
        <div className="field field--inline">
          <label htmlFor={whichId}>Indicators shown</label>
          <select
            id={whichId}
            value={which}
            onChange={(e) => setWhich(e.target.value as typeof which)}
          >
            <option value="changed">Only those that changed</option>
            <option value="all">All indicators</option>
          </select>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No indicator changed.</p>
      ) : (
        <ScrollBox label="Change of each indicator">
          <table className="view-table">
            <caption>
              Indicators, before and after ({rows.length} of {change.indicators.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Element</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Value</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {paged.items.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{elementNames.get(i.element) ?? i.element}</td>
                  <td>
                    <Status status={i.statusBefore} />
                  </td>
                  <td>
                    <Status status={i.statusAfter} />
                  </td>
                  <td>
                    {valueText(i.valueBefore)} → {valueText(i.valueAfter)}
                    {i.delta !== null && i.delta !== 0 && (
                      <span className="muted">
                        {' '}
                        ({i.delta > 0 ? '+' : ''}
                        {fixed(i.delta, 3)})
                      </span>
                    )}
                  </td>
                  <td>
                    <DirectionTag direction={i.direction} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <Pager paged={paged} noun="indicators" />
    </>
  );
}
