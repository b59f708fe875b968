import { render } from 'preact';
import { mountShadow, upgradeProperty } from './shadow.ts';

/**
 * What both ERP Lens elements share: the `server-url`, `token` and `locale` attributes and
 * properties (the token kept off the DOM), a shadow root, and rendering batched so that a
 * host setting the token and the deal one after another causes one render, not a request
 * with the new token and the old deal.
 */
export abstract class LensElement extends HTMLElement {
  static sharedAttributes = ['server-url', 'token', 'locale'];

  #mount: HTMLElement | null = null;
  #token: string | null = null;
  #queued = false;

  /** Properties of the subclass a host may set before the element is defined. */
  protected abstract readonly ownProperties: string[];
  /** Renders into the shadow root's mount point. */
  protected abstract renderInto(mount: HTMLElement): void;
  /** Drops what the subclass holds (state, subscriptions) when the element leaves the page. */
  protected abstract teardown(): void;

  get serverUrl(): string {
    return this.getAttribute('server-url') ?? '';
  }
  set serverUrl(value: string) {
    this.setAttribute('server-url', value);
  }

  get locale(): string | null {
    return this.getAttribute('locale');
  }
  set locale(value: string | null) {
    if (value) this.setAttribute('locale', value);
    else this.removeAttribute('locale');
  }

  get token(): string | null {
    return this.#token ?? this.getAttribute('token');
  }
  set token(value: string | null) {
    this.#token = value;
    this.update();
  }

  /** Changes when the API client must be made anew. */
  protected get connectionKey(): string {
    return `${this.serverUrl}\n${this.token ?? ''}`;
  }

  connectedCallback(): void {
    for (const name of ['serverUrl', 'locale', 'token', ...this.ownProperties]) {
      upgradeProperty(this, name);
    }
    this.#mount = mountShadow(this);
    this.update();
  }

  disconnectedCallback(): void {
    if (this.#mount) render(null, this.#mount);
    this.teardown();
    this.#mount = null;
  }

  attributeChangedCallback(): void {
    this.update();
  }

  protected update(): void {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.#mount) this.renderInto(this.#mount);
    });
  }
}
