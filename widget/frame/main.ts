import { defineElements, type ErpLensDealElement } from '../element.ts';
import { messagesFor, resolveLocale } from '../i18n/locale.ts';
import { createBridge } from './bridge.ts';
import { embeddingOrigin, parseOrigins } from './origins.ts';
import { clampHeight } from './protocol.ts';

/**
 * The iframe page for CRMs that only embed iframes. The API is this page's own origin;
 * `?parents=` lists who may embed it, `?locale=` picks the language until a message does.
 */
defineElements();

const params = new URLSearchParams(location.search);
const allowed = parseOrigins(params.get('parents'));
const framed = window.parent !== window;
const parentOrigin = framed ? embeddingOrigin(location, document.referrer) : null;
const note = document.getElementById('frame-note')!;
let locale = resolveLocale(params.get('locale'));

function setLocale(next: string): void {
  locale = resolveLocale(next);
  document.documentElement.lang = locale;
}

setLocale(locale);

const refused =
  !framed || allowed.length === 0 || (parentOrigin && !allowed.includes(parentOrigin));
if (refused) {
  note.textContent = messagesFor(locale).frame.notAllowed(parentOrigin ?? location.origin);
} else {
  note.textContent = messagesFor(locale).frame.waiting;
  const lens = document.createElement('erp-lens-deal') as ErpLensDealElement;
  lens.locale = locale;

  const bridge = createBridge({
    window,
    allowed,
    parentOrigin,
    warn: (text) => console.warn(text),
    onMessage(message) {
      if (message.type === 'erp-lens:deal') {
        lens.deal = message.deal as ErpLensDealElement['deal'];
        note.hidden = true;
        if (!lens.isConnected) document.getElementById('frame-lens')!.append(lens);
      } else if (message.type === 'erp-lens:locale') {
        setLocale(message.locale);
        lens.locale = locale;
      } else {
        lens.token = message.token;
      }
    },
  });

  lens.addEventListener('converted', (event) => {
    bridge.send({ type: 'erp-lens:converted', ...(event as CustomEvent).detail });
  });
  lens.addEventListener('lookup', (event) => {
    bridge.send({ type: 'erp-lens:lookup', ...(event as CustomEvent).detail });
  });

  let reported = 0;
  new ResizeObserver(function reportHeight() {
    const height = clampHeight(document.body.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    bridge.send({ type: 'erp-lens:height', height });
  }).observe(document.body);

  bridge.send({ type: 'erp-lens:ready', version: 1 });
}
