import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { AdminIdentity } from '../auth/authProvider';
import { session } from '../auth/session';
import { UnreadNotifications } from './UnreadNotifications';
import { ReportsDashboard } from '../reports/ReportsDashboard';

/** The home page of every admin role: who you are, where you work, what is waiting for you. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  // the stored user answers at once; /api/auth/me refreshes it
  const user = (identity as AdminIdentity | undefined) ?? session.user;

  return (
    <Card sx={{ mt: { xs: 1, sm: 2 } }}>
      <Title title="ra.page.dashboard" />
      <CardContent>
        {user && (
          <>
            <Typography variant="h5" component="h1">
              {translate('dashboard.welcome', { name: user.fullName })}
            </Typography>
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              {translate('dashboard.role_in_organisation', {
                role: translate(`roles.${user.role}`),
                organisation: user.organisationName,
              })}
            </Typography>
            {user.role === 'platform_admin' && <Typography sx={{ mt: 2 }}>{translate('dashboard.admin_hint')}</Typography>}
          </>
        )}
        <UnreadNotifications />
        {user && <ReportsDashboard role={user.role} />}
      </CardContent>
    </Card>
  );
};
