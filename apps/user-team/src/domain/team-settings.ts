import { ServiceError, type FieldViolation } from '@cashier/grpc';
import { accept, refuse, type Checked } from './checked';
import { checkCurrencyCode } from './currency-code';
import { checkDisplayName } from './display-name';
import type { TeamKind } from './team-kind';
import { checkTimeZone } from './time-zone';
import { parseUpdateMask } from './update-mask';
import { UserTeamErrorCode } from './user-team-error-code';

/** The settings an admin may change. Id, creator, dates and membership are not in this list, on purpose. */
export const TEAM_FIELDS = ['name', 'type', 'base_currency', 'time_zone'] as const;

export interface TeamSettings {
  name: string;
  kind: TeamKind;
  baseCurrency: string;
  timeZone: string;
}

interface TeamSettingsInput {
  name: string;
  kind: TeamKind | undefined;
  baseCurrency: string;
  timeZone: string;
}

function checkKind(kind: TeamKind | undefined): Checked<TeamKind> {
  return kind ? accept(kind) : refuse('must be family, company, institution or other');
}

function collect(fields: ReadonlySet<(typeof TEAM_FIELDS)[number]>, input: TeamSettingsInput): Partial<TeamSettings> {
  const settings: Partial<TeamSettings> = {};
  const violations: FieldViolation[] = [];
  const take = <T>(field: string, checked: Checked<T>, set: (value: T) => void) => {
    if (checked.ok) set(checked.value);
    else violations.push({ field, description: checked.problem });
  };
  if (fields.has('name')) take('name', checkDisplayName(input.name), (v) => (settings.name = v));
  if (fields.has('type')) take('type', checkKind(input.kind), (v) => (settings.kind = v));
  if (fields.has('base_currency')) take('base_currency', checkCurrencyCode(input.baseCurrency), (v) => (settings.baseCurrency = v));
  if (fields.has('time_zone')) take('time_zone', checkTimeZone(input.timeZone), (v) => (settings.timeZone = v));
  if (violations.length > 0) throw ServiceError.invalid(UserTeamErrorCode.InvalidTeam, 'the team is not valid', violations);
  return settings;
}

/** A new team needs every setting, each valid; otherwise INVALID_ARGUMENT listing every problem. */
export function validateNewTeam(input: TeamSettingsInput): TeamSettings {
  return collect(new Set(TEAM_FIELDS), input) as TeamSettings;
}

/** The settings an UpdateTeam request changes: only the masked ones, each valid. */
export function validateTeamChanges(input: TeamSettingsInput & { updateMask: readonly string[] }): Partial<TeamSettings> {
  return collect(parseUpdateMask(input.updateMask, TEAM_FIELDS), input);
}
