import { createContext, useContext } from 'react';
import type { Me } from './api/session.js';

/** The signed-in user, shared with every page. */
export interface SessionValue {
  readonly me: Me;
  /** Reloads who is signed in (after a password change or joining a workspace). */
  readonly refresh: () => void;
  /** Called when the server says the session is over: the app shows the sign-in form. */
  readonly signedOut: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The session; only pages shown to a signed-in user call it. */
export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession is used outside a signed-in page');
  return session;
}

/** The workspace the user last chose (kept in the browser), if they still belong to it. */
export function currentWorkspace(me: Me): string | null {
  const chosen = localStorage.getItem('weframe:workspace');
  const slugs = me.memberships.map((m) => m.workspace.slug);
  if (chosen !== null && slugs.includes(chosen)) return chosen;
  return slugs[0] ?? null;
}

/** Remembers the chosen workspace. */
export function chooseWorkspace(slug: string): void {
  localStorage.setItem('weframe:workspace', slug);
}
