import { notificationFailure } from "../notification-failure"

describe("a failed notification's error as logged and stored", () => {
  it("keeps the provider's words and drops an echoed payload", () => {
    const error = new Error(
      'Could not find a notification provider for channel: email [{"to":"a@b.c","lpa":"LPA:1$x$y"}]'
    )
    expect(notificationFailure(error, [])).toBe("Could not find a notification provider for channel: email")
  })

  it("replaces every listed secret, and only the first line is kept", () => {
    const error = new Error("rejected code ABCD-1234 for token tok_secret (ABCD-1234)\nstack line")
    expect(notificationFailure(error, ["ABCD-1234", "tok_secret", null])).toBe(
      "rejected code [redacted] for token [redacted] ([redacted])"
    )
  })

  it("cuts a long message to 300 characters and reads a thrown non-Error", () => {
    expect(notificationFailure(new Error("x".repeat(500)), [])).toBe(`${"x".repeat(300)}…`)
    expect(notificationFailure("plain failure", [])).toBe("plain failure")
  })
})
