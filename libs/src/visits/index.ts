export * from './card-number';

export * from './totp';
