import { widgetStyles } from '../styles.ts';

/** Shadow root, styles and a mount point: what both elements share. */
export function mountShadow(host: HTMLElement): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();

  const style = document.createElement('style');
  style.textContent = widgetStyles;
  const mount = document.createElement('div');
  mount.className = 'root';
  root.append(style, mount);

  return mount;
}

/**
 * A host may set a property before this bundle has defined the element; the value then
 * sits on the instance and hides the class's setter. Re-set it once the element upgrades.
 */
export function upgradeProperty(element: HTMLElement, name: string): void {
  if (!Object.prototype.hasOwnProperty.call(element, name)) return;

  const value = (element as unknown as Record<string, unknown>)[name];
  delete (element as unknown as Record<string, unknown>)[name];
  (element as unknown as Record<string, unknown>)[name] = value;
}
