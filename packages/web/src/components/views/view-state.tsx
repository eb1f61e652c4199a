import type { ReactNode } from 'react';
import type { Resource } from '../../hooks/use-resource.js';
import { StatusMessage } from '../status-message.js';

interface ViewStateProps<T> {
  readonly resource: Resource<T> & { reload: () => void };
  /** What is loading, e.g. "the networks". */
  readonly what: string;
  readonly children: (data: T) => ReactNode;
}

/** The loading and error states of a view, then the view itself once its data is ready. */
export function ViewState<T>({ resource, what, children }: ViewStateProps<T>) {
  if (resource.kind === 'loading')
    return (
      <StatusMessage kind="loading">
        <p>Loading {what}…</p>
      </StatusMessage>
    );
  if (resource.kind === 'error')
    return (
      <StatusMessage kind="error">
        <p className="status__title">{capitalised(what)} could not be loaded.</p>
        <p className="status__detail">{resource.error.message}</p>
        <button type="button" className="button" onClick={resource.reload}>
          Try again
        </button>
      </StatusMessage>
    );
  return <>{children(resource.data)}</>;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
