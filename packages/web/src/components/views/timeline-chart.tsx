import type { CollaborationDocument } from '@weframe/core';
import { useId, useMemo, useState } from 'react';
import { ScrollBox } from './marks.js';
import type { Names } from './names.js';
import { Pager, usePaged } from './pager.js';
import { byName, day, methodWord, phaseWord } from './view-labels.js';

type Doc = Pick<CollaborationDocument, 'members' | 'activities' | 'decisions'>;

const WIDTH = 960;
const LABEL_W = 250;
const RIGHT = 24;
const ROW_H = 24;
const LANE_H = 30;
const AXIS_H = 30;
/** Member rows drawn before "show all" (a large collaboration has hundreds). */
const ROWS_FIRST = 40;

const toDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** The span the timeline covers: from the first member's joining to the latest event. */
export function timelineSpan(doc: Doc): { start: string; end: string } {
  let start = '';
  let end = '';
  const see = (d: string | null | undefined) => {
    if (!d) return;
    if (start === '' || d < start) start = d;
    if (end === '' || d > end) end = d;
  };
  for (const m of doc.members) {
    see(m.startDate);
    see(m.endDate);
  }
  for (const a of doc.activities) see(a.date);
  for (const d of doc.decisions) see(d.date);
  return { start, end };
}

interface Ticks {
  readonly at: string;
  readonly label: string;
}

function monthTicks(start: string, end: string): Ticks[] {
  const months =
    (+end.slice(0, 4) - +start.slice(0, 4)) * 12 + (+end.slice(5, 7) - +start.slice(5, 7));
  const step = months <= 18 ? 1 : months <= 48 ? 3 : 12;
  const ticks: Ticks[] = [];
  let y = +start.slice(0, 4);
  let m = +start.slice(5, 7);
  // First of the month after the start, aligned to the step.
  m += 1;
  while ((m - 1) % step !== 0) m += 1;
  for (;;) {
    while (m > 12) {
      m -= 12;
      y += 1;
    }
    const at = `${y}-${String(m).padStart(2, '0')}-01`;
    if (at > end) break;
    const label = new Intl.DateTimeFormat('en-GB', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(toDay(at)));
    ticks.push({ at, label: step === 12 ? at.slice(0, 4) : label });
    m += step;
  }
  return ticks;
}

const PHASE_SHAPE: Record<string, string> = {
  planning: '▲',
  doing: '●',
  reviewing: '■',
};

/** A mark for an activity of a phase, centred on (x, y). */
function phaseMark(phase: string, x: number, y: number, r: number, key: string, title: string) {
  const t = <title>{title}</title>;
  if (phase === 'planning')
    return (
      <polygon
        key={key}
        className="tl-mark tl-mark--planning"
        points={`${x},${y - r} ${x + r},${y + r * 0.8} ${x - r},${y + r * 0.8}`}
      >
        {t}
      </polygon>
    );
  if (phase === 'reviewing')
    return (
      <rect
        key={key}
        className="tl-mark tl-mark--reviewing"
        x={x - r * 0.8}
        y={y - r * 0.8}
        width={r * 1.6}
        height={r * 1.6}
      >
        {t}
      </rect>
    );
  return (
    <circle key={key} className="tl-mark tl-mark--doing" cx={x} cy={y} r={r * 0.85}>
      {t}
    </circle>
  );
}

const clip = (text: string, max: number) =>
  Array.from(text).length <= max
    ? text
    : `${Array.from(text)
        .slice(0, max - 1)
        .join('')}…`;

/**
 * Who was in the collaboration when, and what it did: one bar per member from joining to
 * leaving (a cross and a dashed end mark a leaver), their joint activities on the bar, and
 * lanes of all joint activities and decisions above, on one time axis.
 */
export function TimelineChart({ doc, names }: { doc: Doc; names: Names }) {
  const [all, setAll] = useState(false);
  const titleId = useId();
  const descId = useId();
  const { start, end } = useMemo(() => timelineSpan(doc), [doc]);
  const members = useMemo(
    () =>
      [...doc.members].sort(
        (a, b) =>
          byName(names.agency(a.agencyId), names.agency(b.agencyId)) ||
          (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0) ||
          byName(a.displayName, b.displayName),
      ),
    [doc, names],
  );
  const rows = all ? members : members.slice(0, ROWS_FIRST);
  const t0 = toDay(start);
  const t1 = Math.max(toDay(end), t0 + 86_400_000);
  const x = (iso: string) => LABEL_W + ((toDay(iso) - t0) / (t1 - t0)) * (WIDTH - LABEL_W - RIGHT);
  const ticks = useMemo(() => monthTicks(start, end), [start, end]);

  const agencyRows: { agency: string; at: number }[] = [];
  let y = AXIS_H + LANE_H * 2 + 8;
  const placed = rows.map((m, i) => {
    if (i === 0 || rows[i - 1]?.agencyId !== m.agencyId) {
      agencyRows.push({ agency: m.agencyId, at: y });
      y += ROW_H;
    }
    const at = y;
    y += ROW_H;
    return { member: m, at };
  });
  const height = y + 8;
  const rowOf = new Map(placed.map((p) => [p.member.id, p.at]));
  const left = doc.members.filter((m) => m.endDate !== null && m.endDate <= end);

  return (
    <>
      <ScrollBox label="Timeline picture">
        <svg
          className="timeline"
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
        >
          <title id={titleId}>Timeline of membership, joint activities and decisions</title>
          <desc id={descId}>
            From {day(start)} to {day(end)}: {doc.members.length} members, {left.length} of whom
            left; {doc.activities.length} activities and {doc.decisions.length} decisions. The list
            below holds the same events.
          </desc>
          {ticks.map((tick) => (
            <g key={tick.at} className="tl-tick">
              <line x1={x(tick.at)} x2={x(tick.at)} y1={AXIS_H - 6} y2={height - 4} />
              <text x={x(tick.at)} y={AXIS_H - 10} textAnchor="middle">
                {tick.label}
              </text>
            </g>
          ))}
          <text className="tl-lane-label" x={8} y={AXIS_H + LANE_H / 2 + 5}>
            Joint activities
          </text>
          {doc.activities.map((a) =>
            phaseMark(
              a.phase,
              x(a.date),
              AXIS_H + LANE_H / 2,
              6,
              a.id,
              `${day(a.date)}: ${a.title} (${phaseWord(a.phase).toLowerCase()}, ${a.participantIds.length} taking part)`,
            ),
          )}
          <text className="tl-lane-label" x={8} y={AXIS_H + LANE_H * 1.5 + 5}>
            Decisions
          </text>
          {doc.decisions.map((d) => {
            const cx = x(d.date);
            const cy = AXIS_H + LANE_H * 1.5;
            const alone = d.method === 'agencyUnilateral';
            return (
              <polygon
                key={d.id}
                className={`tl-decision${alone ? ' tl-decision--alone' : ''}`}
                points={`${cx},${cy - 8} ${cx + 8},${cy} ${cx},${cy + 8} ${cx - 8},${cy}`}
              >
                <title>{`${day(d.date)}: ${d.title} (${methodWord(d.method).toLowerCase()})`}</title>
              </polygon>
            );
          })}
          {agencyRows.map((g) => (
            <text key={`${g.agency}-${g.at}`} className="tl-agency" x={8} y={g.at + 16}>
              {clip(names.agency(g.agency), 60)}
            </text>
          ))}
          {placed.map(({ member, at }) => {
            const from = x(member.startDate);
            const gone = member.endDate !== null && member.endDate <= end;
            const to = x(gone && member.endDate ? member.endDate : end);
            const cy = at + ROW_H / 2;
            return (
              <g key={member.id} className={gone ? 'tl-member tl-member--left' : 'tl-member'}>
                <text className="tl-name" x={16} y={cy + 5}>
                  {clip(member.displayName, 30)}
                  <title>{member.displayName}</title>
                </text>
                <rect
                  className="tl-bar"
                  x={from}
                  y={cy - 5}
                  width={Math.max(2, to - from)}
                  height={10}
                  rx={3}
                >
                  <title>
                    {`${member.displayName}: joined ${day(member.startDate)}${gone && member.endDate ? `, left ${day(member.endDate)}` : ', in post'}`}
                  </title>
                </rect>
                {gone && (
                  <>
                    <path
                      className="tl-left-mark"
                      d={`M${to - 5} ${cy - 7}L${to + 5} ${cy + 7}M${to + 5} ${cy - 7}L${to - 5} ${cy + 7}`}
                    />
                    {to < WIDTH - 90 && (
                      <text className="tl-left-text" x={to + 9} y={cy + 4}>
                        left {day(member.endDate)}
                      </text>
                    )}
                  </>
                )}
              </g>
            );
          })}
          {doc.activities.flatMap((a) =>
            a.participantIds
              .filter((id) => rowOf.has(id))
              .map((id) =>
                phaseMark(
                  a.phase,
                  x(a.date),
                  (rowOf.get(id) ?? 0) + ROW_H / 2,
                  4.5,
                  `${a.id}-${id}`,
                  `${day(a.date)}: ${names.member(id)} took part in ${a.title}`,
                ),
              ),
          )}
        </svg>
      </ScrollBox>
      <ul className="tl-legend">
        <li>
          <span className="tl-legend__bar" aria-hidden="true" /> In post (bar from joining)
        </li>
        <li>
          <span className="tl-legend__bar tl-legend__bar--left" aria-hidden="true" /> ✕ Left, with
          the date
        </li>
        <li>{PHASE_SHAPE.planning} Planning</li>
        <li>{PHASE_SHAPE.doing} Doing</li>
        <li>{PHASE_SHAPE.reviewing} Reviewing (joint activities, also on each member’s bar)</li>
        <li>◆ Decision (hollow: one agency decided alone)</li>
      </ul>
      {members.length > ROWS_FIRST && (
        <button type="button" className="button button--quiet" onClick={() => setAll(!all)}>
          {all ? `Show the first ${ROWS_FIRST} members only` : `Show all ${members.length} members`}
        </button>
      )}
    </>
  );
}

type EventKind = 'joined' | 'left' | 'activity' | 'decision';

interface TimelineEvent {
  readonly key: string;
  readonly date: string;
  readonly kind: EventKind;
  readonly what: string;
  readonly detail: string;
  readonly who: string;
}

const KIND_WORD: Record<EventKind, string> = {
  joined: 'Joined',
  left: 'Left',
  activity: 'Joint activity',
  decision: 'Decision',
};

/** The same events as a list: date, what happened, who. */
export function TimelineList({ doc, names }: { doc: Doc; names: Names }) {
  const [kind, setKind] = useState<'all' | 'membership' | 'activity' | 'decision'>('all');
  const kindId = useId();
  const events = useMemo(() => {
    const list: TimelineEvent[] = [];
    const who = (ids: readonly string[]) =>
      ids.length <= 4
        ? ids.map(names.member).join(', ')
        : `${ids.slice(0, 3).map(names.member).join(', ')} and ${ids.length - 3} more`;
    for (const m of doc.members) {
      const role = `${names.profession(m.professionId)}, ${names.agency(m.agencyId)}`;
      list.push({
        key: `j:${m.id}`,
        date: m.startDate,
        kind: 'joined',
        what: m.displayName,
        detail: role,
        who: m.displayName,
      });
      if (m.endDate)
        list.push({
          key: `l:${m.id}`,
          date: m.endDate,
          kind: 'left',
          what: m.displayName,
          detail: role,
          who: m.displayName,
        });
    }
    for (const a of doc.activities)
      list.push({
        key: `a:${a.id}`,
        date: a.date,
        kind: 'activity',
        what: a.title,
        detail: phaseWord(a.phase),
        who: who(a.participantIds),
      });
    for (const d of doc.decisions)
      list.push({
        key: `d:${d.id}`,
        date: d.date,
        kind: 'decision',
        what: d.title,
        detail:
          methodWord(d.method) +
          (d.decidingAgencyId ? ` (${names.agency(d.decidingAgencyId)})` : ''),
        who: who(d.participantIds),
      });
    return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }, [doc, names]);
  const shown = events.filter(
    (e) =>
      kind === 'all' ||
      (kind === 'membership' ? e.kind === 'joined' || e.kind === 'left' : e.kind === kind),
  );
  const paged = usePaged(shown, 50, kind);
  return (
    <>
      <div className="toolbar view-toolbar">
        <div className="field field--inline">
          <label htmlFor={kindId}>Show</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="all">Everything</option>
            <option value="membership">Joining and leaving</option>
            <option value="activity">Joint activities</option>
            <option value="decision">Decisions</option>
          </select>
        </div>
      </div>
      <ScrollBox label="Timeline as a list">
        <table className="view-table">
          <caption>Events in date order ({shown.length})</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Event</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">Who</th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((e) => (
              <tr key={e.key} className={e.kind === 'left' ? 'view-table__row--flag' : ''}>
                <th scope="row" className="nowrap">
                  {day(e.date)}
                </th>
                <td>{KIND_WORD[e.kind]}</td>
                <td>{e.what}</td>
                <td>{e.detail}</td>
                <td>{e.kind === 'joined' || e.kind === 'left' ? '—' : e.who}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <Pager paged={paged} noun="events" />
    </>
  );
}
