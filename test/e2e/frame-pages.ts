/** Pages that embed the iframe page, on their own loopback origins. */

/**
 * A CRM page that embeds frame.html, hands it a context token and a deal once the frame is
 * ready, sizes the iframe to the height the frame reports, and keeps every message it gets.
 */
export function embeddingPage(
  frameUrl: string,
  deal: object,
  token: string,
  intruderUrl?: string,
): string {
  const frameOrigin = new URL(frameUrl).origin;

  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Iframe CRM</title>
<style>body { margin: 16px; } iframe { width: 340px; height: 100px; border: 1px solid #ccc; }</style>
</head>
<body>
<main>
<iframe id="lens" title="ERP Lens" src="${frameUrl}"></iframe>
${intruderUrl ? `<iframe id="intruder" title="Another app" src="${intruderUrl}"></iframe>` : ''}
</main>
<script>
  const lens = document.getElementById('lens');
  window.received = [];
  window.addEventListener('message', (event) => {
    if (event.origin !== ${JSON.stringify(frameOrigin)}) return;
    window.received.push(event.data);
    if (event.data.type === 'erp-lens:ready') {
      lens.contentWindow.postMessage({ type: 'erp-lens:token', token: ${JSON.stringify(token)} },
        ${JSON.stringify(frameOrigin)});
      lens.contentWindow.postMessage({ type: 'erp-lens:deal', deal: ${JSON.stringify(deal)} },
        ${JSON.stringify(frameOrigin)});
    }
    if (event.data.type === 'erp-lens:height') lens.style.height = event.data.height + 'px';
  });
</script>
</body>
</html>`;
}

/** An app on another origin that keeps every message anyone sends it. */
export const listeningPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Other app</title></head>
<body><p>another app</p>
<script>
  window.received = [];
  window.addEventListener('message', (event) => window.received.push(event.data));
</script>
</body></html>`;
