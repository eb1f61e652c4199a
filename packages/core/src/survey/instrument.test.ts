import { describe, expect, it } from 'vitest';
import { ELEMENT_IDS } from '../model/elements.js';
import { SCALE_ITEMS, DYADIC_QUESTIONS, NAME_GENERATOR, FROST_TAXONOMY } from '../index.js';

describe('the built-in survey instrument', () => {
  it('has unique item ids, each tied to a model element', () => {
    const ids = SCALE_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of SCALE_ITEMS) expect(ELEMENT_IDS).toContain(item.element);
  });

  it('reverse-keys about a fifth of the items', () => {
    const share = SCALE_ITEMS.filter((i) => i.reverseKeyed).length / SCALE_ITEMS.length;
    expect(share).toBeGreaterThanOrEqual(0.15);
    expect(share).toBeLessThanOrEqual(0.25);
  });

  it('covers the four facets of individual team reasoning', () => {
    const facets = new Set(SCALE_ITEMS.map((i) => i.facet).filter(Boolean));
    expect(facets).toEqual(new Set(['preference', 'intention', 'commitment', 'overview']));
  });

  it('stays answerable in 10–15 minutes (at most 50 scale items)', () => {
    expect(SCALE_ITEMS.length).toBeGreaterThanOrEqual(30);
    expect(SCALE_ITEMS.length).toBeLessThanOrEqual(50);
  });

  it('describes working levels with the plain words of Frost’s levels', () => {
    const levelQuestion = DYADIC_QUESTIONS.find((q) => q.id === 'D.workingLevel');
    const prompts = FROST_TAXONOMY.filter((l) => l.prompt).map((l) => l.prompt);
    expect(levelQuestion && 'answers' in levelQuestion).toBe(true);
    expect((levelQuestion?.answers as { wording: string }[]).map((a) => a.wording)).toEqual(
      prompts,
    );
    expect(NAME_GENERATOR.maxNames).toBe(15);
  });
});
