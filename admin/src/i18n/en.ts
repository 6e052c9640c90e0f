import englishMessages from 'ra-language-english';
import { en as visitsMessages } from '../exceptions/messages';
import { en as childrenMessages } from '../children/messages';
import { en as casesMessages } from '../cases/messages';
import { en as budgetsMessages } from '../budgets/messages';
import { en as marketplaceMessages } from '../marketplace/messages';
import { en as reportsMessages } from '../reports/messages';
import { en as billingMessages } from '../billing/messages';
import { benefitsMessages } from '../benefits/messages';

/**
 * The admin's own messages in English. Their shape is the contract for every other language:
 * `AppMessages` below makes the compiler refuse a Latvian file that misses or adds a key.
 */
const app = {
  app: {
    actions: 'Actions',
    search: 'Search',
  },
  auth: {
    use_portal: 'This sign-in is for staff. Families, young people and providers use the portal at /portal/.',
    forgot_password: 'Forgot your password?',
  },
  dashboard: {
    welcome: 'Hello, %{name}!',
    role_in_organisation: '%{role}, %{organisation}',
    unread_notifications: 'Unread notifications',
    no_unread_notifications: 'You have read every notification.',
    mark_read: 'Mark as read',
    mark_read_of: 'Mark as read: %{title}',
    marked_read: 'Marked as read',
    admin_hint: 'Users, organisations, background jobs and the audit log are in the menu.',
    reports: reportsMessages.dashboard.reports,
  },
  languages: {
    lv: 'Latviešu',
    en: 'English',
  },
  roles: {
    platform_admin: 'Platform administrator',
    ministry_analyst: 'Ministry analyst',
    municipality_officer: 'Municipal social service officer',
    case_manager: 'Case manager',
    provider_admin: 'Provider administrator',
    specialist: 'Specialist',
    family: 'Family',
    participant: 'Young person',
  },
  organisation_kinds: {
    platform: 'Platform',
    ministry: 'Ministry',
    municipality: 'Municipality',
    provider: 'Service provider',
    household: 'Household',
  },
  job_states: {
    waiting: 'Waiting',
    active: 'Running',
    completed: 'Completed',
    failed: 'Failed',
    delayed: 'Delayed',
  },
  job_queues: {
    notifications: 'Notifications',
    maintenance: 'Maintenance',
  },
  notifications: {
    ...casesMessages.notifications,
    welcome: 'Welcome to Līdz.Vērtīgs, %{name}!',
    assessmentReview: 'A needs assessment expires on %{validTo}: plan its review',
  },
  benefits: benefitsMessages.en.benefits,
  resources: {
    ...childrenMessages.resources,
    ...casesMessages.resources,
    ...visitsMessages.resources,
    ...budgetsMessages.resources,
    ...marketplaceMessages.resources,
    ...benefitsMessages.en.resources,
    ...reportsMessages.resources,
    ...billingMessages.resources,
    users: {
      name: 'User |||| Users',
      page: { create: 'New user' },
      fields: {
        id: 'ID',
        email: 'E-mail',
        fullName: 'Full name',
        role: 'Role',
        organisationId: 'Organisation',
        locale: 'Language',
        active: 'Active',
        lockedUntil: 'Locked until',
        lastLoginAt: 'Last sign-in',
        createdAt: 'Created',
        password: 'Initial password',
        q: 'Search',
      },
      helper: {
        password: 'At least 10 characters. Give it to the user safely; they can change it with “Forgot your password?”.',
        organisationId: 'Only organisations that fit the chosen role are offered.',
      },
      actions: { unlock: 'Unlock sign-in' },
      notifications: { unlocked: 'Sign-in unlocked' },
    },
    organisations: {
      name: 'Organisation |||| Organisations',
      page: { create: 'New organisation' },
      fields: {
        id: 'ID',
        name: 'Name',
        kind: 'Kind',
        code: 'Code or registration number',
        active: 'Active',
        createdAt: 'Created',
        q: 'Search',
      },
      helper: {
        code: '2–40 letters, digits, dots, hyphens or underscores.',
        kind: 'The kind cannot be changed once the organisation exists.',
      },
      validation: { code: 'Use 2–40 letters, digits, dots, hyphens or underscores' },
    },
    jobs: {
      name: 'Background job |||| Background jobs',
      fields: {
        id: 'ID',
        queue: 'Queue',
        name: 'Job',
        state: 'State',
        progress: 'Progress',
        attemptsMade: 'Attempts',
        failedReason: 'Reason for failure',
        createdAt: 'Created',
        finishedAt: 'Finished',
      },
      actions: { retry: 'Retry' },
      notifications: { retried: 'The job was queued again' },
    },
    'audit-events': {
      name: 'Audit event |||| Audit log',
      fields: {
        id: 'ID',
        at: 'Time',
        actorUserId: 'Who',
        action: 'Action',
        subjectType: 'Subject type',
        subjectId: 'Subject',
        requestId: 'Request ID',
      },
    },
  },
  errors: {
    ...childrenMessages.errors,
    ...casesMessages.errors,
    ...visitsMessages.errors,
    ...budgetsMessages.errors,
    ...marketplaceMessages.errors,
    ...billingMessages.errors,
    VALIDATION_FAILED: 'Please correct the marked fields.',
    BAD_REQUEST: 'The request was not understood.',
    UNAUTHENTICATED: 'Please sign in.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'This conflicts with existing data.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'This kind of content is not supported.',
    RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
    INTERNAL: 'Something went wrong on the server. Please try again.',
    SERVICE_UNAVAILABLE: 'The service is briefly unavailable. Please try again shortly.',
    NETWORK: 'The server could not be reached. Check the connection and try again.',
    AUTH_INVALID_CREDENTIALS: 'Wrong e-mail or password.',
    AUTH_LOCKED: 'The account is locked for 15 minutes after 5 failed sign-ins.',
    AUTH_REFRESH_INVALID: 'Your session has ended. Please sign in again.',
    AUTH_REFRESH_REUSED: 'Your session was ended for your safety. Please sign in again.',
    AUTH_RESET_INVALID: 'The link is not valid or has expired.',
    USER_EMAIL_TAKEN: 'This e-mail address is already in use.',
    USER_ROLE_ORGANISATION_MISMATCH: 'The role does not fit the kind of organisation.',
    ORGANISATION_CODE_TAKEN: 'This code is already in use.',
    JOB_NOT_RETRYABLE: 'Only a failed job can be retried.',
  },
  validation: {
    isEmail: 'Enter a valid e-mail address',
    isNotEmpty: 'Required',
    isString: 'Must be text',
    minLength: 'Too short',
    maxLength: 'Too long',
    isIn: 'Choose one of the offered values',
    isEnum: 'Choose one of the offered values',
    isInt: 'Must be a whole number',
    min: 'Too small',
    max: 'Too large',
    isUUID: 'Not a valid identifier',
    isUuid: 'Not a valid identifier',
    isBoolean: 'Must be yes or no',
    isObject: 'Not a valid value',
    isRange: 'Not a valid range',
    isFilterValue: 'Not a valid filter value',
    matches: 'Wrong format',
    whitelistValidation: 'This field may not be sent',
    fitsOrganisation: 'The role does not fit the kind of organisation',
    invalidJson: 'The request is malformed',
    unique: 'Already in use',
    exists: 'Does not exist',
    invalid: 'Not valid',
  },
};

/** The same tree with every leaf a string: what each language must provide. */
export type MessageShape<T> = { [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> };
export type AppMessages = MessageShape<typeof app>;

export const enAppMessages: AppMessages = app;

export const en = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    auth: {
      ...englishMessages.ra.auth,
      // the API signs in with an e-mail address, so the "username" is the e-mail
      username: 'E-mail',
      email: 'E-mail',
    },
  },
  ...app,
};
