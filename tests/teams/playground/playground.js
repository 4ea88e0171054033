// Start Microsoft 365 Agents Playground's cli.js, kept up and on loopback.
// Usage: node playground.js <path to cli.js> [cli args...]
// cli.js exits on an unhandled promise rejection (offline, its telemetry and
// similar background calls can reject); log it instead and stay up.
process.on("unhandledRejection", (reason) => console.error("playground unhandledRejection:", reason));
// cli.js calls server.listen(port) with no host, i.e. on every interface; pin
// it to loopback: a test client has no business listening on the network.
const net = require("net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") args.splice(1, 0, "127.0.0.1");
  return listen.apply(this, args);
};
const cli = require("path").resolve(process.argv[2]); // relative to cwd, not to this file
process.argv.splice(2, 1); // yargs must see only the cli's own arguments
require(cli);
