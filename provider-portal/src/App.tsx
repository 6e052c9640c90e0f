import { Route, Routes } from 'react-router';
import { GuestOnly } from './auth/GuestOnly';
import { RequireAuth } from './auth/RequireAuth';
import { Layout } from './layout/Layout';
import { BasketPage } from './pages/basket/BasketPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/home/HomePage';
import { LoginPage } from './pages/LoginPage';
import { BenefitsFinderPage } from './pages/benefits/BenefitsFinderPage';
import { ChildBenefitsPage } from './pages/benefits/ChildBenefitsPage';
import { MyChildPage } from './pages/children/MyChildPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SettingsPage } from './pages/SettingsPage';
import { FamilyQrPage } from './pages/visits/FamilyQrPage';
import { ScanPage } from './pages/visits/ScanPage';
import { ContractsPage } from './pages/marketplace/ContractsPage';
import { FindOffersPage } from './pages/marketplace/FindOffersPage';
import { OffersPage } from './pages/marketplace/OffersPage';
import { OnboardingPage } from './pages/marketplace/OnboardingPage';
import { SpecialistsPage } from './pages/marketplace/SpecialistsPage';
import { PaymentsPage } from './pages/payments/PaymentsPage';

/** Paths are relative to /portal (BrowserRouter basename); the server answers index.html for all of them. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route element={<GuestOnly />}>
          <Route path="login" element={<LoginPage />} />
        </Route>
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="benefits" element={<BenefitsFinderPage />} />
        <Route path="provider-signup" element={<OnboardingPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="children/:id" element={<MyChildPage />} />
          <Route path="basket" element={<BasketPage />} />
          <Route path="benefits/child/:id" element={<ChildBenefitsPage />} />
          <Route path="scan" element={<ScanPage />} />
          <Route path="qr" element={<FamilyQrPage />} />
          <Route path="find" element={<FindOffersPage />} />
          <Route path="contracts" element={<ContractsPage />} />
          <Route path="offers" element={<OffersPage />} />
          <Route path="specialists" element={<SpecialistsPage />} />
          <Route path="payments" element={<PaymentsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
