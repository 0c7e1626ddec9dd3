// What a reader should see for the seed article (static/seed.json), per
// docs/seed-annotation.md.

export const HEADLINE = "US to push Russia to accept Ukraine's military rights in peace talks: Report";

export const PARTIES = {
  us: 'United States',
  russia: 'Russia',
  ukraine: 'Ukraine',
};

export const ISSUES = {
  'ukraine-military': "Ukraine's military",
  'zaporizhzhia-plant': 'Zaporizhzhia plant',
  'land-and-access': 'Land and river access',
  'territorial-recognition': 'Recognising Russian-held land',
  'security-guarantees': 'Security guarantees',
  'mutual-concessions': 'Concessions from both sides',
  'quick-deal': 'A deal soon',
};

export const CLAIMS = {
  'us-army-push': { party: 'us', issue: 'ukraine-military', stance: 'demands' },
  'us-army-witkoff': { party: 'us', issue: 'ukraine-military', stance: 'demands' },
  'us-concessions': { party: 'us', issue: 'mutual-concessions', stance: 'demands' },
  'ru-demilitarize': { party: 'russia', issue: 'ukraine-military', stance: 'opposes' },
  'us-zaporizhzhia': { party: 'us', issue: 'zaporizhzhia-plant', stance: 'demands' },
  'us-dnieper': { party: 'us', issue: 'land-and-access', stance: 'proposes' },
  'us-kharkiv': { party: 'us', issue: 'land-and-access', stance: 'proposes' },
  'ru-recognition': { party: 'russia', issue: 'territorial-recognition', stance: 'demands' },
  'us-crimea': { party: 'us', issue: 'territorial-recognition', stance: 'proposes' },
  'ua-no-concessions': { party: 'ukraine', issue: 'territorial-recognition', stance: 'rejects' },
  'us-guarantees': { party: 'us', issue: 'security-guarantees', stance: 'undecided' },
  'us-deal-soon': { party: 'us', issue: 'quick-deal', stance: 'demands' },
};

/** Claim ids of one table cell, in article order. */
export function cellClaims(party, issue) {
  return Object.entries(CLAIMS)
    .filter(([, c]) => c.party === party && c.issue === issue)
    .map(([id]) => id);
}

/** Expected data-stance of every cell of the party × issue table. */
export const TABLE = (() => {
  const table = {};
  for (const party of Object.keys(PARTIES)) {
    for (const issue of Object.keys(ISSUES)) {
      const stances = new Set(cellClaims(party, issue).map((id) => CLAIMS[id].stance));
      table[`${party}|${issue}`] =
        stances.size === 0 ? 'not-stated' : stances.size === 1 ? [...stances][0] : 'mixed';
    }
  }
  return table;
})();
