const REDACTED = "[REDACTED]"
const MIN_SECRET_LENGTH = 4

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/** A webhook signing secret (docs: lifecycle.md, `whsec_…`), redacted even where the client never saw it. */
const WEBHOOK_SECRET = /whsec_[^\s"',;]*/gi

/** Replaces every occurrence of each secret (any case) so server text can never echo one back. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .reduce((out, secret) => out.replace(new RegExp(escapeRegExp(secret), "gi"), REDACTED), text)
    .replace(WEBHOOK_SECRET, REDACTED)
}

/** Shortens server-supplied text so one error cannot carry a whole HTML page. */
export function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`
}

/** Redacts, then clips: the one way server or runtime text enters an error message. */
export function sanitize(text: string, secrets: readonly string[]): string {
  return clip(redact(text, secrets))
}
