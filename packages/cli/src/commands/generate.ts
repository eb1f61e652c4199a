import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { LARGE_CASE, syntheticDocument, type SyntheticOptions } from '@weframe/core';
import type { Io } from '../context.js';

/** `weframe generate …`: writes a deterministic synthetic collaboration document. */
export async function generateCommand(
  opts: Partial<SyntheticOptions> & { out?: string },
  io: Io,
): Promise<void> {
  const sizes: SyntheticOptions = {
    members: opts.members ?? LARGE_CASE.members,
    agencies: opts.agencies ?? LARGE_CASE.agencies,
    communications: opts.communications ?? LARGE_CASE.communications,
    waves: opts.waves ?? LARGE_CASE.waves,
    respondents:
      opts.respondents ?? Math.min(LARGE_CASE.respondents, opts.members ?? LARGE_CASE.members),
    items: opts.items ?? LARGE_CASE.items,
    segments: opts.segments ?? LARGE_CASE.segments,
    seed: opts.seed ?? LARGE_CASE.seed,
  };
  const text = JSON.stringify(syntheticDocument(sizes));
  if (!opts.out) {
    io.out(text);
    return;
  }
  const stream = createWriteStream(opts.out);
  stream.end(text);
  await once(stream, 'finish');
  io.err(`wrote ${opts.out} (${(text.length / 1e6).toFixed(1)} MB)`);
}
