import { Box, Link } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, PasswordInput, TextInput, useTranslate } from 'react-admin';

/**
 * Both fields are needed, but the check is written out rather than react-admin's required(): that
 * one adds a visible "*" to the label, and on a two-field sign-in form it only makes the accessible
 * names ("E-pasts *") harder to match exactly. aria-required tells assistive technology instead.
 */
const filledIn = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'ra.validation.required');
const requiredToAssistiveTech = { htmlInput: { 'aria-required': true } };

/** Resetting a password is one flow for every role; the portal hosts its pages. */
const FORGOT_PASSWORD_URL = '/portal/forgot-password';

const LoginExtras = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1, pb: 2 }}>
      <Link href={FORGOT_PASSWORD_URL}>{translate('auth.forgot_password')}</Link>
      <LocalesMenuButton />
    </Box>
  );
};

/**
 * react-admin's own login page; its first field is the e-mail the API signs in with, and the
 * language can be chosen before signing in.
 */
export const LoginPage = () => (
  <Login>
    <LoginForm>
      <TextInput
        autoFocus
        source="email"
        type="email"
        label="ra.auth.email"
        autoComplete="username"
        validate={filledIn}
        slotProps={requiredToAssistiveTech}
      />
      <PasswordInput
        source="password"
        label="ra.auth.password"
        autoComplete="current-password"
        validate={filledIn}
        slotProps={requiredToAssistiveTech}
      />
    </LoginForm>
    <LoginExtras />
  </Login>
);
