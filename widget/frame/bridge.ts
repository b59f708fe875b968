import {
  looksLikeOurs,
  readParentMessage,
  type FrameMessage,
  type ParentMessage,
} from './protocol.ts';

/** The parts of `window` the bridge uses, so tests can hand it a stand-in. */
export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface BridgeOptions {
  window: BridgeWindow;
  /** Origins allowed to embed the frame. */
  allowed: string[];
  /** The embedding page's origin if the browser told us; it must be on the list. */
  parentOrigin: string | null;
  onMessage: (message: ParentMessage) => void;
  warn?: (text: string) => void;
}

/**
 * postMessage both ways, origin checked both ways: a message counts only when it comes from
 * the parent window and from an allowed origin; what the frame sends goes to that origin
 * by name, never to "*". When the browser did not say who embeds us, `ready` goes to each
 * allowed origin (the browser delivers it only where it matches) and the first message
 * accepted fixes the origin from then on.
 */
export function createBridge(options: BridgeOptions) {
  const { window: win, allowed, onMessage } = options;
  const warn = options.warn ?? (() => {});
  let parentOrigin = options.parentOrigin;

  function receive(event: MessageEvent): void {
    const fromParent = event.source === (win.parent as unknown);
    const fromAllowed = parentOrigin
      ? event.origin === parentOrigin
      : allowed.includes(event.origin);
    if (!fromParent || !fromAllowed) {
      if (looksLikeOurs(event.data)) warn(`ERP Lens ignored a message from ${event.origin}`);
      return;
    }

    const message = readParentMessage(event.data);
    if (!message) return;

    parentOrigin = event.origin;
    onMessage(message);
  }

  function send(message: FrameMessage): void {
    for (const origin of parentOrigin ? [parentOrigin] : allowed) {
      win.parent.postMessage(message, origin);
    }
  }

  function dispose(): void {
    win.removeEventListener('message', receive);
  }

  win.addEventListener('message', receive);
  return { send, dispose };
}

export type Bridge = ReturnType<typeof createBridge>;
