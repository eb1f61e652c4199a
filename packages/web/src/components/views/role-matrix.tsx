import type { RoleMap } from '@weframe/core';
import { useId, useMemo, useState } from 'react';
import { Flag, ScrollBox } from './marks.js';
import { listed, type Names } from './names.js';
import { Pager, usePaged } from './pager.js';
import { byName, fixed } from './view-labels.js';

const PAGE = 25;

interface Cell {
  readonly claimed: boolean;
  /** Colleagues who see the member holding the area. */
  readonly seenBy: number;
  readonly performed: boolean;
}

/** Short marks drawn in a cell and the words read out for it. */
function cellWords(cell: Cell): { marks: string[]; words: string } {
  const marks: string[] = [];
  const words: string[] = [];
  if (cell.claimed) {
    marks.push('C');
    words.push('claims it');
  }
  if (cell.seenBy > 0) {
    marks.push(`S${cell.seenBy}`);
    words.push(
      `seen holding it by ${cell.seenBy} ${cell.seenBy === 1 ? 'colleague' : 'colleagues'}`,
    );
  }
  if (cell.performed) {
    marks.push('D');
    words.push('did work on it');
  }
  return { marks, words: marks.length === 0 ? 'nothing recorded' : words.join('; ') };
}

/** Area flags in words with their marks. */
function areaFlags(area: RoleMap['areas'][number]): string[] {
  return [area.overlap ? '⚠ overlap' : null, area.gap ? '✕ gap' : null].filter(
    (f): f is string => f !== null,
  );
}

/**
 * The role map as a members × responsibility areas table: in each cell whether the member
 * claims the area (C), how many colleagues see them holding it (S2) and whether they did work
 * on it lately (D); areas claimed by several professions without an agreed lead (overlaps) and
 * areas nobody holds (gaps) are marked in the column heading with a symbol and a word.
 */
export function RoleMatrix({ map, names }: { map: RoleMap; names: Names }) {
  const [agency, setAgency] = useState('');
  const agencyId = useId();
  const seen = useMemo(() => {
    const counts = new Map<string, number>();
    for (const area of map.areas)
      for (const p of area.perceivedBy) {
        const key = `${p.targetId}\u0000${area.id}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    return counts;
  }, [map]);
  const agencies = useMemo(
    () =>
      [...new Set(map.members.map((m) => m.agencyId))]
        .map((id) => ({ id, name: names.agency(id) }))
        .sort((a, b) => byName(a.name, b.name)),
    [map, names],
  );
  const members = useMemo(
    () =>
      map.members
        .filter((m) => agency === '' || m.agencyId === agency)
        .slice()
        .sort(
          (a, b) =>
            byName(names.agency(a.agencyId), names.agency(b.agencyId)) ||
            byName(a.displayName, b.displayName),
        ),
    [map, agency, names],
  );
  const paged = usePaged(members, PAGE, agency);

  if (map.areas.length === 0)
    return <p className="muted">No responsibility areas are recorded yet.</p>;

  return (
    <>
      <h3 id="role-areas-key">Responsibility areas</h3>
      <ol className="role-key">
        {map.areas.map((area, i) => (
          <li key={area.id} value={i + 1}>
            <span className="role-key__name">{area.name}</span>
            {areaFlags(area).map((f) => (
              <Flag key={f}>{f.slice(2)}</Flag>
            ))}
          </li>
        ))}
      </ol>
      <p className="role-legend">
        <strong>In each cell:</strong> <span className="role-mark">C</span> claims the area ·{' '}
        <span className="role-mark">S2</span> seen holding it by two colleagues ·{' '}
        <span className="role-mark">D</span> did work on it in the window (activities and case
        events). Columns marked ⚠ are overlaps (claimed by more than one profession, no agreed
        lead); ✕ are gaps (nobody in post holds it, or a need in it has no owner).
      </p>
      {agencies.length > 1 && (
        <div className="toolbar view-toolbar">
          <div className="field field--inline">
            <label htmlFor={agencyId}>Members of</label>
            <select id={agencyId} value={agency} onChange={(e) => setAgency(e.target.value)}>
              <option value="">Every agency</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <ScrollBox label="Role matrix: members by responsibility area">
        <table className="view-table role-matrix">
          <caption>
            Role matrix: who claims, is seen to hold and does each area ({members.length}{' '}
            {members.length === 1 ? 'member' : 'members'} × {map.areas.length} areas)
          </caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              {map.areas.map((area, i) => {
                const flags = areaFlags(area);
                return (
                  <th
                    key={area.id}
                    scope="col"
                    className={`role-matrix__area${area.overlap ? ' is-overlap' : ''}${area.gap ? ' is-gap' : ''}`}
                    title={area.name}
                  >
                    <span aria-hidden="true">
                      {i + 1}
                      {area.overlap ? ' ⚠' : ''}
                      {area.gap ? ' ✕' : ''}
                    </span>
                    <span className="visually-hidden">
                      {area.name}
                      {flags.length > 0 ? ` (${flags.map((f) => f.slice(2)).join(', ')})` : ''}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {paged.items.map((member) => {
              const claimed = new Set(member.claimed);
              const performed = new Set(member.performed);
              return (
                <tr key={member.id}>
                  <th scope="row">
                    {member.displayName}
                    <span className="role-matrix__who">
                      {names.profession(member.professionId)}, {names.agency(member.agencyId)}
                    </span>
                  </th>
                  {map.areas.map((area) => {
                    const cell: Cell = {
                      claimed: claimed.has(area.id),
                      seenBy: seen.get(`${member.id}\u0000${area.id}`) ?? 0,
                      performed: performed.has(area.id),
                    };
                    const { marks, words } = cellWords(cell);
                    const mismatch = (cell.seenBy > 0 || cell.performed) && !cell.claimed;
                    return (
                      <td
                        key={area.id}
                        className={`role-cell${cell.claimed ? ' is-claimed' : ''}${mismatch ? ' is-unclaimed' : ''}${area.overlap ? ' is-overlap' : ''}`}
                      >
                        <span aria-hidden="true" className="role-cell__marks">
                          {marks.map((mark) => (
                            <span key={mark}>{mark}</span>
                          ))}
                        </span>
                        <span className="visually-hidden">{words}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <Pager paged={paged} noun="members" />
    </>
  );
}

/** The same map read by area: who claims, who is seen holding, who does each. */
export function AreaTable({ map, names }: { map: RoleMap; names: Names }) {
  const people = (ids: readonly string[]) => listed(ids.map(names.member), '—');
  return (
    <ScrollBox label="Responsibility areas, one by one">
      <table className="view-table">
        <caption>Each responsibility area: claimed, seen and done</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Claimed by</th>
            <th scope="col">Seen holding it (by how many colleagues)</th>
            <th scope="col">Did work on it</th>
            <th scope="col">Agreed lead</th>
            <th scope="col">Marked as</th>
          </tr>
        </thead>
        <tbody>
          {map.areas.map((area) => {
            const targets = new Map<string, number>();
            for (const p of area.perceivedBy)
              targets.set(p.targetId, (targets.get(p.targetId) ?? 0) + 1);
            const flags = areaFlags(area);
            return (
              <tr key={area.id} className={flags.length > 0 ? 'view-table__row--flag' : ''}>
                <th scope="row">{area.name}</th>
                <td>{people(area.claimedBy)}</td>
                <td>
                  {targets.size === 0
                    ? '—'
                    : listed([...targets].map(([id, n]) => `${names.member(id)} (${n})`))}
                </td>
                <td>{people(area.performedBy)}</td>
                <td>
                  {area.agreedLeadMemberId === null ? '—' : names.member(area.agreedLeadMemberId)}
                </td>
                <td>{flags.length === 0 ? '—' : flags.join('; ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Colleagues whose view of someone's areas barely matches that person's own claim. */
export function Misperceptions({ map, names }: { map: RoleMap; names: Names }) {
  const areas = (ids: readonly string[]) => listed(ids.map(names.area), 'nothing');
  if (map.misperceptions.length === 0)
    return <p>Everyone’s view of their colleagues’ areas matches what those colleagues claim.</p>;
  return (
    <ScrollBox label="Misperceptions of roles">
      <table className="view-table">
        <caption>
          Views that barely match the colleague’s own claim ({map.misperceptions.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Sees</th>
            <th scope="col">Holding</th>
            <th scope="col">Who claims</th>
            <th scope="col" className="num">
              Match (Jaccard)
            </th>
          </tr>
        </thead>
        <tbody>
          {map.misperceptions.map((m) => (
            <tr key={`${m.perceiverId}\u0000${m.targetId}`}>
              <th scope="row">{names.member(m.perceiverId)}</th>
              <td>{names.member(m.targetId)}</td>
              <td>{areas(m.view)}</td>
              <td>{areas(m.claim)}</td>
              <td className="num">{fixed(m.jaccard)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
