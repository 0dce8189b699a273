import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css';
import './app/app.css';
import { App } from './app/App';
import { initI18n } from './i18n';

initI18n('fr');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
