/**
 * Rosters as facilitators have them: pasted lines (`name or member id, email`) or a CSV file,
 * matched to the collaboration's members; and the links CSV they hand to a mail merge.
 */
import { parseCsv } from '@weframe/core';
import type { RosterMember } from '../../api/surveys.js';

/** One person of a pasted or uploaded roster. */
export interface RosterEntry {
  /** 1-based line of the pasted text. */
  readonly line: number;
  readonly name: string;
  readonly email: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Splits pasted text: one person a line, the name (or member id) then, optionally, an email. */
export function rosterEntries(text: string): RosterEntry[] {
  return text.split(/\r\n|\r|\n/).flatMap((raw, i) => {
    const cells = raw
      .split(/[,;\t]/)
      .map((c) => c.trim())
      .filter((c) => c !== '');
    if (cells.length === 0) return [];
    const email = cells.find((c) => EMAIL.test(c)) ?? null;
    const name = cells.find((c) => c !== email) ?? email ?? '';
    return [{ line: i + 1, name, email }];
  });
}

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The outcome of matching a roster to the members. */
export interface RosterMatch {
  readonly matched: { entry: RosterEntry; member: RosterMember }[];
  readonly unmatched: { entry: RosterEntry; reason: string }[];
}

/** Matches each entry to a member by id or exact name (ignoring case and spacing). */
export function matchRoster(
  entries: readonly RosterEntry[],
  members: readonly RosterMember[],
): RosterMatch {
  const byId = new Map(members.map((m) => [m.id, m]));
  const byName = new Map<string, RosterMember | null>();
  for (const m of members) {
    const key = normalise(m.displayName);
    byName.set(key, byName.has(key) ? null : m);
  }
  const matched: RosterMatch['matched'] = [];
  const unmatched: RosterMatch['unmatched'] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const found = byId.get(entry.name) ?? byName.get(normalise(entry.name));
    if (found === null)
      unmatched.push({ entry, reason: 'two members have this name: use the member id' });
    else if (found === undefined)
      unmatched.push({ entry, reason: 'is not a member of this collaboration' });
    else if (seen.has(found.id)) unmatched.push({ entry, reason: 'is on the roster twice' });
    else {
      seen.add(found.id);
      matched.push({ entry, member: found });
    }
  }
  return { matched, unmatched };
}

const NAME_HEADERS = ['name', 'display name', 'full name', 'member', 'member id', 'id', 'person'];
const EMAIL_HEADERS = ['email', 'e-mail', 'email address', 'e-mail address', 'mail'];

/**
 * Reads a roster CSV (a header row naming a name or member column and, optionally, an email
 * column) into pasted-text lines; without a recognised header, the first column is the name.
 */
export function rosterLinesFromCsv(text: string): { lines: string[]; problem: string | null } {
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    (text.split('\n')[0] ?? '').split(d).length > (text.split('\n')[0] ?? '').split(best).length
      ? d
      : best,
  );
  const parsed = parseCsv(text, { delimiter });
  if (!parsed.ok) return { lines: [], problem: parsed.issues.map((i) => i.message).join('; ') };
  const [header, ...rows] = parsed.records;
  if (!header) return { lines: [], problem: 'the file is empty' };
  const heads = header.cells.map(normalise);
  const nameAt = heads.findIndex((h) => NAME_HEADERS.includes(h));
  const emailAt = heads.findIndex((h) => EMAIL_HEADERS.includes(h));
  const body = nameAt < 0 && emailAt < 0 ? parsed.records : rows;
  const lines = body.flatMap((record) => {
    const name = (record.cells[nameAt < 0 ? 0 : nameAt] ?? '').trim();
    const email = emailAt < 0 ? '' : (record.cells[emailAt] ?? '').trim();
    if (name === '' && email === '') return [];
    return [email ? `${name}, ${email}` : name];
  });
  return { lines, problem: lines.length === 0 ? 'no names were found in the file' : null };
}

/** One CSV cell: quoted when needed; a leading = + - @ neutralised so no sheet runs it as a formula. */
function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The links as CSV, for a mail merge: name, email, link, expiry. */
export function linksCsv(
  rows: readonly { name: string; email: string | null; url: string; expiresAt: string | null }[],
): string {
  const lines = [
    ['name', 'email', 'link', 'expires'],
    ...rows.map((r) => [r.name, r.email ?? '', r.url, r.expiresAt ?? '']),
  ];
  // CRLF and a byte-order mark: what spreadsheet programs expect of a CSV.
  return `\ufeff${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
