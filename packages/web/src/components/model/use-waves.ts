import { fetchWaves, type WaveListItem } from '../../api/diagnosis.js';
import { useResource } from '../../hooks/use-resource.js';

const none: readonly WaveListItem[] = [];

/**
 * The collaboration's survey waves for users who manage them (others get none, and see the
 * server's default wave). Loaded beside the diagnosis, never before it.
 */
export function useWaves(collaborationId: string, manages: boolean): readonly WaveListItem[] {
  const waves = useResource(
    (signal) => (manages ? fetchWaves(collaborationId, signal) : Promise.resolve(none)),
    [collaborationId, manages],
  );
  return waves.kind === 'ready' ? waves.data : none;
}
