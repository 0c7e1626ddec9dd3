// claim-reader-frames.js: for a page that embeds readers as iframes (frame.html). Optional: one
//
//   <script type="module" src="https://example.org/claim-reader/claim-reader-frames.js"></script>
//
// makes every <iframe data-claim-reader-frame> on the page, present at load or added later, take
// the height its frame reports, so the reader shows whole, with no scrollbar of its own.
// A message counts only when it comes from one of those iframes' windows (its shape alone proves
// nothing: any window can post one), and only with a finite height in a sane range.
const SELECTOR = 'iframe[data-claim-reader-frame]';
const HEIGHT = 'claim-reader:height';
const ASK = 'claim-reader:ask-height';
/** No reader is this tall; a larger number is a broken or hostile frame. */
const MAX_HEIGHT = 100_000;

addEventListener('message', (event) => {
  const data = event.data;
  if (typeof data !== 'object' || data === null || data.type !== HEIGHT) return;
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
  for (const frame of document.querySelectorAll(SELECTOR)) {
    if (event.source !== null && frame.contentWindow === event.source) {
      // The frame's document gets `height`; with box-sizing: border-box, the frame's own
      // borders and padding come on top.
      const style = getComputedStyle(frame);
      const extra = style.boxSizing === 'border-box'
        ? ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom'].reduce((sum, k) => sum + (parseFloat(style[k]) || 0), 0)
        : 0;
      // The CSSOM, which a strict style-src allows (a style attribute it would not).
      frame.style.height = `${Math.ceil(height + extra)}px`;
      return;
    }
  }
});

// Frames that reported before this script listened are asked again; the request carries nothing.
for (const frame of document.querySelectorAll(SELECTOR)) frame.contentWindow?.postMessage({ type: ASK }, '*');
