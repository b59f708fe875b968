/** Host pages the tests serve: CRM screens of other people's making. */

/** A deal as a host hands it to the element's `deal` property. */
export const umbrellaDeal = {
  id: 'D-1004',
  customerId: 'C-1004',
  currency: 'USD',
  stage: 'won',
  lines: [
    { lineId: 'l1', productId: 'P-1005', quantity: '12.5' },
    { lineId: 'l2', productId: 'P-1010', quantity: '6' },
  ],
};

export const acmeDeal = {
  id: 'D-1001',
  customerId: 'C-1001',
  currency: 'EUR',
  stage: 'open',
  lines: [
    { lineId: 'l1', productId: 'P-1001', quantity: '8' },
    { lineId: 'l2', productId: 'P-1003', quantity: '16' },
  ],
};

/**
 * A CRM whose stylesheet tries to restyle everything, with !important, and themes the
 * widget through its custom properties. The deal is set as a property by a classic script
 * that runs before the element's module defines it, and so is the token the CRM minted.
 */
export function hostilePage(deal: object, token: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Hostile CRM</title>
<style>
  * {
    font-family: "Comic Sans MS", cursive !important;
    color: magenta !important;
    letter-spacing: 3px !important;
    text-transform: uppercase !important;
    background: yellow;
  }
  body { font-size: 24px; line-height: 3; text-align: center; }
  div, p, span, table, td, th, button, section, h1, h2, ul, li, dl, dd, dt, header {
    display: inline !important;
    border: 5px dashed red !important;
    padding: 20px !important;
    margin: 20px !important;
    font-size: 30px !important;
  }
  .panel, .lens, .badge, .credit, .figure, button { display: none !important; }
  erp-lens-deal { --erp-lens-accent: #6a1b9a; margin: 0 auto; width: 380px; text-align: left; }
  erp-lens-deal, erp-lens-deal * { background: #fff; }
</style>
</head>
<body>
<main>
<h1>Hostile CRM</h1>
<small id="host-badge" class="badge total">a host element with the widget's class names</small>
<erp-lens-deal id="lens" locale="en-US"></erp-lens-deal>
</main>
<script>
  const lens = document.getElementById('lens');
  lens.deal = ${JSON.stringify(deal)};
  lens.token = ${JSON.stringify(token)};
  window.events = [];
  document.addEventListener('converted', (event) => window.events.push(['converted', event.detail]));
  document.addEventListener('lookup', (event) => window.events.push(['lookup', event.detail]));
</script>
<script type="module" src="/erp-lens.js"></script>
</body>
</html>`;
}

/** A plain host with the element at a given width. */
export function plainPage(deal: object, token: string, width: number, locale = 'en-US'): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Plain CRM</title>
<style>body { margin: 16px; background: #f3f4f7; } erp-lens-deal { width: ${width}px; }</style>
</head>
<body>
<main>
<erp-lens-deal id="lens" locale="${locale}"></erp-lens-deal>
</main>
<script>
  const lens = document.getElementById('lens');
  lens.deal = ${JSON.stringify(deal)};
  lens.token = ${JSON.stringify(token)};
</script>
<script type="module" src="/erp-lens.js"></script>
</body>
</html>`;
}

/** A plain host with the account element alone, at a given width. */
export function accountPage(customerId: string, token: string, width: number, locale: string) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Plain CRM account</title>
<style>body { margin: 16px; background: #f3f4f7; } erp-lens-account { width: ${width}px; }</style>
</head>
<body>
<main>
<erp-lens-account id="lens" locale="${locale}" customer-id="${customerId}"></erp-lens-account>
</main>
<script>
  document.getElementById('lens').token = ${JSON.stringify(token)};
</script>
<script type="module" src="/erp-lens.js"></script>
</body>
</html>`;
}
