import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { resolveApi } from './api/resolve-api';
import { App } from './app';
import { createI18n } from './i18n/setup-i18n';
import { WizardStoreProvider } from './store/store-context';
import { createWizardStore } from './store/wizard-store';

/**
 * Boot: pick the transport (preload or web bridge), create the store on it, render the wizard.
 * German until the user switches.
 */
const element = document.getElementById('root');
if (!element) throw new Error('no #root element');
const root = createRoot(element);
const i18n = createI18n('de');

resolveApi(window).then(
  (api) => {
    const store = createWizardStore(api, { lang: 'de' });
    void store.getState().actions.init();
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <WizardStoreProvider store={store}>
            <App />
          </WizardStoreProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  },
  (error: unknown) => {
    // Nothing to talk to: say so in plain words rather than show an empty window.
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = i18n.t('ui/connectFailed');
    element.replaceChildren(message);
    console.error(error);
  },
);
