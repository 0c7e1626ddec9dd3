// Builds the parts of the reader that never change between renders (the paragraphs, the print
// notes, and the article, table, legend and notices as a tree) from one JSON text that the wasm
// side writes. One call and one parse instead of
// a call across the wasm boundary for every element, attribute and text: a 900-paragraph
// article has tens of thousands. Only elements, attributes and text are made, never markup.
// Small functions, so the engine optimises them after a few calls rather than mid-loop.

/** A passage: [text, class, claimIds, issueIds, note, seg, ...screenReaderLabels]. */
function passage(doc, s) {
  const mark = doc.createElement('mark');
  mark.className = s[1];
  mark.setAttribute('data-claim', s[2]);
  mark.setAttribute('data-issue', s[3]);
  if (s[4]) mark.setAttribute('data-note', s[4]);
  if (s[5]) {
    mark.setAttribute('data-seg', s[5]);
    mark.setAttribute('tabindex', '0');
  }
  for (let i = 6; i < s.length; i++) {
    const sr = doc.createElement('span');
    sr.className = 'cr-sr';
    sr.textContent = s[i];
    mark.append(sr);
  }
  mark.append(s[0]);
  return mark;
}

/** A paragraph: its segments, each a plain text or a passage; every segment is one node. */
function paragraph(doc, segments) {
  const p = doc.createElement('p');
  p.className = 'cr-paragraph';
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    p.append(typeof s === 'string' ? s : passage(doc, s));
  }
  return p;
}

/** Paragraph p goes into chunk p / perChunk: the browser then checks tens of chunks, not
 *  hundreds of paragraphs, to find what the pointer is over or what is on screen. */
export function buildParagraphs(container, json, perChunk) {
  const doc = container.ownerDocument;
  const paragraphs = JSON.parse(json);
  const chunks = [];
  let height = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (i % perChunk === 0) {
      const chunk = doc.createElement('div');
      chunk.className = 'cr-chunk';
      chunks.push(chunk);
      height = 0;
    }
    const chunk = chunks[chunks.length - 1];
    chunk.append(paragraph(doc, paragraphs[i]));
    height += estimatedHeight(paragraphs[i]);
    // Until a chunk off screen is first laid out, it stands this tall (CSSOM, which a strict
    // style-src allows): close to its real height, so the page does not jump when it appears.
    chunk.style.containIntrinsicSize = `auto ${Math.ceil(height)}em`;
  }
  container.replaceChildren(...chunks);
}

/** A paragraph's height in em, guessed from its length: about 75 characters a line. */
function estimatedHeight(segments) {
  let length = 0;
  for (const s of segments) length += (typeof s === 'string' ? s : s[0]).length;
  return 1.1 + 1.65 * Math.max(1, Math.ceil(length / 75));
}

/** List items, each [bold lead, rest of the line]. */
export function buildNotes(list, json) {
  const doc = list.ownerDocument;
  const items = JSON.parse(json);
  const nodes = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const li = doc.createElement('li');
    const lead = doc.createElement('strong');
    lead.textContent = items[i][0];
    li.append(lead, items[i][1]);
    nodes[i] = li;
  }
  list.replaceChildren(...nodes);
}

/** An element from [tag, {attribute: value}, ...children]: a child is a text, an element, or
 *  the number of a node in `slots`. */
function tree(doc, n, slots) {
  if (typeof n === 'string') return n;
  if (typeof n === 'number') return slots[n] ?? '';
  const element = doc.createElement(n[0]);
  for (const name in n[1]) element.setAttribute(name, n[1][name]);
  for (let i = 2; i < n.length; i++) element.append(tree(doc, n[i], slots));
  return element;
}

export function buildTree(doc, json, slots) {
  return tree(doc, JSON.parse(json), slots);
}
