'use strict';
// Migrates a database and loads the scale population into it (TypeScript sources run via ts-register).
require('../ts-register');
require('reflect-metadata');
const { createDataSource } = require('../../api/src/database/data-source');
const { hashPassword } = require('../../api/src/modules/identity/password');
const { seedScale, SCALE_PASSWORD } = require('../../api/src/modules/scale/seed-scale');

async function migrate(url) {
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

async function seedScaleAt(url, opts) {
  await migrate(url);
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    return await seedScale(ds, { ...opts, passwordHash: await hashPassword(SCALE_PASSWORD) });
  } finally {
    await ds.destroy();
  }
}

module.exports = { migrate, seedScaleAt };
