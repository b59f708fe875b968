/**
 * The widget's styles, inside its shadow root. The host's selectors cannot reach in, but
 * inherited properties (font, colour, letter-spacing, text-transform...) still flow across
 * the shadow boundary, so `.root` resets them all and starts from our own values.
 * Custom properties do inherit, deliberately: `--erp-lens-*` on the element or any
 * ancestor themes the widget (see README, "Embedding the widget").
 */
export const widgetStyles = `
:host { display: block; }
:host([hidden]) { display: none; }
.root {
  all: initial;
  display: block;
  container: lens / inline-size;
  font: 14px/1.4 var(--erp-lens-font, system-ui, -apple-system, "Segoe UI", sans-serif);
  color: var(--erp-lens-text, #1d2330);
  --line: var(--erp-lens-border, #d9dde5);
  --muted: var(--erp-lens-muted, #5b6475);
  --surface: var(--erp-lens-surface, #fff);
  --ok: var(--erp-lens-ok, #17663a);
  --ok-bg: var(--erp-lens-ok-bg, #e3f4ea);
  --warn: var(--erp-lens-warn, #8a4b00);
  --warn-bg: var(--erp-lens-warn-bg, #fff1dc);
  --bad: var(--erp-lens-bad, #a1121d);
  --bad-bg: var(--erp-lens-bad-bg, #fde7e9);
  --accent: var(--erp-lens-accent, #1f5fbf);
  --on-accent: var(--erp-lens-on-accent, #fff);
  --radius: var(--erp-lens-radius, 6px);
}
* { box-sizing: border-box; }
.lens { display: grid; gap: 12px; }
.panels { display: grid; gap: 12px; }
.lens-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
h1 { font-size: 16px; margin: 0; }
h2 { font-size: 14px; margin: 0 0 6px; display: flex; gap: 8px; align-items: baseline; }
p { margin: 0 0 6px; }
.panel {
  border: 1px solid var(--line);
  border-radius: var(--radius);
  padding: 10px 12px;
  background: var(--surface);
  min-width: 0;
}
.panel.alarm { border: 2px solid var(--bad); background: var(--bad-bg); }
.muted { color: var(--muted); font-size: 12px; }
.figure { font-variant-numeric: tabular-nums; }
.as-of {
  font-size: 11px;
  font-weight: normal;
  color: var(--warn);
  background: var(--warn-bg);
  padding: 0 4px;
  border-radius: 3px;
  white-space: nowrap;
}
.discount { white-space: nowrap; }
.unavailable {
  color: var(--warn);
  background: var(--warn-bg);
  padding: 6px 8px;
  border-radius: 4px;
  margin: 4px 0;
}
.warning { color: var(--bad); margin: 0 0 6px; }
.warning-text { color: var(--bad); }
.success { color: var(--ok); }
.hint { color: var(--accent); font-size: 12px; }
.agreed { white-space: nowrap; font-size: 12px; font-weight: 600; }
.order-note p { margin: 0 0 4px; }
.badge {
  display: inline-block;
  font-size: 12px;
  font-weight: 600;
  padding: 1px 6px;
  border-radius: 10px;
  border: 1px solid currentColor;
}
.level-in_stock, .payment-paid { color: var(--ok); background: var(--ok-bg); }
.level-low, .level-partial, .payment-open, .payment-partially_paid, .payment-in_payment {
  color: var(--warn);
  background: var(--warn-bg);
}
.level-out_of_stock, .payment-overdue, .payment-reversed {
  color: var(--bad);
  background: var(--bad-bg);
}
.lines, .warehouses { list-style: none; margin: 0; padding: 0; }
.line { padding: 6px 0; border-top: 1px solid var(--line); }
.line:first-child { border-top: 0; }
.line-head { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.product { font-weight: 600; }
.warehouses { margin-top: 4px; font-size: 13px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 4px; border-top: 1px solid var(--line); vertical-align: top; }
thead th { border-top: 0; color: var(--muted); font-weight: 600; font-size: 12px; }
td.figure, .total { text-align: right; white-space: nowrap; }
.total { font-weight: 700; }
.table-scroll { overflow-x: auto; }
dl.figures { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; }
dl.figures dt { color: var(--muted); }
dl.figures dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
button {
  font: inherit;
  color: inherit;
  padding: 4px 10px;
  border-radius: 4px;
  border: 1px solid var(--line);
  background: var(--surface);
  cursor: pointer;
}
button.primary { background: var(--accent); color: var(--on-accent); border-color: var(--accent); }
button:disabled { opacity: 0.6; cursor: not-allowed; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.order-number { font-size: 15px; }
h3 { font-size: 13px; margin: 0 0 4px; }
.preflight, .override { margin: 0 0 8px; }
.issues ul, .facts { margin: 0 0 6px; padding-left: 18px; }
.issues.blocking { color: var(--bad); }
.block-mark { vertical-align: -2px; }
.issues.warnings, .warn-note { color: var(--warn); }
.override label { display: block; font-weight: 600; }
textarea { font: inherit; width: 100%; padding: 4px; border: 1px solid var(--muted); border-radius: 4px; }
.steps { list-style: none; margin: 8px 0; padding: 0; }
.step-done { color: var(--ok); }
.step-current { font-weight: 700; }
.step-stopped { color: var(--bad); font-weight: 700; }
.step-next { color: var(--muted); }
.step-mark { display: inline-block; width: 1.2em; }
.skeleton { display: grid; gap: 12px; }
.skeleton .bar {
  height: 10px;
  margin: 8px 0;
  border-radius: 4px;
  background: var(--line);
  animation: erp-lens-pulse 1.2s ease-in-out infinite alternate;
}
.skeleton .bar.short { width: 40%; height: 12px; }
@keyframes erp-lens-pulse { from { opacity: 1; } to { opacity: 0.4; } }
@media (prefers-reduced-motion: reduce) { .skeleton .bar { animation: none; } }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
@container lens (min-width: 640px) {
  .panels { grid-template-columns: 1fr 1fr; align-items: start; }
  .pricing { grid-column: 1 / -1; }
}
@container lens (max-width: 479px) {
  /* Each invoice as a small card: six columns do not fit, and a sideways scroll hid two. */
  .invoices, .invoices tbody, .invoices tr { display: block; }
  .invoices thead {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  .invoices tr { border-top: 1px solid var(--line); padding: 4px 0; }
  .invoices th, .invoices td { display: flex; justify-content: space-between; gap: 8px; border: 0; padding: 1px 0; }
  .invoices td { flex-wrap: wrap; text-align: right; }
  .invoices td::before { content: attr(data-label); color: var(--muted); text-align: left; }
  .invoices td > div { flex-basis: 100%; text-align: right; }
}
@container lens (max-width: 360px) {
  th, td { padding: 4px 2px; }
  td.figure, .total { white-space: normal; }
  .panel { padding: 8px; }
}
`;
