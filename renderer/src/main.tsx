/**
 * The shell's entry: renders the app against `window.wasl`, the bridge the shell preload exposes.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WaslBridge } from '../../common/bridge';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/dialogs.css';
import './styles/panels.css';
import './styles/inbox.css';
import './styles/tray.css';
import './styles/downloads.css';
import './styles/labels.css';
import './styles/customer.css';
import './styles/fields.css';
import './styles/replies.css';
import './styles/shop.css';
import './styles/products.css';
import './styles/report.css';
import './styles/resources.css';
import './styles/lock.css';
import './styles/updates.css';
import './styles/keys.css';
import './styles/find.css';
import './styles/screen-share.css';

declare global {
  interface Window {
    wasl: WaslBridge;
  }
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <App bridge={window.wasl} />
  </StrictMode>,
);
