// How much of a text section repeats last year's, sentence by sentence: word for word, or nearly (character bigrams,
// digits and punctuation ignored, so 2024 ≈ 2025 and 47 件 ≈ 52 件). `report diff` shows it; X100 warns when a
// report's 一 or 五 is mostly last year's (the 宿迁 rule: over half the same).
import type { TextSectionKey } from '../editions/types';
import { NUMBERED_HEADING } from '../model/label-text';

export interface RepeatedSentence {
  current: string;
  previous: string;
  /** Word for word the same sentence. */
  exact: boolean;
  /** 0.8–1 (bigrams, digits and punctuation ignored): 1 when only years, figures or punctuation changed. */
  similarity: number;
}

export interface TextReuse {
  section: TextSectionKey;
  /** The share of this year's sentences that repeat last year's, 0–1, two decimals. */
  reused: number;
  /** How many sentences this year's section has (headings and fragments under 8 characters not counted). */
  total: number;
  sentences: RepeatedSentence[];
}

/** Sentences this short are headings (（一）主动公开) or fragments: copying them says nothing. */
const MIN_SENTENCE = 8;
/** Two sentences this alike (character bigrams, digits ignored) are the same sentence reworded a little. */
export const NEARLY_SAME = 0.8;

const HEADING = NUMBERED_HEADING;

const paragraphsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];

export function sentencesOf(paragraphs: readonly string[]): string[] {
  return paragraphs
    .flatMap((paragraph) => paragraph.split(/(?<=[。！？；!?;])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => comparable(sentence).length >= MIN_SENTENCE && !HEADING.test(sentence));
}

/** What is compared: no spaces or punctuation, and every run of digits one sign (2024 ≈ 2025, 47 件 ≈ 52 件). */
function comparable(sentence: string): string {
  return sentence.replace(/[\s\p{P}\p{S}]/gu, '').replace(/[0-9０-９]+/g, '#');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i < chars.length - 1; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice's coefficient over character bigrams: 1 for the same text, near 0 for unrelated text. */
export function similarity(a: string, b: string): number {
  const x = bigrams(comparable(a));
  const y = bigrams(comparable(b));
  let shared = 0;
  let size = 0;
  for (const [gram, count] of x) {
    shared += Math.min(count, y.get(gram) ?? 0);
    size += count;
  }
  for (const count of y.values()) size += count;
  return size === 0 ? 0 : (2 * shared) / size;
}

export function textReuse(section: TextSectionKey, before: unknown, now: unknown): TextReuse {
  const previousSentences = sentencesOf(paragraphsOf(before));
  const currentSentences = sentencesOf(paragraphsOf(now));
  const exact = new Map(previousSentences.map((sentence) => [comparable(sentence), sentence]));
  const sentences: RepeatedSentence[] = [];
  for (const sentence of currentSentences) {
    const same = exact.get(comparable(sentence));
    if (same !== undefined) {
      sentences.push({ current: sentence, previous: same, exact: same === sentence, similarity: 1 });
      continue;
    }
    let best: RepeatedSentence | undefined;
    for (const candidate of previousSentences) {
      const score = similarity(sentence, candidate);
      if (score >= NEARLY_SAME && score > (best?.similarity ?? 0))
        best = { current: sentence, previous: candidate, exact: false, similarity: Math.round(score * 100) / 100 };
    }
    if (best) sentences.push(best);
  }
  const total = currentSentences.length;
  return {
    section,
    reused: total === 0 ? 0 : Math.round((sentences.length / total) * 100) / 100,
    total,
    sentences,
  };
}
