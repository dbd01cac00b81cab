import type { Migration } from 'kysely';
import * as m20261123090000 from './20261123090000_create_platform_tables';
import * as m20261123140000 from './20261123140000_create_batch_tables';
import * as m20261124090000 from './20261124090000_create_project_tables';
import * as m20261124100000 from './20261124100000_allow_cancelled_tasks';
import * as m20261125090000 from './20261125090000_add_list_indexes';
import * as m20261127140000 from './20261127140000_add_office_administration';

/**
 * Every migration in order, imported statically so the same list runs under tsx, vitest and a
 * bundler alike (a folder scan needs a runtime that can import .ts files by path).
 */
export const migrations: Record<string, Migration> = {
  '20261123090000_create_platform_tables': m20261123090000,
  '20261123140000_create_batch_tables': m20261123140000,
  '20261124090000_create_project_tables': m20261124090000,
  '20261124100000_allow_cancelled_tasks': m20261124100000,
  '20261125090000_add_list_indexes': m20261125090000,
  '20261127140000_add_office_administration': m20261127140000,
};
