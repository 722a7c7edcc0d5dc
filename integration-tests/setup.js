const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// The balance job reads esimfly when its mirror is stale; specs that count esimfly calls run it
// themselves (refreshStaleBalance) rather than let a timer add a call mid-count.
process.env.ESIMFLY_BALANCE_JOB_TICK_MS ??= String(24 * 60 * 60 * 1000)

// Seeding eSIM variants would search esimfly for their costs behind the specs' backs (extra
// ledger requests, spent faults, a pacer that learned the limit early); a spec that tests the
// lookup sets "true" itself. Its job runs only when a spec calls its workflow.
process.env.ESIMFLY_COST_LOOKUP_ON_SAVE ??= "false"
process.env.ESIMFLY_COST_LOOKUP_INTERVAL_MS ??= String(60 * 60 * 1000)
