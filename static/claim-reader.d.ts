// Type declarations for claim-reader.js, the claim-reader loader.

/** A claims file (see docs/data-format.md), as an object or as JSON text. */
export type ClaimsData = ClaimsFile | string;

export interface ClaimsFile {
  $schema?: string;
  format?: "claim-reader/1";
  article: {
    kicker?: string[];
    headline: string;
    subheadline?: string | null;
    author?: string | null;
    publisher?: { name: string; url?: string | null } | null;
    dateline?: string | null;
    published?: string | null;
    updated?: string | null;
    paragraphs: string[];
    footer_note?: string | null;
  };
  parties: { id: string; name: string; short_name?: string | null; aliases?: string[] }[];
  issues: { id: string; label: string; description: string }[];
  claims: {
    id: string;
    party: string;
    issue: string;
    stance: "supports" | "demands" | "proposes" | "opposes" | "rejects" | "undecided";
    quote: { exact: string; prefix?: string | null; suffix?: string | null; paragraph?: number | null; start?: number | null };
    summary: string;
    attribution: { reported_by: string; basis?: string | null; via?: string | null };
    certainty: "certain" | "probable" | "possible" | "uncommitted";
    hedge?: string | null;
  }[];
}

/**
 * Read through serde: a wrong type or an unknown field makes `mount` reject with a message that
 * names the field (e.g. `claim-reader: mount options: theme: invalid type: …, expected "light" or "dark"`).
 */
export interface MountOptions {
  /** "light" or "dark"; by default the reader follows prefers-color-scheme. */
  theme?: "light" | "dark";
  /** URL of claim-reader.css; by default the one next to claim-reader.js. */
  stylesheet?: string;
}

export type Stance = ClaimsFile["claims"][number]["stance"];
export type Certainty = ClaimsFile["claims"][number]["certainty"];

/**
 * A claim as `claims()` returns it: the claims file's shape, with every optional field present
 * (null where the file leaves it out).
 */
export interface Claim {
  id: string;
  party: string;
  issue: string;
  stance: Stance;
  quote: { exact: string; prefix: string | null; suffix: string | null; paragraph: number | null; start: number | null };
  summary: string;
  attribution: { reported_by: string; basis: string | null; via: string | null };
  certainty: Certainty;
  hedge: string | null;
}

/** A claim as the events name it: the file's ids with the names the reader shows. */
export interface ClaimSummary {
  id: string;
  party: string;
  party_name: string;
  issue: string;
  issue_label: string;
  stance: Stance;
  certainty: Certainty;
}

/**
 * The events a reader dispatches, bubbling and composed: listen on the element it was mounted
 * into (or any ancestor, or the document). Each fires once per change.
 */
export interface ClaimReaderEventMap {
  /** Details were opened on a passage: every claim they show, and how they were opened. */
  "claim-reader:claim-opened": CustomEvent<{ claims: ClaimSummary[]; opener: "hover" | "focus" | "tap" | "link" }>;
  /** A stance-table cell was activated. `stance` is the cell's `data-stance`. */
  "claim-reader:cell-chosen": CustomEvent<{ party: string; issue: string; stance: Stance | "mixed" | "not-stated"; claims: string[] }>;
  /** An issue's highlights were switched off (`shown: false`) or back on in the legend. */
  "claim-reader:issue-toggled": CustomEvent<{ issue: string; label: string; shown: boolean }>;
}

declare global {
  interface HTMLElementEventMap extends ClaimReaderEventMap {}
  interface DocumentEventMap extends ClaimReaderEventMap {}
}

export interface ReaderHandle {
  /** Shows other data; null shows the loading state. */
  update(data: ClaimsData | null): void;
  /** The claims of the data shown; [] while loading, after a failure or once destroyed. */
  claims(): Claim[];
  /** Shows the error panel with this message (e.g. the data could not be fetched). */
  fail(message: string): void;
  /** Removes the reader and its listeners and puts the element's own children back (for a
   * reader that hydrated one rendered ahead: that reader, as it was rendered). */
  destroy(): void;
  /** True once destroy() has run. */
  readonly destroyed: boolean;
}

/**
 * Mounts a reader into `element`, inside a shadow root. `data` may be null to show the loading
 * state until `handle.update(data)`. Problems in the data are shown in the reader and logged to
 * the console; they never throw. Wrong options reject the promise. An element holding a reader
 * rendered ahead (`claim-reader render --as embed`) is hydrated in place, with the data it was
 * rendered from.
 */
export function mount(element: Element, data?: ClaimsData | null, options?: MountOptions): Promise<ReaderHandle>;

declare global {
  /** The same API for pages that do not import the module themselves. */
  var ClaimReader: { readonly mount: typeof mount };
}
