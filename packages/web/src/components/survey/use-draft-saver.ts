import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, ConnectionError } from '../../api/http.js';
import { saveDraft, saveDraftOnLeaving, type SurveyDraft } from '../../api/surveys.js';
import { keepUnsavedDraft } from './local-copy.js';

/** Where the answers are: saved on the server, on their way, or only on this device. */
export type SaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  /** The server could not be reached: the answers are kept here and saved once it can. */
  | { readonly kind: 'offline' }
  /** The server refused the draft (it should not happen): the answers stay on the page. */
  | { readonly kind: 'refused'; readonly message: string };

/** Wait after the last change before saving, in ms. */
const DEBOUNCE_MS = 1200;
/** Wait before trying again after a lost connection, in ms. */
const RETRY_MS = 10_000;

/**
 * Keeps the server's draft up to date: saves a moment after each change, at once on
 * {@link flush} (moving between pages), and as the page is left; keeps a local copy while the
 * server has not got the latest answers, and tries again when the connection returns.
 * `onLinkEnded` is told when the link stops working (used, revoked, closed meanwhile).
 */
export function useDraftSaver(
  token: string,
  draft: SurveyDraft,
  options: {
    readonly enabled: boolean;
    /** Whether the first draft still needs saving (a local copy newer than the server's). */
    readonly unsavedAtStart: boolean;
    readonly onLinkEnded: (error: ApiError) => void;
  },
): { state: SaveState; flush: () => Promise<void> } {
  const { enabled, onLinkEnded } = options;
  const text = JSON.stringify(draft);
  const latest = useRef({ draft, text });
  latest.current = { draft, text };
  const saved = useRef<string | null>(options.unsavedAtStart ? null : text);
  const [state, setState] = useState<SaveState>({
    kind: options.unsavedAtStart ? 'pending' : 'saved',
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const ended = useRef(onLinkEnded);
  ended.current = onLinkEnded;
  const dirty = () => saved.current !== latest.current.text;

  const save = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) {
      // Save again once the request under way is done, with whatever is latest then.
      return inFlight.current.then(() => (dirty() ? save() : undefined));
    }
    const { draft: body, text: sent } = latest.current;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        await saveDraft(token, body);
        saved.current = sent;
        if (dirty()) {
          setState({ kind: 'pending' });
          timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
        } else {
          keepUnsavedDraft(token, null);
          setState({ kind: 'saved' });
        }
      } catch (error) {
        if (error instanceof ConnectionError || !(error instanceof ApiError)) {
          setState({ kind: 'offline' });
          timer.current = setTimeout(() => void save(), RETRY_MS);
        } else if ([404, 409, 410].includes(error.status)) {
          ended.current(error);
        } else {
          setState({ kind: 'refused', message: error.message });
        }
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [token]);

  // A change: keep it locally at once, save it on the server a moment later.
  useEffect(() => {
    if (!enabled || saved.current === text) return;
    keepUnsavedDraft(token, latest.current.draft);
    setState((s) => (s.kind === 'offline' || s.kind === 'refused' ? s : { kind: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [enabled, save, text, token]);

  useEffect(() => {
    if (!enabled) return;
    const online = () => {
      if (dirty()) void save();
    };
    const leaving = () => {
      if (!dirty()) return;
      clearTimeout(timer.current);
      saveDraftOnLeaving(token, latest.current.draft);
      // Whether that arrived is unknown: save again when the page is back (timers wait).
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') leaving();
    };
    window.addEventListener('online', online);
    window.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', leaving);
      document.removeEventListener('visibilitychange', hidden);
      clearTimeout(timer.current);
    };
  }, [enabled, save, token]);

  const flush = useCallback(async () => {
    if (enabled && dirty()) await save();
  }, [enabled, save]);

  return { state, flush };
}
