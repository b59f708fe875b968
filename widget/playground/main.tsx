import { render } from 'preact';
import '../element.ts';
import { createApi } from '../api.ts';
import { Playground } from './playground.tsx';
import './playground.css';

// `?server=http://127.0.0.1:8787` points the page at a server elsewhere on loopback.
const serverUrl = new URLSearchParams(location.search).get('server') ?? '';
const api = createApi({ baseUrl: serverUrl });

render(<Playground api={api} serverUrl={serverUrl} />, document.getElementById('app')!);
