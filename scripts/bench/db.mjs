// The benchmark's few direct reads of PostgreSQL (Medusa's own pg, through the framework).
import pg from "@medusajs/framework/pg"

export const databaseUrl = (port, name) => `postgres://postgres@localhost:${port}/${name}`

/** Runs `work(client)` on one connection to `url` and closes it. */
export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A new empty database, or a copy of `template` (which must have no open connection). */
export async function createDatabase(port, name, template) {
  const quote = (id) => `"${id.replace(/"/g, '""')}"`
  await withClient(databaseUrl(port, "postgres"), (client) =>
    client.query(`create database ${quote(name)}${template ? ` template ${quote(template)}` : ""}`)
  )
}
