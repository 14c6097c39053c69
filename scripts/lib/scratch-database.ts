import type pg from "pg";

/**
 * A throwaway database on the benchmark's PostgreSQL server: created empty, dropped (even with
 * open connections) by `drop()`. The name carries the process id so runs never collide.
 */
export async function createScratchDatabase(
  admin: pg.Client,
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = `${name}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}
