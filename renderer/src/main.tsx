import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/theme.css';
import './styles/app.css';
import { connectToMain } from './api/connectToMain';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Root } from './Root';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <Root />
    </ErrorBoundary>
  </StrictMode>,
);
void connectToMain();
