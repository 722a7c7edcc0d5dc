const MAX_LENGTH = 300

/**
 * A failed notification's error as the log and the stored record may hold it: its first line,
 * cut before any payload a provider echoed (` [{…` or ` {…`), with none of `secrets` (the guest
 * token, the eSIMs' LPAs and activation codes), at most 300 characters.
 */
export function notificationFailure(error: unknown, secrets: (string | null | undefined)[]): string {
  const raw = error instanceof Error ? error.message : String(error)
  const firstLine = raw.split("\n")[0]
  const payloadAt = firstLine.search(/\s[[{]/)
  let text = payloadAt >= 0 ? firstLine.slice(0, payloadAt) : firstLine
  for (const secret of secrets) {
    if (secret) {
      text = text.split(secret).join("[redacted]")
    }
  }
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text
}
