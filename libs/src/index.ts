export * from './money';
export * from './roles';
export * from './vocabulary';
export * from './visits';
