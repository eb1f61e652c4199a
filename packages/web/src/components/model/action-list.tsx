import type { SuggestedAction } from '@weframe/core';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { severityOrder } from './model-labels.js';
import { StatusBadge } from './status-badge.js';

interface ActionListProps {
  readonly actions: readonly SuggestedAction[];
  /** Element names by id; when given, each action names and links its element. */
  readonly elementNames?: ReadonlyMap<string, string>;
  readonly elementHref?: (elementId: string) => string;
  /** Shows this many at first, the rest on request (default: all). */
  readonly first?: number;
}

/** Suggested actions, concerns first, each with the status of the indicator that raised it. */
export function ActionList({ actions, elementNames, elementHref, first }: ActionListProps) {
  const [all, setAll] = useState(false);
  const listId = useId();
  if (actions.length === 0)
    return <p className="muted">No indicator is at watch or concern: nothing to act on.</p>;
  const sorted = actions
    .map((action, i) => ({ action, i }))
    .sort((a, b) => severityOrder(a.action.status) - severityOrder(b.action.status) || a.i - b.i);
  const limit = first ?? sorted.length;
  const shown = all ? sorted : sorted.slice(0, limit);
  return (
    <>
      <ul className="action-list" id={listId}>
        {shown.map(({ action }) => {
          const name = elementNames?.get(action.element);
          return (
            <li key={`${action.indicatorId}:${action.status}`} className="action-list__item">
              <StatusBadge status={action.status} />
              <div className="action-list__body">
                <p>{action.text}</p>
                {name !== undefined && elementHref && (
                  <p className="action-list__element">
                    Element: <Link href={elementHref(action.element)}>{name}</Link>
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {sorted.length > limit && (
        <button
          type="button"
          className="button button--quiet action-list__more"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll((v) => !v)}
        >
          {all ? 'Show fewer actions' : `Show all ${sorted.length} actions`}
        </button>
      )}
    </>
  );
}
