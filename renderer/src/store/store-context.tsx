import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WizardState, WizardStore } from './wizard-store';

const StoreContext = createContext<WizardStore | null>(null);

export function WizardStoreProvider({ store, children }: { store: WizardStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads the wizard store through a selector (see `selectors.ts`). */
export function useWizard<T>(selector: (state: WizardState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWizard outside WizardStoreProvider');
  return useStore(store, selector);
}
