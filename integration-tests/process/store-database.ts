import { randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import path from "node:path"
import { Client } from "@medusajs/framework/pg"
import { Env, medusaCommand } from "./medusa-process"
import type { ProcessSeed } from "./seed-store"

/** The PostgreSQL the other tiers use (DB_HOST must be the literal localhost, see the README, "The tests"). */
function serverUrl(database: string): string {
  const host = process.env.DB_HOST || "localhost"
  const port = process.env.DB_PORT || "5432"
  const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${user}${password}@${host}:${port}/${database}`
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl("postgres") })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export type StoreDatabase = { name: string; url: string; drop(): Promise<void> }

/** A fresh, empty database for one spec; drop() removes it even while connections remain. */
export async function createStoreDatabase(prefix: string): Promise<StoreDatabase> {
  const name = `esimfly_process_${prefix}_${randomBytes(4).toString("hex")}`
  await admin(`CREATE DATABASE "${name}"`)
  return { name, url: serverUrl(name), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}

/**
 * Migrates the database as a merchant would (`medusa db:migrate`; the migration scripts are
 * skipped because the fixtures create the default shipping profile themselves), then seeds
 * it with `medusa exec` and returns the seed's ids and tokens.
 */
export async function migrateAndSeed(env: Env, logDir: string): Promise<ProcessSeed> {
  await medusaCommand(["db:migrate", "--skip-scripts"], env, path.join(logDir, "db-migrate.log"))
  const output = path.join(logDir, "seed.json")
  await medusaCommand(["exec", "./integration-tests/process/seed-store.ts", output], env, path.join(logDir, "seed.log"))
  return JSON.parse(readFileSync(output, "utf8")) as ProcessSeed
}

/** Reads the store's database directly: the one witness that is not a Medusa process. */
export async function queryStore<T>(database: StoreDatabase, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: database.url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows as T[]
  } finally {
    await client.end()
  }
}
