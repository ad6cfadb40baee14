import { IMPLIED_GROUPS, type Group } from '@lc/platform';

export interface GroupOption {
  group: Group;
  label: string;
  description: string;
}

/** The groups an administrator assigns, most powerful first (`user` is implicit for every internal user). */
export const GROUP_OPTIONS: GroupOption[] = [
  { group: 'admin', label: 'Administrator', description: 'Users, languages, apps and every setting.' },
  { group: 'livechat_manager', label: 'Live Chat Manager', description: 'Creates channels and sees every session.' },
  { group: 'livechat_operator', label: 'Live Chat Operator', description: 'Answers visitors in the channels they join.' },
];

/** The group that implies `group` among `checked`, if any (shown as "implied by …"). */
export function impliedBy(group: Group, checked: ReadonlySet<Group>): GroupOption | undefined {
  return GROUP_OPTIONS.find((option) => checked.has(option.group) && IMPLIED_GROUPS[option.group].includes(group));
}

/** The checked groups without those another checked group already implies: what the server should store. */
export function explicitGroups(checked: ReadonlySet<Group>): Group[] {
  return GROUP_OPTIONS.map((o) => o.group).filter((g) => checked.has(g) && !impliedBy(g, checked));
}

/** One label for a user's access: their most powerful group. */
export function accessLabel(groups: readonly Group[]): string {
  return GROUP_OPTIONS.find((o) => groups.includes(o.group))?.label ?? 'Internal User';
}
