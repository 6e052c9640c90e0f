import type { MessageKey } from './lv';
import { en as benefits } from '../pages/benefits/messages';
import { en as visits } from '../pages/visits/messages';
import { en as children } from '../pages/children/messages';
import { en as basket } from '../pages/basket/messages';
import { en as marketplace } from '../pages/marketplace/messages';
import { en as payments } from '../pages/payments/messages';

/** English. Exactly the keys of `lv.ts` — the type below refuses a missing or an extra key. */
export const en: Record<MessageKey, string> = {
  ...benefits,
  ...visits,
  ...children,
  ...basket,
  ...marketplace,
  ...payments,
  'app.name': 'Līdz.Vērtīgs',

  'layout.skipToContent': 'Skip to main content',
  'layout.mainNav': 'Main menu',
  'layout.home': 'Home',
  'layout.settings': 'Settings',
  'layout.logout': 'Sign out',

  'language.switchLabel': 'Language',
  'language.lv.name': 'Latviešu',
  'language.en.name': 'English',

  'common.loading': 'Loading…',
  'common.pleaseWait': 'Please wait…',
  'common.retry': 'Try again',
  'common.toHome': 'Go to the home page',
  'common.backToLogin': 'Back to sign in',
  'common.showPassword': 'Show password',
  'common.requestId': 'If you contact support, please give them this number: {id}',

  'login.title': 'Sign in to the portal',
  'login.intro': 'The portal for service providers, specialists, families and young people.',
  'login.email': 'E-mail',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.forgot': 'Forgot your password?',
  'login.adminRole': 'This account is for the staff administration site, not for this portal.',
  'login.adminLink': 'Open the administration site (/admin/)',
  'login.sessionExpired': 'Your session has ended. Please sign in again.',
  'login.loggedOut': 'You have signed out. Goodbye!',

  'forgot.title': 'Reset your password',
  'forgot.intro': 'Enter the e-mail address you sign in with. We will send you a link to create a new password.',
  'forgot.email': 'E-mail',
  'forgot.submit': 'Send the link',
  'forgot.sent':
    'If an account with this e-mail address exists, we have sent it an e-mail with a link. The link works for one hour. If you cannot see the e-mail, please check your spam folder too.',

  'reset.title': 'Create a new password',
  'reset.intro': 'Choose a new password to sign in with from now on.',
  'reset.password': 'New password',
  'reset.passwordHint': 'At least {min} characters. A long phrase is easier to remember and harder to guess.',
  'reset.confirm': 'Type the password again',
  'reset.submit': 'Save the new password',
  'reset.done': 'Your password has been changed. You can now sign in with the new password.',
  'reset.loginLink': 'Sign in with the new password',
  'reset.missingToken': 'This link is incomplete. Open the link from the e-mail again, or ask for a new one.',
  'reset.requestNew': 'Ask for a new link',

  'home.signedInAs': 'Signed in as',
  'home.role': 'Role',
  'home.provider.intro': 'This is where you will work with your services, contracts, visits and payments.',
  'home.family.greeting': 'Hello, {name}!',
  'home.family.welcome':
    'Here you will see your child’s support basket: which services your child can get, how much money is still left and which specialists are helping. You will also be able to choose a service provider here and show your child’s QR code at a visit.',
  'home.participant.welcome':
    'Here you will see your support basket: which services you can get, how much money is still left and which specialists are helping you. You decide who else may see your information.',
  'home.family.help': 'If anything is unclear, just ask your case manager.',

  'role.provider_admin': 'Service provider administrator',
  'role.specialist': 'Specialist',
  'role.family': 'Parent or guardian',
  'role.participant': 'Young person',

  'notifications.title': 'Notifications',
  'notifications.unreadCount': 'Unread: {count}',
  'notifications.empty': 'You have no notifications yet.',
  'notifications.new': 'New',
  'notifications.markRead': 'Mark as read',
  'notifications.markedRead': 'Notification marked as read.',
  'notifications.loadFailed': 'We could not load your notifications.',
  'notifications.unknown': 'You have a new notification.',
  'notifications.welcome': 'Welcome to Līdz.Vērtīgs, {name}!',

  'settings.title': 'Settings',
  'settings.language.legend': 'Portal language',
  'settings.language.hint': 'You can also change the language at the top of the page, in the “Language” menu.',
  'settings.save': 'Save',
  'settings.saved': 'Language saved.',
  'settings.account.title': 'Your account',
  'settings.account.name': 'Name',
  'settings.account.email': 'E-mail',
  'settings.account.role': 'Role',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is no page here. The link may be wrong, or the page may have moved.',

  'crash.title': 'Something went wrong',
  'crash.text': 'Please reload the page. If it happens again, please contact support.',
  'crash.reload': 'Reload the page',

  'errors.AUTH_INVALID_CREDENTIALS': 'Wrong e-mail or password. Please check them and try again.',
  'errors.AUTH_LOCKED':
    'After several failed attempts the account is locked for a while. Try again in 15 minutes, or create a new password.',
  'errors.AUTH_REFRESH_INVALID': 'Your session has ended. Please sign in again.',
  'errors.AUTH_REFRESH_REUSED': 'Your session has ended. Please sign in again.',
  'errors.AUTH_RESET_INVALID': 'This link no longer works: it is valid for one hour and only once. Please ask for a new link.',
  'errors.RATE_LIMITED': 'Too many attempts in a short time. Please wait a little and try again.',
  'errors.VALIDATION_FAILED': 'Please correct the marked fields.',
  'errors.UNAUTHENTICATED': 'Please sign in again.',
  'errors.FORBIDDEN': 'You do not have access to this.',
  'errors.NOT_FOUND': 'We could not find what you were looking for.',
  'errors.BAD_REQUEST': 'We could not process that. Please check what you entered and try again.',
  'errors.PAYLOAD_TOO_LARGE': 'What you sent is too large.',
  'errors.INTERNAL': 'Something went wrong on our side. Please try again in a moment.',
  'errors.SERVICE_UNAVAILABLE': 'The portal is briefly unavailable. Please try again in a moment.',
  'errors.NETWORK': 'We could not reach the server. Please check your internet connection and try again.',
  'errors.UNKNOWN': 'That did not work. Please try again.',

  'validation.required': 'Please fill in this field.',
  'validation.isEmail': 'Enter an e-mail address, for example name@example.com.',
  'validation.minLength': 'This is too short.',
  'validation.maxLength': 'This is too long.',
  'validation.isIn': 'Choose one of the options offered.',
  'validation.invalid': 'This value is not valid. Please check it.',
  'validation.passwordMinLength': 'The password must be at least {min} characters long.',
  'validation.passwordsDiffer': 'The passwords do not match. Type the same password in both fields.',
};
