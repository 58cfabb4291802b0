// Bounds of the model that no real report comes near (issue 22), stated in the JSON Schema and kept by the readers.
// A figure past them is a typing slip or a hostile file: above 2^53 a JSON number or a cell is not even the number
// written (9007199254740993 reads as …992) and every sum over it is wrong.
import type { ValueKind } from '../editions/types';

/**
 * Every count (applications, decisions, documents, appeals): at most a thousand million. The largest counts any body
 * reports (a province's penalty or licensing decisions) are in the millions; sums of a few hundred counts this size
 * stay exact far below 2^53.
 */
export const MAX_COUNT = 1_000_000_000;
/**
 * Amounts in 万元 (fees, procurement): at most a thousand million 万元, i.e. 10 万亿元, beyond any one body's fees or
 * purchases; with four decimals that is 10^13 ten-thousandths, still exact in a double.
 */
export const MAX_AMOUNT = 1_000_000_000;
/** 机关名称: the longest real names (a county office of a corps division) are some 40 characters. */
export const MAX_AGENCY_LENGTH = 100;
/** One paragraph of 一、五 or 六: real ones run to a thousand or two characters. */
export const MAX_PARAGRAPH_LENGTH = 20_000;
/** Paragraphs (sub-headings included) of one text section: real sections have a few dozen. */
export const MAX_PARAGRAPHS = 500;

/** Explanations of warnings (the 说明 sheet): a report has a handful; each says in a few sentences why a warning stands. */
export const MAX_EXPLANATIONS = 200;
export const MAX_EXPLANATION_LENGTH = 1000;
/** A rule's id or name, or a place (sheet!cell, a pointer, a section): short. */
export const MAX_EXPLANATION_KEY_LENGTH = 200;

/** The range a value of each kind may take (本年增/减 of the 2019 edition may be negative). */
export const valueRange: Readonly<Record<ValueKind, { minimum: number; maximum: number }>> = {
  count: { minimum: 0, maximum: MAX_COUNT },
  signedCount: { minimum: -MAX_COUNT, maximum: MAX_COUNT },
  amount: { minimum: 0, maximum: MAX_AMOUNT },
};

/** Whether a value is within the bounds of its kind (the sign of a count is the schema's business, not this). */
export const withinBounds = (value: number, kind: ValueKind): boolean => Math.abs(value) <= valueRange[kind].maximum;

/** Characters as JSON Schema counts them for maxLength: code points, not UTF-16 units. */
export const textLength = (text: string): number => {
  let length = 0;
  for (const _ of text) length++;
  return length;
};
