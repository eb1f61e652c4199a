/**
 * Text handling for auto-coding suggestions: a tokenizer, a short English stop-word list and
 * a light suffix-stripping stemmer. Small and deterministic on purpose: no dictionary, no
 * model weights, the same output on every machine.
 */

/**
 * Words too common to say anything about a code: English function words, pronouns (so the
 * model's keywords "we", "our", "I" carry no weight), auxiliaries, and the fillers of spoken
 * interviews ("really", "sort of", "you know").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although always am among an and another
  any anyone anything are around as at back be became because been before being below
  between both but by can cannot could did do does doing done down during each either else
  enough even ever every few for from further get gets getting go goes going gone got had has
  have having he her here hers herself him himself his how however i if in into is it its
  itself just least less like lot lots made make makes making many may me might mine more
  most much must my myself need needs never no nobody none nor not nothing now of off often
  oh ok okay on once one ones only onto or other others otherwise our ours ourselves out over
  own per perhaps quite rather really said say says see seen she should since so some
  somebody someone something sometimes sort still such than that the their theirs them
  themselves then there these they thing things think this those though through thus to
  too towards under until up upon us very was way ways we well were what whatever when where
  whether which while who whole whom whose why will with within without would yeah yes yet
  you your yours yourself yourselves um er erm kind bit actually basically obviously
  probably honestly mean means know knew known lot just got gonna wanna let lets
  s t d ll m re ve don didn doesn isn wasn aren weren won wouldn couldn shouldn haven hasn
  hadn can't cannot`.split(/\s+/),
);

/** British spellings that the stemmer writes the American way, so both forms meet. */
const ISE = /(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$/;

/**
 * Derivational endings folded to a shorter form, longest first, written as they look after
 * final y → i ("-ity" as "-iti"). Each entry needs a stem of at least `min` letters left.
 */
const DERIVATIONAL: readonly (readonly [suffix: string, replacement: string, min: number])[] = [
  ['ational', 'ate', 4],
  ['ization', 'ize', 4],
  ['iveness', 'ive', 4],
  ['fulness', 'ful', 4],
  ['ousness', 'ous', 4],
  ['ibiliti', 'ible', 3],
  ['abiliti', 'able', 3],
  ['tional', 'tion', 4],
  ['aliti', 'al', 4],
  ['ation', '', 4],
  ['ator', '', 4],
  ['ment', '', 4],
  ['ness', '', 4],
  ['ship', '', 4],
  ['iti', '', 4],
  ['ate', '', 4],
  ['ful', '', 4],
  ['ous', '', 4],
  ['ive', '', 4],
  ['li', '', 5],
  ['er', '', 4],
];

const VOWEL = /[aeiouy]/;
const DOUBLE = /([^aeiouylsz])\1$/;

/**
 * A light English stemmer (in the spirit of Porter's step 1 plus a short derivational table):
 * plurals, -ed/-ing, final y → i, up to two derivational endings and a final e. It conflates
 * "decide/decided/deciding", "organise/organisation/organizations", "family/families",
 * "communicate/communication" and "leader/leadership"; it does not try to be linguistics.
 */
export function stem(word: string): string {
  const cached = STEMS.get(word);
  if (cached !== undefined) return cached;
  const result = stemUncached(word);
  // A bounded memo: interviews repeat their words, and stemming is the hot path.
  if (STEMS.size >= 50_000) STEMS.clear();
  STEMS.set(word, result);
  return result;
}

const STEMS = new Map<string, string>();

function stemUncached(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  w = w.replace(/'s?$/, '');
  if (w.length <= 3) return w;
  w = w.replace(ISE, 'iz$1');
  // Plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}i`;
  else if (w.endsWith('s') && !/(ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  // -eed, -ed, -ing.
  if (w.endsWith('eed')) {
    if (w.length > 4) w = w.slice(0, -1);
  } else {
    const m = /^(.+?)(ed|ing)$/.exec(w);
    if (m && m[1] !== undefined && m[1].length >= 3 && VOWEL.test(m[1])) {
      w = m[1];
      if (/(at|bl|iz)$/.test(w)) w = `${w}e`;
      else if (DOUBLE.test(w)) w = w.slice(0, -1);
    }
  }
  if (w.endsWith('y') && w.length > 3 && VOWEL.test(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  // Two passes, so "leadership" → "leader" → "lead" meets "leader" and "leading".
  for (let pass = 0; pass < 2; pass++) {
    for (const [suffix, replacement, min] of DERIVATIONAL) {
      if (w.endsWith(suffix) && w.length - suffix.length >= min) {
        w = w.slice(0, -suffix.length) + replacement;
        break;
      }
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** One word of a text: its stem, the word as written, and where it starts (UTF-16 index). */
export interface Token {
  readonly stem: string;
  readonly surface: string;
  readonly index: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The content words of `text`, in order: stop words and single characters dropped, stemmed. */
export function contentTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const lower = surface.toLowerCase().replace(/’/g, "'");
    if (lower.length < 2 || STOP_WORDS.has(lower) || STOP_WORDS.has(lower.replace(/'.*$/, ''))) {
      continue;
    }
    if (/^\d+$/.test(lower)) continue;
    tokens.push({ stem: stem(lower), surface, index: match.index });
  }
  return tokens;
}

const BREAK = /[.!?;:\n]/;

/** Separates the two stems of a bigram term; never produced by the tokenizer itself. */
export const BIGRAM_JOINER = '+';

/** A term the scorers count: a stem, or two adjacent content stems joined by `+`. */
export interface Term {
  readonly term: string;
  /** The words as written in the text, for showing why a code was suggested. */
  readonly surface: string;
}

/** The terms of a text: every content stem, and with `bigrams` every pair of neighbours. */
export function textTerms(text: string, bigrams = true): Term[] {
  const tokens = contentTokens(text);
  const terms: Term[] = tokens.map((t) => ({ term: t.stem, surface: t.surface.toLowerCase() }));
  if (bigrams) {
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1] as Token;
      const b = tokens[i] as Token;
      // Neighbours across a sentence break or far apart are not a phrase.
      const from = a.index + a.surface.length;
      if (b.index - from > 12 || BREAK.test(text.slice(from, b.index))) continue;
      terms.push({
        term: `${a.stem}${BIGRAM_JOINER}${b.stem}`,
        surface: text
          .slice(a.index, b.index + b.surface.length)
          .replace(/\s+/g, ' ')
          .toLowerCase(),
      });
    }
  }
  return terms;
}

/** How often each term occurs. */
export function termCounts(terms: readonly Term[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
  return counts;
}
