import { createContext, useContext } from 'react';
import type { Action, CollaborationAccess } from './api/access.js';

/** The collaboration a page is about, and what the user may do with it. */
export interface CollaborationContextValue {
  readonly id: string;
  readonly access: CollaborationAccess;
  /** Whether the user may perform an action here (the server checks again). */
  readonly can: (action: Action) => boolean;
  /** Tells the layout (and every page) that the record changed: diagnoses reload. */
  readonly changed: () => void;
  /** Increases each time the record changes; use it as a dependency to reload. */
  readonly revision: number;
}

export const CollaborationContext = createContext<CollaborationContextValue | null>(null);

/** The collaboration of the current page (inside {@link CollaborationLayout}). */
export function useCollaboration(): CollaborationContextValue {
  const value = useContext(CollaborationContext);
  if (value === null) throw new Error('useCollaboration is used outside a collaboration page');
  return value;
}
