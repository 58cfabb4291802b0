// The shape of an official edition: the single source of truth for template, readers, schema, rules and renderers.

/**
 * The ids of the editions, each added by its own file (`declare module './types'`), so that a new edition is its file
 * and its line in the registry (index.ts), and an id misspelt anywhere fails to compile.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each edition's file through declaration merging.
export interface EditionIds {}
export type EditionId = keyof EditionIds & string;

/** How a numeric cell is read and checked. */
export type ValueKind = 'count' | 'signedCount' | 'amount';

/** An official label as printed, an English gloss, and other spellings seen in published reports. */
export interface Label {
  zh: string;
  en: string;
  variants?: readonly string[];
}

export interface Column {
  key: string;
  label: Label;
  kind: ValueKind;
  /** Words by which a report's text names this column's figure (制发 for 本年制发件数), as N001 reads 一. */
  narrative?: readonly string[];
}

/** One sub-table of 二 (an item of 条例第二十条): its columns apply to each of its rows. */
export interface ProactiveGroup {
  item: Label;
  columns: readonly Column[];
  /** `narrative`: the words by which a report's text names the row (规章), as N001 reads 一. */
  rows: readonly { key: string; label: Label; narrative?: readonly string[] }[];
}

/** A row of 三. A row with children is a group label that carries no numbers. */
export interface RequestsRow {
  key: string;
  label: Label;
  children?: readonly RequestsRow[];
}

export interface AppealsGroup {
  key: string;
  label: Label;
  /** 行政诉讼 over 未经复议直接起诉 and 复议后起诉. */
  parent?: Label;
}

export type TextSectionKey = 'overview' | 'problems' | 'otherMatters';
export type TableSectionKey = 'proactive' | 'requests' | 'appeals';
export type SectionKey = TextSectionKey | TableSectionKey;

export interface Section {
  /** 一、总体情况 … as printed. */
  title: Label;
  /** The numeral that opens diagnostics' label chains: 一 … 六. */
  numeral: string;
  /** Sheet of the template that holds it (≤ 31 characters, no []:*?/\). */
  sheet: string;
}

/** A topic a text section must speak of, known by any of the words a report names it with. */
export interface SectionTopic {
  /** Its id, for the rules that speak of one topic (N003 of the fees). */
  key: string;
  name: Label;
  words: readonly string[];
}

export interface Edition {
  id: EditionId;
  /** e.g. 2021年版（国办公开办函〔2021〕30号）. */
  name: Label;
  /** The template's 填写说明 line on what its figures may be: amounts in 万元, a change that may be negative. */
  fillingNote: string;
  /** Report years the edition is used for (inclusive); `to` absent means still current. */
  years: { from: number; to?: number };
  sections: Readonly<Record<SectionKey, Section>>;
  /** What the edition's format notice says a text section must cover (N009); nothing when it names no topics. */
  coverage?: Readonly<Partial<Record<TextSectionKey, readonly SectionTopic[]>>>;
  /** The first header cell of every sub-table of 二: 信息内容. */
  proactiveHeader: Label;
  proactive: readonly ProactiveGroup[];
  requests: {
    /** The top-left header cell that states the table's own arithmetic. */
    balanceNote: Label;
    applicantHeader: Label;
    organisationHeader: Label;
    /** Seven numeric columns; the last is the total. */
    columns: readonly Column[];
    rows: readonly RequestsRow[];
  };
  appeals: {
    groups: readonly AppealsGroup[];
    /** Five outcome columns; the last is the total. */
    outcomes: readonly Column[];
  };
}
