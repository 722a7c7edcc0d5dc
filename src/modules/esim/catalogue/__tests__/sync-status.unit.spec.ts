import { CatalogueSyncResult, CatalogueSyncTracker } from "../sync-status"

const RESULT: CatalogueSyncResult = {
  pages_read: 3,
  packages_read: 250,
  products_created: 2,
  products_updated: 1,
  variants_created: 10,
  variants_updated: 4,
  variants_deactivated: 1,
  below_floor: [],
  deactivation_aborted: false,
  deactivation_aborted_reason: null,
  failed_pages: [],
  unpriced: [],
  conflicts: [],
}

describe("CatalogueSyncTracker", () => {
  const clock = () => new Date("2026-11-25T10:00:00Z")

  it("runs one sync at a time and keeps its progress and result", () => {
    const tracker = new CatalogueSyncTracker(clock)
    expect(tracker.snapshot().state).toBe("idle")
    expect(tracker.begin()).toBe(true)
    expect(tracker.begin()).toBe(false)
    tracker.progress({ pages_read: 2, total_pages: 3 })
    expect(tracker.snapshot()).toMatchObject({
      state: "running",
      progress: { pages_read: 2, total_pages: 3, products_created: 0 },
    })
    tracker.finish(RESULT)
    expect(tracker.snapshot()).toMatchObject({
      state: "succeeded",
      result: RESULT,
      progress: { pages_read: 3, products_created: 2, variants_deactivated: 1 },
    })
    expect(tracker.begin()).toBe(true)
    expect(tracker.snapshot().result).toBeNull()
  })

  it("records a failure and its reason, but never fails a sync that is still running", () => {
    const tracker = new CatalogueSyncTracker(clock)
    tracker.begin()
    tracker.explainFailure("not this one")
    expect(tracker.isRunning()).toBe(true)
    tracker.fail("rolled back")
    tracker.explainFailure("esimfly is unavailable")
    expect(tracker.snapshot()).toMatchObject({
      state: "failed",
      error: "esimfly is unavailable",
      finished_at: "2026-11-25T10:00:00.000Z",
    })
  })
})
