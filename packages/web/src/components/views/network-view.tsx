import type { NetworkReport } from '@weframe/core';
import { useId, useMemo, useRef, useState } from 'react';
import { listed } from './names.js';
import { NetworkGraph, type GraphEdge, type GraphNode } from './network-graph.js';
import { Pager, usePaged } from './pager.js';
import { ScrollBox } from './marks.js';
import { byName, fixed, groupColour, percent } from './view-labels.js';

type NodeInfo = NetworkReport['nodes'][number];

/** Most ties drawn; above it the heaviest are drawn and the caption says so. */
const MAX_DRAWN_TIES = 1500;
/** Names next to every node up to this many nodes. */
const LABEL_ALL_MAX = 40;
const PAGE = 25;
/** Group colours listed openly up to this many groups; more fold away. */
const LEGEND_OPEN_MAX = 12;

type ColourBy = 'agency' | 'profession';
type SortBy = 'betweenness' | 'ties' | 'name' | 'group';
type Only = 'all' | 'key' | 'isolate';

/** One node with everything the tables show. */
interface NodeRow {
  readonly node: NodeInfo;
  readonly ties: number;
  readonly inDegree: number;
  readonly outDegree: number;
  readonly betweenness: number;
  readonly closeness: number;
  readonly key: boolean;
  readonly isolate: boolean;
}

interface Words {
  readonly title: string;
  readonly node: string;
  readonly nodes: string;
  readonly Node: string;
  readonly key: string;
  readonly keys: string;
}

const WORDS: Record<NetworkReport['level'], Words> = {
  interProfessional: {
    title: 'Inter-professional network',
    node: 'member',
    nodes: 'members',
    Node: 'Member',
    key: 'key person',
    keys: 'key people',
  },
  interAgency: {
    title: 'Inter-agency network',
    node: 'agency',
    nodes: 'agencies',
    Node: 'Agency',
    key: 'key agency',
    keys: 'key agencies',
  },
};

/**
 * One level of the contact network: its measures, the picture (colour by agency or
 * profession for members; shapes for key people and isolates) and the same content as tables
 * of nodes and of ties.
 */
export function NetworkView({ report }: { report: NetworkReport }) {
  const words = WORDS[report.level];
  const members = report.level === 'interProfessional';
  const m = report.measures;
  const [colourBy, setColourBy] = useState<ColourBy>('agency');
  const [selected, setSelected] = useState<string | null>(null);
  const canvasRef = useRef<HTMLDivElement | null>(null);
  const colourName = useId();

  const rows = useMemo(() => nodeRows(report), [report]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.node.id, r])), [rows]);
  const name = useMemo(() => {
    const names = new Map(report.nodes.map((n) => [n.id, n.label]));
    return (id: string) => names.get(id) ?? id;
  }, [report]);

  // Groups for the layout (agencies of members) and for the colours (agency or profession).
  const layoutGroups = useMemo(() => groupsOf(report.nodes, 'agency'), [report]);
  const colourGroups = useMemo(
    () => (members ? groupsOf(report.nodes, colourBy) : []),
    [report, colourBy, members],
  );
  const colours = useMemo(() => {
    const map = new Map<string, string>();
    if (!members) {
      for (const n of report.nodes) map.set(n.id, '#7aa6c8');
      return map;
    }
    const index = new Map(colourGroups.map((g, i) => [g.id, i]));
    for (const n of report.nodes) map.set(n.id, groupColour(index.get(groupKey(n, colourBy)) ?? 0));
    return map;
  }, [report, colourGroups, colourBy, members]);

  const maxBetweenness = Math.max(0, ...rows.map((r) => r.betweenness));
  const graphNodes = useMemo<GraphNode[]>(() => {
    const groupIndex = new Map(layoutGroups.map((g, i) => [g.id, i]));
    return rows.map((r) => ({
      id: r.node.id,
      label: r.node.label,
      group: groupIndex.get(r.node.group) ?? 0,
      kind: r.key ? 'key' : r.isolate ? 'isolate' : 'plain',
      weight: maxBetweenness > 0 ? r.betweenness / maxBetweenness : 0,
    }));
  }, [rows, layoutGroups, maxBetweenness]);
  const { drawn, total } = useMemo(() => heaviest(m.weights, MAX_DRAWN_TIES), [m.weights]);
  const order = useMemo(
    () => [...rows].sort((a, b) => byName(a.node.label, b.node.label)).map((r) => r.node.id),
    [rows],
  );

  const describe = (id: string) => {
    const r = byId.get(id);
    if (!r) return id;
    const flags = [r.key ? words.key : null, r.isolate ? 'isolate' : null].filter(Boolean);
    return `${r.node.label}${members ? `, ${r.node.groupLabel}` : ''}: ${r.ties} ${r.ties === 1 ? 'tie' : 'ties'}${flags.length ? `, ${flags.join(', ')}` : ''}.`;
  };

  const keys = rows.filter((r) => r.key).map((r) => r.node.label);
  const isolates = rows.filter((r) => r.isolate).map((r) => r.node.label);
  const possiblePairs = (m.nodeCount * (m.nodeCount - 1)) / 2;
  const largest = m.components.reduce((big, c) => Math.max(big, c.length), 0);
  const broker = [...rows].sort((a, b) => b.betweenness - a.betweenness)[0];

  if (report.nodes.length === 0)
    return (
      <section className="view-section" aria-label={words.title}>
        <h2>{words.title}</h2>
        <p className="muted">There are no {words.nodes} to show yet.</p>
      </section>
    );

  const selectedRow = selected === null ? null : (byId.get(selected) ?? null);

  return (
    <section className="view-section" aria-labelledby={`${report.level}-title`}>
      <h2 id={`${report.level}-title`}>{words.title}</h2>
      <p className="view-lead">
        {report.nodes.length} {words.nodes}; {m.undirectedTieCount} of {possiblePairs} possible
        pairs in contact; {keys.length === 0 ? 'no' : keys.length}{' '}
        {keys.length === 1 ? words.key : words.keys};{' '}
        {isolates.length === 0 ? 'no isolates' : `${isolates.length} isolated`}.
      </p>

      <dl className="view-measures" aria-label={`Measures of the ${words.title.toLowerCase()}`}>
        <div>
          <dt>Density</dt>
          <dd>
            {fixed(m.density)}{' '}
            <span className="muted">
              ({m.tieCount} of {m.nodeCount * (m.nodeCount - 1)} possible directed ties)
            </span>
          </dd>
        </div>
        <div>
          <dt>Reciprocity</dt>
          <dd>{m.reciprocity === null ? 'no ties' : percent(m.reciprocity)}</dd>
        </div>
        <div>
          <dt>Degree centralisation</dt>
          <dd>
            {fixed(m.degreeCentralization)} <span className="muted">(0 all alike, 1 one hub)</span>
          </dd>
        </div>
        <div>
          <dt>Components</dt>
          <dd>
            {m.components.length}{' '}
            <span className="muted">
              (largest {largest} of {m.nodeCount})
            </span>
          </dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">◆ </span>
            {capital(words.keys)}
          </dt>
          <dd>{listed(keys)}</dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">○ </span>Isolates
          </dt>
          <dd>{listed(isolates)}</dd>
        </div>
        {broker && broker.betweenness > 0 && (
          <div>
            <dt>Most in between</dt>
            <dd>
              {broker.node.label}{' '}
              <span className="muted">(betweenness {fixed(broker.betweenness)})</span>
            </dd>
          </div>
        )}
        <div>
          <dt>E-I index</dt>
          <dd>
            {fixed(m.eiIndex.overall)}{' '}
            <span className="muted">(−1 all ties within agencies, 1 all across)</span>
          </dd>
        </div>
        <div>
          <dt>Contact records</dt>
          <dd>{report.contactsInWindow}</dd>
        </div>
      </dl>

      <figure className="network-figure">
        {members && (
          <fieldset className="view-choice">
            <legend>Colour members by</legend>
            {(['agency', 'profession'] as const).map((choice) => (
              <label key={choice} className="view-choice__option">
                <input
                  type="radio"
                  name={colourName}
                  value={choice}
                  checked={colourBy === choice}
                  onChange={() => setColourBy(choice)}
                />{' '}
                {choice === 'agency' ? 'Agency' : 'Profession'}
              </label>
            ))}
          </fieldset>
        )}
        <NetworkGraph
          nodes={graphNodes}
          edges={drawn}
          colours={colours}
          labelAll={report.nodes.length <= LABEL_ALL_MAX}
          selected={selected}
          onSelect={setSelected}
          order={order}
          label={`${words.title}: ${report.nodes.length} ${words.nodes}, ${m.undirectedTieCount} pairs in contact`}
          describe={describe}
          focusRef={canvasRef}
        />
        <figcaption className="network-legend">
          <ul className="network-legend__shapes">
            <li>
              <span className="legend-shape legend-shape--key" aria-hidden="true" /> Diamond, thick
              outline, ◆ after the name: {words.key} (the only link between parts of the network)
            </li>
            <li>
              <span className="legend-shape legend-shape--isolate" aria-hidden="true" /> Hollow
              dashed circle, “(isolate)” after the name: no ties in the window
            </li>
            <li>
              <span className="legend-shape legend-shape--size" aria-hidden="true" /> Larger: more
              often on the shortest path between others (betweenness)
            </li>
            <li>
              <span className="legend-shape legend-shape--line" aria-hidden="true" /> Thicker line:
              more contacts, either direction
            </li>
          </ul>
          {members &&
            (colourGroups.length <= LEGEND_OPEN_MAX ? (
              <GroupLegend groups={colourGroups} colourBy={colourBy} />
            ) : (
              <details className="network-legend__more">
                <summary>
                  Colours of the {colourGroups.length}{' '}
                  {colourBy === 'agency' ? 'agencies' : 'professions'}
                </summary>
                <GroupLegend groups={colourGroups} colourBy={colourBy} />
              </details>
            ))}
          {members && colourGroups.length > 8 && (
            <p className="muted">
              Colours repeat after eight {colourBy === 'agency' ? 'agencies' : 'professions'}; the
              table names each member’s agency and profession.
            </p>
          )}
          {drawn.length < total && (
            <p>
              <strong>
                Only the {drawn.length} heaviest of {total} ties are drawn; the table lists them
                all.
              </strong>
            </p>
          )}
          {report.nodes.length > LABEL_ALL_MAX && (
            <p className="muted">
              With {report.nodes.length} {words.nodes}, only {words.keys} and isolates are named in
              the picture; select a node to see who it is.
            </p>
          )}
        </figcaption>
      </figure>

      <NodeDetails
        row={selectedRow}
        words={words}
        members={members}
        ties={selected === null ? [] : neighbours(m.weights, selected)}
        name={name}
      />

      <h3>Table view</h3>
      <NodeTable
        rows={rows}
        words={words}
        members={members}
        onShow={(id) => {
          setSelected(id);
          canvasRef.current?.focus();
        }}
      />
      <TieTable report={report} words={words} name={name} />

      <details className="view-conventions">
        <summary>How these figures are counted</summary>
        <ul>
          {report.conventions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function GroupLegend({
  groups,
  colourBy,
}: {
  groups: readonly { id: string; label: string; count: number }[];
  colourBy: ColourBy;
}) {
  return (
    <ul className="network-legend__groups" aria-label={`Colours: ${colourBy}`}>
      {groups.map((g, i) => (
        <li key={g.id}>
          <span
            className="legend-swatch"
            style={{ background: groupColour(i) }}
            aria-hidden="true"
          />{' '}
          {g.label} ({g.count})
        </li>
      ))}
    </ul>
  );
}

function NodeDetails({
  row,
  words,
  members,
  ties,
  name,
}: {
  row: NodeRow | null;
  words: Words;
  members: boolean;
  ties: readonly { id: string; weight: number }[];
  name: (id: string) => string;
}) {
  if (row === null)
    return (
      <div className="network-details network-details--empty">
        <p className="muted">Select a {words.node} to see their ties here.</p>
      </div>
    );
  return (
    <div className="network-details" aria-label={`Selected ${words.node}`} role="region">
      <h3>{row.node.label}</h3>
      <dl className="view-facts">
        {members && (
          <>
            <dt>Agency</dt>
            <dd>{row.node.groupLabel}</dd>
            <dt>Profession</dt>
            <dd>{row.node.professionLabel ?? '—'}</dd>
          </>
        )}
        <dt>Ties</dt>
        <dd>
          {row.ties} (receives from {row.inDegree}, reaches {row.outDegree})
        </dd>
        <dt>Betweenness</dt>
        <dd>{fixed(row.betweenness)}</dd>
        <dt>Closeness</dt>
        <dd>{fixed(row.closeness)}</dd>
        <dt>Marked as</dt>
        <dd>{flagsOf(row, words)}</dd>
      </dl>
      {ties.length > 0 && (
        <>
          <h4>In contact with</h4>
          <ul className="network-details__ties">
            {ties.map((t) => (
              <li key={t.id}>
                {name(t.id)}: {t.weight} {t.weight === 1 ? 'contact' : 'contacts'}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function NodeTable({
  rows,
  words,
  members,
  onShow,
}: {
  rows: readonly NodeRow[];
  words: Words;
  members: boolean;
  onShow: (id: string) => void;
}) {
  const [sortBy, setSortBy] = useState<SortBy>('betweenness');
  const [only, setOnly] = useState<Only>('all');
  const sortId = useId();
  const onlyId = useId();
  const shown = useMemo(() => {
    const kept = rows.filter((r) => only === 'all' || (only === 'key' ? r.key : r.isolate));
    const name = (a: NodeRow, b: NodeRow) => byName(a.node.label, b.node.label);
    const sorted = [...kept];
    switch (sortBy) {
      case 'betweenness':
        sorted.sort((a, b) => b.betweenness - a.betweenness || b.ties - a.ties || name(a, b));
        break;
      case 'ties':
        sorted.sort((a, b) => b.ties - a.ties || name(a, b));
        break;
      case 'name':
        sorted.sort(name);
        break;
      case 'group':
        sorted.sort((a, b) => byName(a.node.groupLabel, b.node.groupLabel) || name(a, b));
        break;
    }
    return sorted;
  }, [rows, sortBy, only]);
  const paged = usePaged(shown, PAGE, `${sortBy}/${only}`);
  return (
    <>
      <div className="toolbar view-toolbar">
        <div className="field field--inline">
          <label htmlFor={sortId}>Sort {words.nodes} by</label>
          <select id={sortId} value={sortBy} onChange={(e) => setSortBy(e.target.value as SortBy)}>
            <option value="betweenness">Betweenness, highest first</option>
            <option value="ties">Ties, most first</option>
            <option value="name">Name</option>
            {members && <option value="group">Agency</option>}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={onlyId}>Show</label>
          <select id={onlyId} value={only} onChange={(e) => setOnly(e.target.value as Only)}>
            <option value="all">All {words.nodes}</option>
            <option value="key">{capital(words.keys)} only</option>
            <option value="isolate">Isolates only</option>
          </select>
        </div>
      </div>
      <ScrollBox label={`Table of ${words.nodes}`}>
        <table className="view-table">
          <caption>
            {capital(words.nodes)}: ties, centrality and marks ({shown.length}
            {shown.length === rows.length ? '' : ` of ${rows.length}`})
          </caption>
          <thead>
            <tr>
              <th scope="col">{words.Node}</th>
              {members && <th scope="col">Agency</th>}
              {members && <th scope="col">Profession</th>}
              <th scope="col" className="num">
                Ties
              </th>
              <th scope="col" className="num">
                In
              </th>
              <th scope="col" className="num">
                Out
              </th>
              <th scope="col" className="num">
                Betweenness
              </th>
              <th scope="col" className="num">
                Closeness
              </th>
              <th scope="col">Marked as</th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((r) => (
              <tr key={r.node.id} className={r.key || r.isolate ? 'view-table__row--flag' : ''}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onShow(r.node.id)}
                    aria-label={`${r.node.label}: show in the picture`}
                  >
                    {r.node.label}
                  </button>
                </th>
                {members && <td>{r.node.groupLabel}</td>}
                {members && <td>{r.node.professionLabel ?? '—'}</td>}
                <td className="num">{r.ties}</td>
                <td className="num">{r.inDegree}</td>
                <td className="num">{r.outDegree}</td>
                <td className="num">{fixed(r.betweenness)}</td>
                <td className="num">{fixed(r.closeness)}</td>
                <td>{flagsOf(r, words)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <Pager paged={paged} noun={words.nodes} />
    </>
  );
}

function TieTable({
  report,
  words,
  name,
}: {
  report: NetworkReport;
  words: Words;
  name: (id: string) => string;
}) {
  const [of, setOf] = useState('');
  const ofId = useId();
  const agencies = report.level === 'interAgency';
  const ties = useMemo(
    () =>
      report.ties
        .filter((t) => of === '' || t.source === of || t.target === of)
        .map((t) => ({ ...t, from: name(t.source), to: name(t.target) }))
        .sort((a, b) => byName(a.from, b.from) || byName(a.to, b.to)),
    [report, of, name],
  );
  const paged = usePaged(ties, PAGE, of);
  const options = useMemo(
    () => [...report.nodes].sort((a, b) => byName(a.label, b.label)),
    [report.nodes],
  );
  return (
    <>
      <h4 className="view-subhead">Ties (edge list)</h4>
      <div className="toolbar view-toolbar">
        <div className="field field--inline">
          <label htmlFor={ofId}>Ties of</label>
          <select id={ofId} value={of} onChange={(e) => setOf(e.target.value)}>
            <option value="">Every {words.node}</option>
            {options.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {ties.length === 0 ? (
        <p className="muted">No ties in the window.</p>
      ) : (
        <ScrollBox label={`Ties between ${words.nodes}`}>
          <table className="view-table">
            <caption>
              Directed ties: contacts from one {words.node} to another, by source ({ties.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col" className="num">
                  Contacts
                </th>
                <th scope="col" className="num">
                  Communications
                </th>
                <th scope="col" className="num">
                  Joint activities
                </th>
                <th scope="col" className="num">
                  Survey answers
                </th>
                {agencies && (
                  <th scope="col" className="num">
                    Agency relations
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {paged.items.map((t) => (
                <tr key={`${t.source}\u0000${t.target}`}>
                  <th scope="row">{t.from}</th>
                  <td>{t.to}</td>
                  <td className="num">{t.weight}</td>
                  <td className="num">{t.communication}</td>
                  <td className="num">{t.activity}</td>
                  <td className="num">{t.survey}</td>
                  {agencies && <td className="num">{'relation' in t ? Number(t.relation) : 0}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <Pager paged={paged} noun="ties" />
    </>
  );
}

function flagsOf(row: NodeRow, words: Words): string {
  const flags = [
    row.key ? `◆ ${capital(words.key)}` : null,
    row.isolate ? '○ Isolate' : null,
  ].filter((f): f is string => f !== null);
  return flags.length === 0 ? '—' : flags.join('; ');
}

function nodeRows(report: NetworkReport): NodeRow[] {
  const m = report.measures;
  const keys = new Set(m.articulationPoints);
  const isolates = new Set(m.isolates);
  const ties = new Map<string, number>();
  for (const w of m.weights) {
    ties.set(w.source, (ties.get(w.source) ?? 0) + 1);
    ties.set(w.target, (ties.get(w.target) ?? 0) + 1);
  }
  return report.nodes.map((node) => ({
    node,
    ties: ties.get(node.id) ?? 0,
    inDegree: m.inDegree[node.id] ?? 0,
    outDegree: m.outDegree[node.id] ?? 0,
    betweenness: m.betweenness[node.id] ?? 0,
    closeness: m.closeness[node.id] ?? 0,
    key: keys.has(node.id),
    isolate: isolates.has(node.id),
  }));
}

const groupKey = (n: NodeInfo, by: ColourBy) =>
  by === 'agency' ? n.group : (n.profession ?? 'unknown');

/** Groups in name order with their sizes. */
function groupsOf(nodes: readonly NodeInfo[], by: ColourBy) {
  const groups = new Map<string, { id: string; label: string; count: number }>();
  for (const n of nodes) {
    const id = groupKey(n, by);
    const label = by === 'agency' ? n.groupLabel : (n.professionLabel ?? 'Profession not known');
    const g = groups.get(id) ?? { id, label, count: 0 };
    g.count++;
    groups.set(id, g);
  }
  return [...groups.values()].sort((a, b) => byName(a.label, b.label));
}

/** The heaviest undirected ties (equal weights in id order). */
function heaviest(
  weights: NetworkReport['measures']['weights'],
  max: number,
): { drawn: GraphEdge[]; total: number } {
  if (weights.length <= max) return { drawn: [...weights], total: weights.length };
  const sorted = [...weights].sort(
    (a, b) =>
      b.weight - a.weight ||
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
      (a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
  );
  return { drawn: sorted.slice(0, max), total: weights.length };
}

function neighbours(
  weights: NetworkReport['measures']['weights'],
  id: string,
): { id: string; weight: number }[] {
  return weights
    .filter((w) => w.source === id || w.target === id)
    .map((w) => ({ id: w.source === id ? w.target : w.source, weight: w.weight }))
    .sort((a, b) => b.weight - a.weight);
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
