const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// The balance job reads esimfly when its mirror is stale; specs that count esimfly calls run it
// themselves (refreshStaleBalance) rather than let a timer add a call mid-count.
process.env.ESIMFLY_BALANCE_JOB_TICK_MS ??= String(24 * 60 * 60 * 1000)
