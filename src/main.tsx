import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { env } from './shared/env';
import './styles.css';

/** In mock mode the worker must be up before the first request, so start it before rendering. */
async function enableMocking() {
  if (!env.apiMocking) return;
  const { startMockWorker } = await import('./mocks/browser');
  await startMockWorker();
}

void enableMocking().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
