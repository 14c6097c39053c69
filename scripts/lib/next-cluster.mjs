// Runs `next start` in several Node processes that share one port (node:cluster): one process per
// core instead of one for the whole machine. Node's primary accepts connections and hands them
// to the workers in turn. The app keeps no state of its own between requests (sessions are
// cookies checked against PostgreSQL, cached figures are keyed by the data version), so the
// workers need nothing from each other — the same reason several servers behind a load balancer
// work. Usage: node next-cluster.mjs <next bin> <port> <workers>
import cluster from "node:cluster";

const [nextBin, port, count] = process.argv.slice(2);
const workers = Math.max(1, Number(count) || 1);
let stopping = false;

cluster.setupPrimary({ exec: nextBin, args: ["start", "-p", String(port)] });
for (let i = 0; i < workers; i++) cluster.fork();

cluster.on("exit", (worker, code, signal) => {
  if (stopping) return;
  console.error(`next start worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
  cluster.fork();
});

const stop = () => {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  const check = setInterval(() => {
    if (Object.keys(cluster.workers ?? {}).length === 0) {
      clearInterval(check);
      process.exit(0);
    }
  }, 50);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
