/** Renderer entry: fonts and styles shipped with the app (nothing from the internet), then the root. */
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import './styles/theme.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
