// Builds the parts of the reader that never change between renders (the paragraphs and the
// print notes) from one JSON text that the wasm side writes. One call and one parse instead of
// a call across the wasm boundary for every element, attribute and text: a 900-paragraph
// article has tens of thousands. Only elements, attributes and text are made, never markup.

/** Paragraphs: each a list of segments, a plain text or a passage
 *  [text, class, claimIds, issueIds, note, seg, ...screenReaderLabels]. */
export function buildParagraphs(container, json) {
  const doc = container.ownerDocument;
  const fragment = doc.createDocumentFragment();
  for (const segments of JSON.parse(json)) {
    const p = fragment.appendChild(doc.createElement('p'));
    p.className = 'cr-paragraph';
    for (const segment of segments) {
      if (typeof segment === 'string') {
        p.appendChild(doc.createTextNode(segment));
        continue;
      }
      const [text, className, claims, issues, note, seg, ...labels] = segment;
      const mark = p.appendChild(doc.createElement('mark'));
      mark.className = className;
      mark.setAttribute('data-claim', claims);
      mark.setAttribute('data-issue', issues);
      if (note) mark.setAttribute('data-note', note);
      if (seg) {
        mark.setAttribute('data-seg', seg);
        mark.setAttribute('tabindex', '0');
      }
      for (const label of labels) {
        const sr = mark.appendChild(doc.createElement('span'));
        sr.className = 'cr-sr';
        sr.textContent = label;
      }
      mark.appendChild(doc.createTextNode(text));
    }
  }
  container.replaceChildren(fragment);
}

/** List items, each [bold lead, rest of the line]. */
export function buildNotes(list, json) {
  const doc = list.ownerDocument;
  const fragment = doc.createDocumentFragment();
  for (const [lead, rest] of JSON.parse(json)) {
    const li = fragment.appendChild(doc.createElement('li'));
    li.appendChild(doc.createElement('strong')).textContent = lead;
    li.appendChild(doc.createTextNode(rest));
  }
  list.replaceChildren(fragment);
}
