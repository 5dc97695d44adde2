/**
 * Typed errors. Adapters translate SDK/HTTP failures into these; `src/listeners/errors.ts`
 * is the one place that turns them into what a responder reads.
 */
export class EscapeDeskError extends Error {
  override readonly name: string = 'EscapeDeskError';
}

export class InvalidFindingId extends EscapeDeskError {
  override readonly name = 'InvalidFindingId';
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`not a finding id: ${reason}`);
  }
}

export class FindingNotFound extends EscapeDeskError {
  override readonly name = 'FindingNotFound';
  constructor(readonly query: string) {
    super(`finding not found: ${query}`);
  }
}

export class MissingPermission extends EscapeDeskError {
  override readonly name = 'MissingPermission';
  constructor(
    readonly role: string,
    readonly detail: string,
    cause?: unknown,
  ) {
    super(`missing IAM role ${role}: ${detail}`, { cause });
  }
}

/** The upstream (SCC, Logging, Vertex AI, Slack) failed or timed out; usually worth retrying. */
export class UpstreamError extends EscapeDeskError {
  override readonly name = 'UpstreamError';
  constructor(
    readonly service: string,
    readonly code: string,
    detail: string,
    cause?: unknown,
  ) {
    super(`${service} ${code}: ${detail}`, { cause });
  }
}

/** The upstream object we asked for does not exist (e.g. the agent was deleted). */
export class UpstreamNotFound extends EscapeDeskError {
  override readonly name = 'UpstreamNotFound';
  constructor(
    readonly service: string,
    readonly what: string,
    cause?: unknown,
  ) {
    super(`${service}: ${what} not found`, { cause });
  }
}

/** Data from outside (SDK response, Slack payload) did not have the shape we require. */
export class InvalidPayload extends EscapeDeskError {
  override readonly name = 'InvalidPayload';
  constructor(
    readonly what: string,
    readonly issues: string,
  ) {
    super(`invalid ${what}: ${issues}`);
  }
}

export class NotAuthorized extends EscapeDeskError {
  override readonly name = 'NotAuthorized';
  constructor(
    readonly userId: string,
    readonly why: string,
  ) {
    super(`user ${userId} may not do this: ${why}`);
  }
}

/** The request makes no sense for this object (e.g. agent logs for a finding that is not on an agent). */
export class NotApplicable extends EscapeDeskError {
  override readonly name = 'NotApplicable';
  constructor(readonly why: string) {
    super(`not applicable: ${why}`);
  }
}
