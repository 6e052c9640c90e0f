import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './App';

/**
 * Our own router, updating synchronously. With react-admin's default router, navigation is a React
 * transition: on a signed-out start, react-admin's logout-then-redirect keeps re-rendering the app
 * with urgent updates, the transition to the login page keeps being interrupted, and the browser
 * spends seconds in a redirect loop before the sign-in form appears.
 */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HashRouter useTransitions={false}>
      <App />
    </HashRouter>
  </StrictMode>,
);
