import type { FrostLevel, FrostReport, PairLevel } from '@weframe/core';
import {
  forwardRef,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { Flag, FrostTag, ScrollBox } from './marks.js';
import { listed, type Names } from './names.js';
import { Pager, usePaged } from './pager.js';
import { byName, FROST_ORDER, FROST_SHOWN, frostWord } from './view-labels.js';

/** A row or column of the matrix: a member (grouped by agency) or an agency. */
export interface MatrixNode {
  readonly id: string;
  readonly label: string;
  readonly groupLabel: string;
}

/** Most rows (and columns) drawn at once; larger groups are shown block by block. */
const BLOCK = 20;

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/** Every pair by both orders of its ids. */
export function pairIndex(pairs: readonly PairLevel[]): Map<string, PairLevel> {
  const index = new Map<string, PairLevel>();
  for (const p of pairs) {
    index.set(pairKey(p.a, p.b), p);
    index.set(pairKey(p.b, p.a), p);
  }
  return index;
}

/** Nodes in group then name order. */
export function orderedNodes(nodes: readonly MatrixNode[]): MatrixNode[] {
  return [...nodes].sort((a, b) => byName(a.groupLabel, b.groupLabel) || byName(a.label, b.label));
}

/** The group's level and how many pairs sit at each level, as a bar with numbers and a table. */
export function FrostDistribution({ group }: { group: FrostReport['group'] }) {
  const total = Math.max(1, group.pairs);
  return (
    <div className="frost-summary">
      <p>
        Level of the group: <FrostTag level={group.level} />{' '}
        <span className="muted">
          (the lower median of the {group.pairsWithContact} member pairs with any contact, of{' '}
          {group.pairs} pairs)
        </span>
      </p>
      <div className="frost-bar" aria-hidden="true">
        {FROST_ORDER.map((level) =>
          group.distribution[level] > 0 ? (
            <span
              key={level}
              className="frost-bar__part"
              style={{
                width: `${(100 * group.distribution[level]) / total}%`,
                background: FROST_SHOWN[level].fill,
              }}
            >
              {FROST_SHOWN[level].digit}
            </span>
          ) : null,
        )}
      </div>
      <table className="view-table frost-counts">
        <caption>Member pairs at each level</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">What it means</th>
            <th scope="col" className="num">
              Pairs
            </th>
          </tr>
        </thead>
        <tbody>
          {FROST_ORDER.map((level) => (
            <tr key={level}>
              <th scope="row">
                <FrostTag level={level} />
              </th>
              <td>{FROST_SHOWN[level].description}</td>
              <td className="num">{group.distribution[level]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface MatrixProps {
  readonly nodes: readonly MatrixNode[];
  readonly index: ReadonlyMap<string, PairLevel>;
  readonly selected: PairLevel | null;
  readonly onSelect: (pair: PairLevel) => void;
  /** Enter on a cell: go to the evidence. */
  readonly onOpen: () => void;
  /** "member" or "agency". */
  readonly noun: string;
}

function blockLabel(nodes: readonly MatrixNode[], start: number): string {
  const part = nodes.slice(start, start + BLOCK);
  const groups = [...new Set(part.map((n) => n.groupLabel))];
  const where =
    groups.length <= 2 ? groups.join(', ') : `${groups[0] ?? ''} … ${groups.at(-1) ?? ''}`;
  return `${start + 1}–${start + part.length}${where ? ` (${where})` : ''}`;
}

/**
 * The Frost level of each pair as a matrix: every cell carries the level's digit over its
 * colour, and a flag mark where a goal conflict is unresolved. The matrix is one tab stop; the
 * arrow keys move between cells (ARIA grid), focusing a cell selects its pair. Large groups
 * are shown 20 rows and 20 columns at a time.
 */
export function FrostMatrix({ nodes, index, selected, onSelect, onOpen, noun }: MatrixProps) {
  const [rowStart, setRowStart] = useState(0);
  const [colStart, setColStart] = useState(0);
  const [focus, setFocus] = useState<{ r: number; c: number }>({ r: 1, c: 0 });
  const rowsId = useId();
  const colsId = useId();
  const grid = useRef<HTMLTableElement | null>(null);
  const rows = nodes.slice(rowStart, rowStart + BLOCK);
  const cols = nodes.slice(colStart, colStart + BLOCK);
  const blocks = useMemo(
    () =>
      Array.from({ length: Math.ceil(nodes.length / BLOCK) }, (_, i) => ({
        start: i * BLOCK,
        label: blockLabel(nodes, i * BLOCK),
      })),
    [nodes],
  );
  const r = Math.min(focus.r, rows.length - 1);
  const c = Math.min(focus.c, cols.length - 1);

  const moveTo = (nr: number, nc: number) => {
    const row = Math.max(0, Math.min(rows.length - 1, nr));
    const col = Math.max(0, Math.min(cols.length - 1, nc));
    setFocus({ r: row, c: col });
    grid.current?.querySelector<HTMLElement>(`[data-cell="${row}-${col}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const keys: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, cols.length - 1],
      PageUp: [0, c],
      PageDown: [rows.length - 1, c],
    };
    const to = keys[event.key];
    if (to) {
      event.preventDefault();
      moveTo(to[0], to[1]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };

  return (
    <>
      {nodes.length > BLOCK && (
        <div className="toolbar view-toolbar">
          <div className="field field--inline">
            <label htmlFor={rowsId}>Rows: {noun}s</label>
            <select
              id={rowsId}
              value={rowStart}
              onChange={(e) => setRowStart(Number(e.target.value))}
            >
              {blocks.map((b) => (
                <option key={b.start} value={b.start}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--inline">
            <label htmlFor={colsId}>Columns: {noun}s</label>
            <select
              id={colsId}
              value={colStart}
              onChange={(e) => setColStart(Number(e.target.value))}
            >
              {blocks.map((b) => (
                <option key={b.start} value={b.start}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <ScrollBox label={`Frost levels of ${noun} pairs`}>
        <table
          ref={grid}
          role="grid"
          className="frost-matrix"
          aria-label={`Frost level of each ${noun} pair; use the arrow keys to move between pairs`}
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              <td className="frost-matrix__corner" />
              {cols.map((node, ci) => (
                <th key={node.id} scope="col" title={node.label}>
                  <span aria-hidden="true">{colStart + ci + 1}</span>
                  <span className="visually-hidden">{node.label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, ri) => (
              <tr key={row.id}>
                <th scope="row" className="frost-matrix__row">
                  <span className="frost-matrix__num" aria-hidden="true">
                    {rowStart + ri + 1}
                  </span>{' '}
                  {row.label}
                </th>
                {cols.map((col, ci) => {
                  const pair =
                    row.id === col.id ? null : (index.get(pairKey(row.id, col.id)) ?? null);
                  const chosen = pair !== null && pair === selected;
                  const tabbable = ri === r && ci === c;
                  const flagged = pair !== null && pair.flags.length > 0;
                  return (
                    <td
                      key={col.id}
                      role="gridcell"
                      data-cell={`${ri}-${ci}`}
                      tabIndex={tabbable ? 0 : -1}
                      aria-selected={chosen}
                      className={`frost-cell${chosen ? ' is-selected' : ''}${pair === null ? ' is-self' : ''}`}
                      style={pair ? { background: FROST_SHOWN[pair.level].fill } : undefined}
                      onFocus={() => {
                        setFocus({ r: ri, c: ci });
                        if (pair) onSelect(pair);
                      }}
                      onClick={() => {
                        if (pair) onSelect(pair);
                      }}
                    >
                      <span aria-hidden="true">
                        {pair ? FROST_SHOWN[pair.level].digit : '·'}
                        {flagged ? '⚑' : ''}
                      </span>
                      <span className="visually-hidden">
                        {pair
                          ? `${frostWord(pair.level)}${flagged ? '; goal conflict flagged' : ''}`
                          : 'the same'}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {colStart !== rowStart && (
        <p className="frost-colkey">
          <strong>Columns:</strong>{' '}
          {cols.map((n, i) => `${colStart + i + 1} ${n.label}`).join(' · ')}
        </p>
      )}
      <ul className="frost-legend" aria-label="Legend">
        {FROST_ORDER.map((level) => (
          <li key={level}>
            <span className="frost-legend__cell" style={{ background: FROST_SHOWN[level].fill }}>
              {FROST_SHOWN[level].digit}
            </span>{' '}
            {FROST_SHOWN[level].label}
          </li>
        ))}
        <li>
          <span className="frost-legend__cell">⚑</span> Unresolved goal conflict (the level is not
          changed by it)
        </li>
      </ul>
    </>
  );
}

const CONDITIONS: readonly { key: keyof PairLevel['conditions']; label: string }[] = [
  { key: 'contact', label: 'Any contact' },
  { key: 'jointPlanning', label: 'Joint planning' },
  { key: 'jointDoing', label: 'Joint doing' },
  { key: 'jointReviewing', label: 'Joint reviewing' },
  { key: 'recurring', label: 'Recurring joint work' },
  { key: 'recognisedGoal', label: 'A joint goal both recognise' },
  { key: 'resolution', label: 'A resolved overlap, duplication or gap' },
];

/** Most record ids listed per condition. */
const IDS_SHOWN = 8;

interface EvidenceProps {
  readonly pair: PairLevel | null;
  readonly name: (id: string) => string;
  readonly names: Names;
  readonly noun: string;
}

/** Why a pair sits at its level: each condition, whether it held and what met it. */
export const PairEvidence = forwardRef<HTMLHeadingElement, EvidenceProps>(function PairEvidence(
  { pair, name, names, noun },
  ref,
) {
  if (pair === null)
    return (
      <div className="frost-evidence frost-evidence--empty">
        <h3 ref={ref} tabIndex={-1}>
          Evidence for a pair
        </h3>
        <p className="muted">
          Select a cell of the matrix, or a pair in the table, to see why it sits at its level.
        </p>
      </div>
    );
  const a = name(pair.a);
  const b = name(pair.b);
  const self = (level: FrostLevel | null) => (level === null ? 'not rated' : frostWord(level));
  const ev = pair.evidence;
  return (
    <div className="frost-evidence">
      <h3 ref={ref} tabIndex={-1}>
        {a} and {b}: <FrostTag level={pair.level} />
      </h3>
      {pair.flags.length > 0 && (
        <ul className="frost-evidence__flags">
          {pair.flags.map((f) => (
            <li key={f}>
              <Flag>Goal conflict</Flag> {f}
            </li>
          ))}
        </ul>
      )}
      {pair.reasons.length > 0 && (
        <>
          <h4>Why not higher</h4>
          <ul>
            {pair.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      <ScrollBox label="Conditions of the level">
        <table className="view-table">
          <caption>What the rules found for this {noun} pair</caption>
          <thead>
            <tr>
              <th scope="col">Condition</th>
              <th scope="col">Met</th>
              <th scope="col">What counted</th>
              <th scope="col">Records</th>
            </tr>
          </thead>
          <tbody>
            {CONDITIONS.map(({ key, label }) => {
              const cond = pair.conditions[key];
              const ids = cond.evidence;
              return (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td className="nowrap">{cond.held ? '✓ Yes' : '✗ No'}</td>
                  <td>{cond.note}</td>
                  <td className="frost-evidence__ids">
                    {ids.length === 0
                      ? '—'
                      : ids.slice(0, IDS_SHOWN).join(', ') +
                        (ids.length > IDS_SHOWN ? ` and ${ids.length - IDS_SHOWN} more` : '')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <dl className="view-facts">
        <dt>Communications</dt>
        <dd>
          {ev.communications.aToB} from {a}, {ev.communications.bToA} from {b}
        </dd>
        <dt>Referrals</dt>
        <dd>
          {ev.referrals.aToB} from {a}, {ev.referrals.bToA} from {b}
        </dd>
        <dt>Joint activities</dt>
        <dd>
          planning {ev.activities.planning.length}, doing {ev.activities.doing.length}, reviewing{' '}
          {ev.activities.reviewing.length}
          {ev.months.length > 0 ? ` (in ${listed([...ev.months])})` : ''}
        </dd>
        <dt>Joint goals both recognise</dt>
        <dd>
          {ev.goals.length === 0
            ? 'none'
            : listed(
                ev.goals.map(
                  (g) =>
                    `“${names.goal(g.goalId)}” (${g.basis.map((x) => (x === 'survey' ? 'chosen in the survey' : 'shared work on it')).join(', ')})`,
                ),
              )}
        </dd>
        <dt>Their own view</dt>
        <dd>
          {a} says {self(pair.selfRated.aAboutB)}; {b} says {self(pair.selfRated.bAboutA)}{' '}
          <span className="muted">(reported beside the level, never mixed into it)</span>
        </dd>
      </dl>
    </div>
  );
});

interface PairTableProps {
  readonly pairs: readonly PairLevel[];
  readonly nodes: readonly MatrixNode[];
  readonly name: (id: string) => string;
  readonly noun: string;
  readonly onShow: (pair: PairLevel) => void;
}

/** Every pair as a table, filtered by level or by one of the two, page by page. */
export function PairTable({ pairs, nodes, name, noun, onShow }: PairTableProps) {
  const [level, setLevel] = useState<'contact' | 'flagged' | 'all' | FrostLevel>(
    pairs.length > 200 ? 'contact' : 'all',
  );
  const [who, setWho] = useState('');
  const levelId = useId();
  const whoId = useId();
  const shown = useMemo(
    () =>
      pairs.filter(
        (p) =>
          (who === '' || p.a === who || p.b === who) &&
          (level === 'all' ||
            (level === 'contact'
              ? p.level !== 'none'
              : level === 'flagged'
                ? p.flags.length > 0
                : p.level === level)),
      ),
    [pairs, who, level],
  );
  const paged = usePaged(shown, 25, `${level}/${who}`);
  const sorted = useMemo(() => [...nodes].sort((x, y) => byName(x.label, y.label)), [nodes]);
  return (
    <>
      <div className="toolbar view-toolbar">
        <div className="field field--inline">
          <label htmlFor={levelId}>Pairs</label>
          <select
            id={levelId}
            value={level}
            onChange={(e) => setLevel(e.target.value as typeof level)}
          >
            <option value="all">All pairs</option>
            <option value="contact">Pairs with any contact</option>
            <option value="flagged">Pairs with a goal conflict</option>
            {FROST_ORDER.map((l) => (
              <option key={l} value={l}>
                {FROST_SHOWN[l].label} only
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={whoId}>Pairs of</label>
          <select id={whoId} value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">Every {noun}</option>
            {sorted.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ScrollBox label={`Table of ${noun} pairs`}>
        <table className="view-table">
          <caption>
            {noun === 'member' ? 'Member' : 'Agency'} pairs and their levels ({shown.length} of{' '}
            {pairs.length})
          </caption>
          <thead>
            <tr>
              <th scope="col">Pair</th>
              <th scope="col">Level</th>
              <th scope="col">Flags</th>
              <th scope="col">Their own view</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((p) => {
              const label = `${name(p.a)} and ${name(p.b)}`;
              return (
                <tr
                  key={pairKey(p.a, p.b)}
                  className={p.flags.length > 0 ? 'view-table__row--flag' : ''}
                >
                  <th scope="row">{label}</th>
                  <td>
                    <FrostTag level={p.level} />
                  </td>
                  <td>{p.flags.length > 0 ? '⚑ Goal conflict' : '—'}</td>
                  <td>
                    {p.selfRated.aAboutB === null && p.selfRated.bAboutA === null
                      ? 'not rated'
                      : `${p.selfRated.aAboutB === null ? '—' : frostWord(p.selfRated.aAboutB)} / ${p.selfRated.bAboutA === null ? '—' : frostWord(p.selfRated.bAboutA)}`}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onShow(p)}
                      aria-label={`Show the evidence for ${label}`}
                    >
                      Show
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <Pager paged={paged} noun="pairs" />
    </>
  );
}

/** Moves focus to the evidence heading when asked, once it has been drawn. */
export function useFocusOnRequest(ref: RefObject<HTMLElement | null>) {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request > 0) ref.current?.focus();
  }, [request, ref]);
  return () => setRequest((n) => n + 1);
}
