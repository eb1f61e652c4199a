import { useCallback, useEffect, useState } from 'react';
import { SignedOutError } from '../api/http.js';
import { useSession } from '../session.js';

/** What a page knows about something it loads. */
export type Resource<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: Error }
  | { readonly kind: 'ready'; readonly data: T };

/**
 * Loads something from the server when `deps` change, aborting stale requests; `reload()`
 * loads it again. A 401 ends the session (the app then shows the sign-in form).
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): Resource<T> & { reload: () => void } {
  const session = useSession();
  const [state, setState] = useState<Resource<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'loading' }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ kind: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof SignedOutError) {
          session.signedOut();
          return;
        }
        setState({
          kind: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      },
    );
    return () => controller.abort();
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
