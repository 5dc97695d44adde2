/**
 * Clicks on our own buttons and menus (`block_actions` whose every action_id is in `ours`) are
 * acknowledged before Bolt routes them. Slack ignores the body of a block_actions ack, so nothing is
 * lost, and under a burst of clicks every ack goes out while the clicks' work waits its turn
 * (`npm run bench -- ack`). Anything else goes through Bolt's own ack: commands, view submissions
 * and option requests answer with a body, and an action nobody handles must stay unacknowledged
 * so Slack shows the person that nothing happened.
 */
export function blockActionsOf(
  contentType: string,
  body: string,
  ours: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  if (contentType !== 'application/x-www-form-urlencoded' || !body.startsWith('payload=')) return undefined;
  const params = new URLSearchParams(body);
  if ([...params.keys()].length !== 1) return undefined;
  try {
    const payload: unknown = JSON.parse(params.get('payload') ?? '');
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
    const { type, actions } = payload as { type?: unknown; actions?: unknown };
    if (type !== 'block_actions' || !Array.isArray(actions) || actions.length === 0) return undefined;
    const handled = actions.every((a: { action_id?: unknown } | null) => ours.has(String(a?.action_id)));
    return handled ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // not ours to judge: Bolt answers it as it would any malformed body
  }
}
