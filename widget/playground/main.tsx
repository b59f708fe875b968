import { render } from 'preact';
import '../element.ts';
import { createApi } from '../api.ts';
import { createDevTokens } from './dev-tokens.ts';
import { Playground } from './playground.tsx';
import './playground.css';

// `?server=http://127.0.0.1:8787` points the page at a server elsewhere on loopback.
const serverUrl = new URLSearchParams(location.search).get('server') ?? '';
// The playground's own calls (deals, search) carry a lookup token bound to no customer.
const tokens = createDevTokens(serverUrl);
const api = createApi({ baseUrl: serverUrl, token: () => tokens.get({ scope: 'lookup' }) });

render(
  <Playground api={api} serverUrl={serverUrl} tokens={tokens} />,
  document.getElementById('app')!,
);
