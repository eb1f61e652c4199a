/** Plain-words labels for the codes the API sends. Unknown codes are shown as they come. */

const TEAM_FORMS: Record<string, string> = {
  looseNetwork: 'Loose network: people who come together case by case',
  caseTeam: 'Case team: people who work together around particular children or families',
  structuredTeam: 'Structured team: people who work together regularly, with a stable membership',
};

const SECTORS: Record<string, string> = {
  education: 'Education',
  health: 'Health',
  socialCare: 'Social care',
  youth: 'Youth services',
  youthJustice: 'Youth justice',
  police: 'Police',
  voluntary: 'Voluntary and community',
  localAuthority: 'Local authority',
  other: 'Other',
};

export function teamFormLabel(code: string): string {
  return TEAM_FORMS[code] ?? code;
}

export function sectorLabel(code: string): string {
  return SECTORS[code] ?? code;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/** A readable date, or null when the timestamp cannot be read. */
export function formatDate(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dateFormat.format(date);
}
