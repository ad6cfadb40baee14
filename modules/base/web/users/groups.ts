import type { Group, GroupInfo } from '@lc/platform';

/** The groups an administrator assigns (not those every user is in), most powerful first: the one implying the most. */
export function assignableGroups(groups: readonly GroupInfo[]): GroupInfo[] {
  return groups.filter((g) => !g.everyone).sort((a, b) => b.implies.length - a.implies.length);
}

/** The checked group that implies `group`, if any (shown as "Included in …"). */
export function impliedBy(group: Group, checked: ReadonlySet<Group>, groups: readonly GroupInfo[]): GroupInfo | undefined {
  return groups.find((option) => checked.has(option.id) && option.implies.includes(group));
}

/** The checked groups without those another checked group already implies: what the server should store. */
export function explicitGroups(checked: ReadonlySet<Group>, groups: readonly GroupInfo[]): Group[] {
  return assignableGroups(groups).map((g) => g.id).filter((id) => checked.has(id) && !impliedBy(id, checked, groups));
}

/** One label for a user's access: their most powerful group, else the group every user is in. */
export function accessLabel(userGroups: readonly Group[], groups: readonly GroupInfo[]): string {
  return (assignableGroups(groups).find((g) => userGroups.includes(g.id)) ?? groups.find((g) => g.everyone))?.label ?? '';
}
