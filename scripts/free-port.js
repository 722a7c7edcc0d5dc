// Prints a free TCP port on localhost.
const server = require("node:net").createServer()
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(String(server.address().port))
  server.close()
})
