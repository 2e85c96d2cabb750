import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { initApi } from './api';
import { App } from './app/App';
import { startRouter } from './app/router';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';

// The CSP forbids eval: zod must not even probe for it (the probe alone is reported as a violation).
z.config({ jitless: true });

// browser mode: the session is settled (a login link exchanged) before any page asks for data
void initApi().then(() => {
  startRouter();
  createRoot(document.getElementById('root')!).render(<App />);
});
