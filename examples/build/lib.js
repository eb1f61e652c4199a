// Helpers shared by the sample-data generators: a seeded PRNG, calendar arithmetic on ISO
// dates, code-point offsets into transcripts, and the JSON writer. Deterministic: no
// Math.random, no wall clock, so running a generator twice gives byte-identical output.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The author every sample record carries. */
export const AUTHOR = 'sample-data';

/** A record with the metadata every record carries (id, author, version 1). */
export function rec(id, fields) {
  return { id, author: AUTHOR, version: 1, ...fields };
}

/** Mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [lo, hi], both inclusive. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** A shuffled copy. */
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

const DAY_MS = 86_400_000;
const dayValue = (iso) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** The ISO date `days` after `iso`. */
export function addDays(iso, days) {
  return new Date(dayValue(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a, b) {
  return Math.round((dayValue(b) - dayValue(a)) / DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(iso) {
  return new Date(dayValue(iso)).getUTCDay();
}

/** True on Monday to Friday. */
export function isWorkday(iso) {
  const d = weekday(iso);
  return d >= 1 && d <= 5;
}

/** A random working day in [from, to], skipping days `reject` refuses. */
export function randomWorkday(rng, from, to, reject = () => false) {
  const span = daysBetween(from, to);
  for (let tries = 0; tries < 1000; tries++) {
    const d = addDays(from, rng.int(0, span));
    if (isWorkday(d) && !reject(d)) return d;
  }
  throw new Error(`no working day between ${from} and ${to}`);
}

/** Every date in [from, to] that falls on the given weekday (0 Sunday … 6 Saturday). */
export function weekdaysBetween(from, to, day) {
  const out = [];
  let d = from;
  while (weekday(d) !== day) d = addDays(d, 1);
  for (; d <= to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** Number of Unicode code points in a string. */
export function codePoints(text) {
  return [...text].length;
}

/** Code-point span [start, end) of the one occurrence of `needle` in `text`. */
export function span(text, needle) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`excerpt not found: ${needle.slice(0, 60)}`);
  if (text.indexOf(needle, at + 1) >= 0)
    throw new Error(`excerpt not unique: ${needle.slice(0, 60)}`);
  const start = codePoints(text.slice(0, at));
  return { start, end: start + codePoints(needle) };
}

/**
 * Speaker turns of a transcript written one turn a line as `Prefix: words`. Each turn spans
 * its whole line (prefix included, line break excluded), in code points.
 */
export function turnsOf(text, speakers) {
  const turns = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const length = codePoints(line);
    const prefix = line.slice(0, line.indexOf(':'));
    const who = speakers[prefix];
    if (line.length > 0) {
      if (!who) throw new Error(`no speaker for line: ${line.slice(0, 40)}`);
      turns.push({
        speaker: who.speaker,
        ...(who.caseId ? { caseId: who.caseId } : {}),
        start: offset,
        end: offset + length,
      });
    }
    offset += length + 1;
  }
  return turns;
}

/** Writes a document next to the examples folder as pretty JSON with a final newline. */
export function writeDocument(fileName, doc) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const target = path.join(here, '..', fileName);
  fs.writeFileSync(target, `${JSON.stringify(doc, null, 2)}\n`);
  return target;
}

/** Sorts records by date then id, for stable output. */
export function byDate(a, b) {
  const da = a.date ?? '';
  const db = b.date ?? '';
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Survey answers with a planned spread: for each item, `values` (keyed, i.e. after reverse
 * scoring) are handed out to respondents in order of their stance plus a little noise, so
 * the spread across the team is exactly the planned one and answers still hang together per
 * person. Reverse-keyed items are turned back to the raw answer a respondent would give.
 */
export function plannedAnswers(rng, items, respondents, valuesFor, stanceFor) {
  const answers = new Map(respondents.map((r) => [r, {}]));
  for (const item of items) {
    const values = [...valuesFor(item)].sort((a, b) => a - b);
    if (values.length !== respondents.length)
      throw new Error(`item ${item.id}: wrong number of values`);
    const order = [...respondents]
      .map((r) => ({ r, key: stanceFor(r, item) + rng.next() * 1.2 }))
      .sort((a, b) => a.key - b.key);
    order.forEach(({ r }, i) => {
      const keyed = values[i];
      answers.get(r)[item.id] = item.reverseKeyed ? 6 - keyed : keyed;
    });
  }
  return answers;
}
