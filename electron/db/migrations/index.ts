import type { Migration } from '../migrate';
import { m001Branches } from './001_branches';
import { m002Settings } from './002_settings';

/** Every migration, in order. A new one is appended here with the next number. */
export const migrations: readonly Migration[] = [m001Branches, m002Settings];

export const LATEST_SCHEMA_VERSION = migrations.length;
