import { useAuth } from '../../auth/context';
import { sideOf } from '../../roles';
import { FamilyHome } from './FamilyHome';
import { ProviderHome } from './ProviderHome';

/** The start page differs by who is signed in: a provider's workplace or a family's overview. */
export function HomePage() {
  const { user } = useAuth();
  if (!user) return null; // RequireAuth lets only signed-in users through
  return sideOf(user.role) === 'provider' ? <ProviderHome user={user} /> : <FamilyHome user={user} />;
}
