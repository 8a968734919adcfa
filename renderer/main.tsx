/** The renderer's entry: picks the transport once, builds the Api from the contract and mounts the app. */
// The shared stylesheets first, so each feature's own rules come after them and win.
import './theme/theme.css';
import './theme/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context';
import { createApi } from './api/client';
import { selectTransport } from './api/select-transport';
import { App } from './app/app';

const transport = selectTransport();
const api = createApi(transport);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiProvider api={api} on={transport.on}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}
