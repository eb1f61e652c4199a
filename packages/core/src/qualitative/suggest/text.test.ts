import { describe, expect, it } from 'vitest';
import { STOP_WORDS, contentTokens, stem, textTerms } from './text.js';

describe('stem', () => {
  it('conflates the inflected and derived forms an interviewee uses for one idea', () => {
    const same = (words: string[]) => expect(new Set(words.map(stem)).size, words.join()).toBe(1);
    same(['decide', 'decided', 'deciding', 'decides']);
    same(['organise', 'organisation', 'organizations', 'organised']);
    same(['family', 'families']);
    same(['communicate', 'communication', 'communicating', 'communications']);
    same(['leader', 'leadership', 'leading', 'leads']);
    same(['agree', 'agreed', 'agreement']);
    same(['responsible', 'responsibility', 'responsibilities']);
    same(['accountable', 'accountability']);
    same(['plan', 'planning', 'planned', 'plans']);
    same(['confidential', 'confidentiality']);
    same(['inform', 'informed', 'information']);
    same(['early', 'earlier']);
  });

  it('keeps different words apart', () => {
    expect(stem('budget')).not.toBe(stem('budge'));
    expect(stem('policy')).not.toBe(stem('police'));
    expect(stem('school')).not.toBe(stem('scholar'));
  });

  it('reads curly and straight possessives alike', () => {
    expect(stem('children’s')).toBe(stem("children's"));
    expect(stem("children's")).toBe('children');
  });
});

describe('contentTokens', () => {
  it('drops stop words (pronouns and fillers too) and keeps each word’s UTF-16 position', () => {
    const text = 'Well, 😀 we really need a pooled budget for it, you know.';
    const tokens = contentTokens(text);
    expect(tokens.map((t) => t.surface)).toEqual(['pooled', 'budget']);
    for (const t of tokens) expect(text.slice(t.index, t.index + t.surface.length)).toBe(t.surface);
    for (const w of ['we', 'our', 'i', 'really', 'you', 'know'])
      expect(STOP_WORDS.has(w)).toBe(true);
  });

  it('treats contractions written with either apostrophe as stop words', () => {
    expect(contentTokens('I don’t think it’s theirs')).toEqual([]);
    expect(contentTokens("I don't think it's theirs")).toEqual([]);
  });
});

describe('textTerms', () => {
  it('adds neighbouring pairs as phrases, but not across a sentence break', () => {
    const terms = textTerms('Data protection matters. Budget cuts hurt.').map((t) => t.term);
    const pair = (a: string, b: string) => `${stem(a)}+${stem(b)}`;
    expect(terms).toContain(pair('data', 'protection'));
    expect(terms).toContain(pair('budget', 'cuts'));
    expect(terms).not.toContain(pair('matters', 'budget'));
  });

  it('leaves phrases out when asked', () => {
    expect(textTerms('line manager', false).map((t) => t.term)).toEqual(['line', 'manag']);
  });
});
