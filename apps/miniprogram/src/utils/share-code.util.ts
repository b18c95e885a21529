/**
 * The share code a page was opened with: `code` from a shared card's path, or `scene` from a mini-program code
 * (WeChat passes it URI-encoded, at most 32 characters). Empty when there is none; not yet checked against
 * `shareCodeSchema`.
 */
export function shareCodeFromParams(params: Partial<Record<string, string | undefined>>): string {
  const raw = params.code || params.scene || '';
  let code = raw;
  try {
    code = decodeURIComponent(raw);
  } catch {
    // A malformed escape: keep it as it came; the code check turns it away.
  }
  return code.trim();
}
