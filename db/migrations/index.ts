import type { Migration } from 'kysely';
import * as m20261123090000 from './20261123090000_create_platform_tables';
import * as m20261123140000 from './20261123140000_create_batch_tables';
import * as m20261124090000 from './20261124090000_create_project_tables';
import * as m20261124100000 from './20261124100000_allow_cancelled_tasks';
import * as m20261125090000 from './20261125090000_add_list_indexes';
import * as m20261127100000 from './20261127100000_create_sealed_ballot_boxes';
import * as m20261127110000 from './20261127110000_create_vote_integrity_tables';
import * as m20261127120000 from './20261127120000_create_auth_sessions';
import * as m20261127120100 from './20261127120100_add_spam_marks';
import * as m20261127130000 from './20261127130000_grant_service_roles';
import * as m20261127140000 from './20261127140000_add_office_administration';
import * as m20261127160000 from './20261127160000_grant_office_administration';
import * as m20261128100000 from './20261128100000_add_congress_closing_day';
import * as m20261128110000 from './20261128110000_add_fund_oversight';
import * as m20261128120000 from './20261128120000_add_rating_reports';
import * as m20261128120100 from './20261128120100_grant_rating_reports';
import * as m20261128130000 from './20261128130000_add_receipt_codes';
import * as m20261128160000 from './20261128160000_grant_api_notices';
import * as m20261128180000 from './20261128180000_create_documents';
import * as m20261128180100 from './20261128180100_grant_documents';
import * as m20261129110000 from './20261129110000_create_project_changes';
import * as m20261129110100 from './20261129110100_grant_project_changes';
import * as m20261129140000 from './20261129140000_create_cast_sealed_ballot';
import * as m20261130100000 from './20261130100000_create_rate_limit_windows';
import * as m20261130100100 from './20261130100100_grant_rate_limit_windows';

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
  '20261127100000_create_sealed_ballot_boxes': m20261127100000,
  '20261127110000_create_vote_integrity_tables': m20261127110000,
  '20261127120000_create_auth_sessions': m20261127120000,
  '20261127120100_add_spam_marks': m20261127120100,
  '20261127130000_grant_service_roles': m20261127130000,
  '20261127140000_add_office_administration': m20261127140000,
  '20261127160000_grant_office_administration': m20261127160000,
  '20261128100000_add_congress_closing_day': m20261128100000,
  '20261128110000_add_fund_oversight': m20261128110000,
  '20261128120000_add_rating_reports': m20261128120000,
  '20261128120100_grant_rating_reports': m20261128120100,
  '20261128130000_add_receipt_codes': m20261128130000,
  '20261128160000_grant_api_notices': m20261128160000,
  '20261128180000_create_documents': m20261128180000,
  '20261128180100_grant_documents': m20261128180100,
  '20261129110000_create_project_changes': m20261129110000,
  '20261129110100_grant_project_changes': m20261129110100,
  '20261129140000_create_cast_sealed_ballot': m20261129140000,
  '20261130100000_create_rate_limit_windows': m20261130100000,
  '20261130100100_grant_rate_limit_windows': m20261130100100,
};
