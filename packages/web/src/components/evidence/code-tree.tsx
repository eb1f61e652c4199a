import type { ReactNode } from 'react';
import type { CodebookCodeNode, CodebookGroupNode, CodebookNode } from '../../api/qualitative.js';
import { plural } from '../../labels.js';
import { codeColour } from './coding-text.js';

/** Whether a code, or one under it, matches a search (names and descriptions, any case). */
function matches(node: CodebookNode, query: string): boolean {
  if (query === '') return true;
  if (node.kind === 'code') {
    const hay = `${node.name} ${node.description}`.toLocaleLowerCase('en');
    if (hay.includes(query)) return true;
  }
  return node.children.some((child) => matches(child, query));
}

/** A code's colour swatch: drawn, and hidden from screen readers (the name says it all). */
export function Swatch({ code }: { readonly code: Pick<CodebookCodeNode, 'id' | 'color'> }) {
  return (
    <span className="ev-swatch" aria-hidden="true" style={{ backgroundColor: codeColour(code) }} />
  );
}

/** Counts of a code in words and figures: own codings, and with its sub-codes when they differ. */
export function CodeCount({ node }: { readonly node: CodebookCodeNode }) {
  const label =
    node.total === node.codings
      ? plural(node.codings, 'coded passage', 'coded passages')
      : `${plural(node.codings, 'coded passage', 'coded passages')}, ${node.total} with its sub-codes`;
  return (
    <span className="ev-count" title={label}>
      <span aria-hidden="true">
        {node.total === node.codings ? node.codings : `${node.codings} · ${node.total}`}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/**
 * The codebook as nested lists: each context of the model (and the researcher's own codes) a
 * collapsible heading with its count, each code a row drawn by `row`, sub-codes under it.
 */
export function CodeTree({
  groups,
  row,
  query = '',
  label,
}: {
  readonly groups: readonly CodebookGroupNode[];
  readonly row: (node: CodebookCodeNode) => ReactNode;
  /** Shows only codes whose name or description holds this (lower case). */
  readonly query?: string;
  readonly label: string;
}) {
  const q = query.trim().toLocaleLowerCase('en');
  const codes = (nodes: readonly CodebookNode[]): ReactNode => {
    const shown = nodes.filter((n) => matches(n, q));
    if (shown.length === 0) return null;
    return (
      <ul className="ev-tree__list">
        {shown.map((node) =>
          node.kind === 'group' ? (
            <li key={node.id} className="ev-tree__subgroup">
              <span className="ev-tree__subgroup-name">{node.name}</span>
              {codes(node.children)}
            </li>
          ) : (
            <li key={node.id} className="ev-tree__item">
              <div className="ev-tree__row">{row(node)}</div>
              {node.children.length > 0 && codes(node.children)}
            </li>
          ),
        )}
      </ul>
    );
  };
  const visible = groups.filter((g) => matches(g, q));
  return (
    <div className="ev-tree" role="group" aria-label={label}>
      {visible.length === 0 && <p className="muted">No code matches “{query.trim()}”.</p>}
      {visible.map((group) => (
        <details key={group.id} className="ev-tree__group" open>
          <summary className="ev-tree__summary">
            <span className="ev-tree__group-name">{group.name}</span>{' '}
            <span className="ev-tree__group-count">
              ({plural(group.total, 'coded passage', 'coded passages')})
            </span>
          </summary>
          {group.children.length === 0 ? (
            <p className="muted ev-tree__empty">No codes here yet.</p>
          ) : (
            codes(group.children)
          )}
        </details>
      ))}
    </div>
  );
}
