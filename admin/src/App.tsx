import { Admin, Resource, localStorageStore } from 'react-admin';
import { auditEvents } from './audit-events';
import { benefitGaps, benefits } from './benefits';
import { assessments, baskets, supportPlans } from './budgets';
import { caseDeputies, caseloadBalance, caseManagers, cases } from './cases';
import { children, decisionImports } from './children';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { jobs } from './jobs';
import { Layout } from './layout/Layout';
import { organisations } from './organisations';
import { darkTheme, lightTheme } from './theme';
import { users } from './users';
import { catalogue, contracts, providers } from './marketplace';
import { exceptions, integrity, visits } from './exceptions';
import { reports } from './reports';
import { billingRuns, invoices, paymentBatches, reconciliation } from './billing';

const store = localStorageStore(undefined, 'lidz.admin');

/**
 * Every resource is declared for every role; authProvider.canAccess (src/access.ts) decides what the
 * menu, the buttons and the pages show for the signed-in role. The API checks every request anyway.
 */
export const App = () => (
  <Admin
    title="Līdz.Vērtīgs"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    lightTheme={lightTheme}
    darkTheme={darkTheme}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={Layout}
    requireAuth
    disableTelemetry
  >
    <Resource {...cases} />
    <Resource {...children} />
    <Resource {...decisionImports} />
    <Resource {...caseloadBalance} />
    <Resource {...caseDeputies} />
    <Resource {...caseManagers} />
    <Resource {...baskets} />
    <Resource {...assessments} />
    <Resource {...supportPlans} />
    <Resource {...contracts} />
    <Resource {...providers} />
    <Resource {...catalogue} />
    <Resource {...users} />
    <Resource {...organisations} />
    <Resource {...jobs} />
    <Resource {...auditEvents} />
    <Resource {...exceptions} />
    <Resource {...visits} />
    <Resource {...integrity} />
    <Resource {...benefitGaps} />
    <Resource {...benefits} />
    <Resource {...reports} />
    <Resource {...billingRuns} />
    <Resource {...invoices} />
    <Resource {...paymentBatches} />
    <Resource {...reconciliation} />
  </Admin>
);
