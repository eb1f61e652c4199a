/** Who is asking. Until sign-in exists every request is anonymous. */
export interface Principal {
  readonly kind: 'anonymous';
}

/** Actions routes ask permission for. */
export type Action = 'collaboration.list' | 'collaboration.read' | 'collaboration.import';

/**
 * Decides whether a principal may perform an action. Every route calls it as its own
 * step (validate → authorise → service → present); for now every action is open.
 */
export function authorise(_principal: Principal, _action: Action): boolean {
  return true;
}
