import type { Migration } from '../migrate';
import { m001Branches } from './001_branches';
import { m002Settings } from './002_settings';
import { m003FrameworkPeriods } from './003_framework_periods';
import { m004ScoringControl } from './004_scoring_control';
import { m005Meetings } from './005_meetings';
import { m006AuditTrail } from './006_audit_trail';
import { m007SignInGuard } from './007_sign_in_guard';
import { m008GateOverrides } from './008_gate_overrides';
import { m009ResultRecords } from './009_result_records';
import { m010OfficeRecords } from './010_office_records';
import { m011IndicatorOptions } from './011_indicator_options';
import { m012GroupRules } from './012_group_rules';
import { m013OfficeFindings } from './013_office_findings';
import { m014FrameworkGrades } from './014_framework_grades';
import { m015Categories } from './015_categories';
import { m016Assignment } from './016_assignment';

/** Every migration, in order. A new one is appended here with the next number. */
export const migrations: readonly Migration[] = [m001Branches, m002Settings, m003FrameworkPeriods, m004ScoringControl, m005Meetings, m006AuditTrail, m007SignInGuard, m008GateOverrides, m009ResultRecords, m010OfficeRecords, m011IndicatorOptions, m012GroupRules, m013OfficeFindings, m014FrameworkGrades, m015Categories, m016Assignment];

export const LATEST_SCHEMA_VERSION = migrations.length;
