// Synthetic claims files for the scale benchmark: the seed article repeated `scale` times.
//
//   import { generate } from './generate.mjs';
//   const doc = generate(seed, 10);          // a claims object, 10 copies of the seed
//
//   node bench/generate.mjs 100 > big.json   // from the command line (seed: static/seed.json)
//
// Copy k (0-based) of the seed's paragraphs becomes paragraphs k·P … k·P+P-1, and every seed
// claim is repeated for it with its id suffixed `-x<k>` and its `quote.paragraph` moved by k·P
// (`quote.start` stays, since the paragraph text is the same). Each copy also gets one extra claim
// per seed claim whose quote overlaps that claim's quote: it starts at a word boundary inside the
// seed quote and runs a few words past its end (or ends inside it, nesting, when the paragraph
// ends first), and names another party, issue and stance, so passages split into multi-claim
// segments and table cells turn mixed just as in real articles. Parties and issues stay those of
// the seed, so the table keeps its size and its cells fill up with more claims as the scale grows.
// Every copy has the same content, so the work per copy is the same at every scale.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const STANCES = ['supports', 'demands', 'proposes', 'opposes', 'rejects', 'undecided'];
const CERTAINTIES = ['certain', 'probable', 'possible', 'uncommitted'];

/** Code points of a string (positions in the claims format count code points). */
const chars = (s) => [...s];

/**
 * The overlapping quote for a seed quote: from the first word start at or after its middle, to
 * the end of the word some 24 code points past the quote's end (or the paragraph's end).
 * Returns { start, exact } in code points, or null when the quote is too short to split.
 */
function overlapping(paragraph, start, length) {
  const text = chars(paragraph);
  let from = start + Math.floor(length / 2);
  while (from < start + length && text[from - 1] !== ' ') from++;
  if (from >= start + length - 3) return null;
  let to = Math.min(text.length, start + length + 24);
  while (to < text.length && text[to] !== ' ') to++;
  // Trim trailing punctuation and spaces so the quote reads as words.
  while (to > from && /[\s,.;:]/.test(text[to - 1])) to--;
  const exact = text.slice(from, to).join('');
  return exact.trim().length > 0 ? { start: from, exact } : null;
}

/** The claims object for `scale` copies of `seed` (a parsed claims file). */
export function generate(seed, scale) {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number >= 1, not ${scale}`);
  const paragraphs = seed.article.paragraphs;
  const P = paragraphs.length;
  const parties = seed.parties.map((p) => p.id);
  const issues = seed.issues.map((i) => i.id);
  const claims = [];
  for (let k = 0; k < scale; k++) {
    seed.claims.forEach((claim, n) => {
      const q = claim.quote;
      const paragraph = (q.paragraph ?? 0) + k * P;
      claims.push({ ...claim, id: `${claim.id}-x${k}`, quote: { ...q, paragraph } });
      if (q.paragraph === undefined || q.start === undefined) return;
      const over = overlapping(paragraphs[q.paragraph], q.start, chars(q.exact).length);
      if (!over) return;
      const party = parties[(parties.indexOf(claim.party) + 1 + n) % parties.length];
      const issue = issues[(issues.indexOf(claim.issue) + 1 + n) % issues.length];
      claims.push({
        id: `${claim.id}-ov-x${k}`,
        party,
        issue,
        stance: STANCES[(n + k) % STANCES.length],
        quote: { exact: over.exact, paragraph, start: over.start },
        summary: `Synthetic claim overlapping ${claim.id}, copy ${k}.`,
        attribution: { reported_by: claim.attribution?.reported_by ?? 'Bench' },
        certainty: CERTAINTIES[n % CERTAINTIES.length],
      });
    });
  }
  const { $schema, ...rest } = seed;
  return {
    ...rest,
    article: {
      ...seed.article,
      headline: scale === 1 ? seed.article.headline : `${seed.article.headline} (×${scale})`,
      paragraphs: Array.from({ length: scale }, () => paragraphs).flat(),
    },
    claims,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scale = Number(process.argv[2] ?? 1);
  const seedPath = process.argv[3] ?? fileURLToPath(new URL('../static/seed.json', import.meta.url));
  const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
  process.stdout.write(JSON.stringify(generate(seed, scale)) + '\n');
}
