import type {
  Core,
  EdgeSingular,
  ElementDefinition,
  NodeSingular,
  StylesheetJson,
} from 'cytoscape';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

/** A node as the picture draws it. */
export interface GraphNode {
  readonly id: string;
  readonly label: string;
  /** Index of the node's group in the layout order (nodes of a group sit together). */
  readonly group: number;
  /** Key people are diamonds with a thick outline; isolates hollow dashed circles. */
  readonly kind: 'key' | 'isolate' | 'plain';
  /** 0–1: how far the node is between others (betweenness relative to the largest). */
  readonly weight: number;
}

/** An undirected tie with its contacts in both directions. */
export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}

interface NetworkGraphProps {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Fill of each node by id (changes without a new layout). */
  readonly colours: ReadonlyMap<string, string>;
  /** Names every node up to this many nodes; above it, only key people and isolates. */
  readonly labelAll: boolean;
  readonly selected: string | null;
  readonly onSelect: (id: string | null) => void;
  /** Order in which arrow keys move through the nodes. */
  readonly order: readonly string[];
  /** The picture's accessible name. */
  readonly label: string;
  /** One sentence about a node, announced when it is selected. */
  readonly describe: (id: string) => string;
  /** Lets the page move focus to the picture (after "Show in the picture"). */
  readonly focusRef?: RefObject<HTMLDivElement | null>;
}

/** Most nodes laid out with forces; above it nodes keep their places on the circle. */
const FORCE_LAYOUT_MAX = 60;

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      'border-color': '#111111',
      'border-width': 1,
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(shown)',
      'font-size': 13,
      'font-family': 'system-ui, sans-serif',
      color: '#1b2430',
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  {
    selector: 'node.key',
    style: { shape: 'diamond', 'border-width': 3, 'font-weight': 'bold' },
  },
  {
    selector: 'node.isolate',
    style: { 'background-color': '#ffffff', 'border-style': 'dashed', 'border-width': 2 },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': '#3b4a5a',
      opacity: (edge: EdgeSingular) => Number(edge.data('opacity')),
      'curve-style': 'haystack',
    },
  },
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: 'edge.near', style: { 'line-color': '#163f56', opacity: 0.9 } },
  {
    selector: 'node.chosen',
    style: { 'border-width': 5, 'border-color': '#163f56', 'z-index': 10 },
  },
];

/** Nodes on a circle, group after group with a gap between groups: the first layout. */
function circlePositions(nodes: readonly GraphNode[]): Map<string, { x: number; y: number }> {
  const sorted = [...nodes].sort((a, b) => a.group - b.group);
  const groups = new Set(sorted.map((n) => n.group)).size;
  const slots = Math.max(1, sorted.length + (groups > 1 ? groups : 0));
  const radius = Math.max(120, sorted.length * 4);
  const positions = new Map<string, { x: number; y: number }>();
  let slot = 0;
  let previous: number | null = null;
  for (const node of sorted) {
    if (previous !== null && node.group !== previous && groups > 1) slot++;
    previous = node.group;
    const angle = -Math.PI / 2 + (2 * Math.PI * slot) / slots;
    positions.set(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    slot++;
  }
  return positions;
}

/**
 * Turns a layout a quarter turn when its long side runs across the frame's short side, so a
 * long chain of contacts fills the wide frame instead of shrinking to fit it.
 */
function turnToFrame(cy: Core): void {
  const box = cy.nodes().boundingBox({});
  const frame = cy.height() / Math.max(1, cy.width());
  if (box.w === 0 || box.h / box.w <= frame * 1.3) return;
  cy.nodes().positions((node) => {
    const { x, y } = node.position();
    return { x: y, y: -x };
  });
  cy.fit(undefined, 30);
}

function elementsOf(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  colours: ReadonlyMap<string, string>,
  labelAll: boolean,
): ElementDefinition[] {
  const small = nodes.length <= FORCE_LAYOUT_MAX;
  const [min, max] = small ? [20, 46] : [9, 24];
  const positions = circlePositions(nodes);
  const heaviest = edges.reduce((m, e) => Math.max(m, e.weight), 1);
  const opacity = Math.max(0.12, Math.min(0.7, 150 / Math.max(1, edges.length)));
  return [
    ...nodes.map((node) => {
      const named = labelAll || node.kind !== 'plain';
      const suffix = node.kind === 'key' ? ' ◆' : node.kind === 'isolate' ? ' (isolate)' : '';
      return {
        group: 'nodes' as const,
        data: {
          id: node.id,
          shown: named ? `${node.label}${suffix}` : '',
          colour: colours.get(node.id) ?? '#7aa6c8',
          size: min + (max - min) * Math.sqrt(Math.max(0, Math.min(1, node.weight))),
        },
        classes: node.kind === 'plain' ? [] : [node.kind],
        position: positions.get(node.id) ?? { x: 0, y: 0 },
      };
    }),
    ...edges.map((edge) => ({
      group: 'edges' as const,
      data: {
        id: `${edge.source}\u0000${edge.target}`,
        source: edge.source,
        target: edge.target,
        width: (small ? 1 : 0.6) + (small ? 5 : 2.5) * Math.sqrt(edge.weight / heaviest),
        opacity,
      },
    })),
  ];
}

/**
 * A contact network drawn with Cytoscape.js (loaded only when a network is shown). Shapes, not
 * only colours, mark key people and isolates; the picture can be focused and walked with the
 * arrow keys, each node announced in words. The tables beside it hold the same information.
 */
export function NetworkGraph(props: NetworkGraphProps) {
  const { nodes, edges, colours, labelAll, selected, onSelect, order, label, describe } = props;
  const ownRef = useRef<HTMLDivElement | null>(null);
  const container = props.focusRef ?? ownRef;
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const coloursRef = useRef(colours);
  coloursRef.current = colours;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const helpId = useId();

  // Build the picture once per network; colours and the selection change it in place.
  useEffect(() => {
    let cancelled = false;
    let cy: Core | null = null;
    setState('loading');
    import('cytoscape').then(
      ({ default: cytoscape }) => {
        const element = container.current;
        if (cancelled || element === null) return;
        cy = cytoscape({
          container: element,
          elements: elementsOf(nodes, edges, coloursRef.current, labelAll),
          style: STYLE,
          layout: { name: 'preset', fit: true, padding: 30 },
          userZoomingEnabled: false,
          userPanningEnabled: false,
          boxSelectionEnabled: false,
          autoungrabify: true,
          minZoom: 0.05,
          maxZoom: 4,
        });
        if (nodes.length <= FORCE_LAYOUT_MAX && edges.length > 0) {
          cy.layout({
            name: 'cose',
            animate: false,
            randomize: false,
            fit: true,
            padding: 30,
            nodeDimensionsIncludeLabels: true,
            idealEdgeLength: () => 90,
            nodeRepulsion: () => 9000,
            componentSpacing: 60,
          }).run();
          turnToFrame(cy);
        }
        if (cy.zoom() > 1.6) {
          cy.zoom(1.6);
          cy.center();
        }
        cy.on('tap', 'node', (event) => {
          const node = event.target as NodeSingular;
          onSelectRef.current(node.id());
        });
        cy.on('tap', (event) => {
          if (event.target === cy) onSelectRef.current(null);
        });
        cyRef.current = cy;
        setState('ready');
      },
      () => {
        if (!cancelled) setState('failed');
      },
    );
    return () => {
      cancelled = true;
      cy?.destroy();
      cyRef.current = null;
    };
  }, [nodes, edges, labelAll, container]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.data('colour', colours.get(node.id()) ?? '#7aa6c8');
      });
    });
  }, [colours, state]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('faded near chosen');
      if (selected === null) return;
      const node = cy.getElementById(selected);
      if (node.empty()) return;
      const neighbourhood = node.closedNeighborhood();
      cy.elements().difference(neighbourhood).addClass('faded');
      neighbourhood.edges().addClass('near');
      node.addClass('chosen');
    });
  }, [selected, state]);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    const level = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * factor));
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    cy.userPanningEnabled(factor > 1 || cy.zoom() > 1);
  };
  const fit = () => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.fit(undefined, 30);
    cy.userPanningEnabled(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (order.length === 0) return;
    const at = selected === null ? -1 : order.indexOf(selected);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = at < 0 ? 0 : (at + 1) % order.length;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = at < 0 ? order.length - 1 : (at - 1 + order.length) % order.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = order.length - 1;
        break;
      case 'Escape':
        if (selected === null) return;
        event.preventDefault();
        onSelect(null);
        return;
      case '+':
      case '=':
        event.preventDefault();
        zoom(1.25);
        return;
      case '-':
        event.preventDefault();
        zoom(0.8);
        return;
      default:
        return;
    }
    event.preventDefault();
    const id = order[next];
    if (id !== undefined) onSelect(id);
  };

  return (
    <div className="network-graph">
      <div className="network-graph__tools" role="group" aria-label="Zoom">
        <button type="button" className="button button--quiet" onClick={() => zoom(1.25)}>
          Zoom in
        </button>
        <button type="button" className="button button--quiet" onClick={() => zoom(0.8)}>
          Zoom out
        </button>
        <button type="button" className="button button--quiet" onClick={fit}>
          Fit to the frame
        </button>
      </div>
      <div
        ref={container}
        className="network-graph__canvas"
        role="group"
        aria-roledescription="network picture"
        aria-label={label}
        aria-describedby={helpId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-state={state}
      />
      <p id={helpId} className="network-graph__help muted">
        Select a node, or focus the picture and use the arrow keys to move from one to the next;
        Escape clears the selection.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {selected === null ? '' : describe(selected)}
      </p>
      {state === 'loading' && <p className="muted">Drawing the network…</p>}
      {state === 'failed' && (
        <p className="status status--error" role="alert">
          The picture could not be drawn. The tables below hold the same information.
        </p>
      )}
    </div>
  );
}
