/**
 * Whether the staff member's own leads changed on another page (a claim, a release, a status change) since
 * 我的客户 last loaded them: that tab page stays alive underneath, so it reloads when it is shown again.
 */
let changed = false;

export function markLeadsChanged(): void {
  changed = true;
}

/** True once after {@link markLeadsChanged}. */
export function consumeLeadsChanged(): boolean {
  const was = changed;
  changed = false;
  return was;
}
