/** The widget's styles, scoped to its shadow root so the CRM page and the widget stay apart. */
export const widgetStyles = `
:host {
  display: block;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1d2330;
  --line: #d9dde5;
  --muted: #5b6475;
  --ok: #17663a;
  --ok-bg: #e3f4ea;
  --warn: #8a4b00;
  --warn-bg: #fff1dc;
  --bad: #a1121d;
  --bad-bg: #fde7e9;
  --accent: #1f5fbf;
}
* { box-sizing: border-box; }
.lens { display: grid; gap: 12px; }
.lens-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
h1 { font-size: 16px; margin: 0; }
h2 { font-size: 14px; margin: 0 0 6px; display: flex; gap: 8px; align-items: baseline; }
.panel { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: #fff; }
.panel.alarm { border-color: var(--bad); background: var(--bad-bg); }
.muted { color: var(--muted); font-size: 12px; }
.figure { font-variant-numeric: tabular-nums; }
.as-of {
  font-size: 11px;
  font-weight: normal;
  color: var(--warn);
  background: var(--warn-bg);
  padding: 0 4px;
  border-radius: 3px;
}
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
.line-head { display: flex; justify-content: space-between; gap: 8px; }
.product { font-weight: 600; }
.warehouses { margin-top: 4px; font-size: 13px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 4px; border-top: 1px solid var(--line); vertical-align: top; }
thead th { border-top: 0; color: var(--muted); font-weight: 600; font-size: 12px; }
td.figure, .total { text-align: right; white-space: nowrap; }
.total { font-weight: 700; }
dl.figures { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; }
dl.figures dt { color: var(--muted); }
dl.figures dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
button {
  font: inherit;
  padding: 4px 10px;
  border-radius: 4px;
  border: 1px solid var(--line);
  background: #f6f7f9;
  cursor: pointer;
}
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
button:disabled { opacity: 0.55; cursor: not-allowed; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
`;
