import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { publicRoute } from "@/modules/access";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export const GET = publicRoute(async () => {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database health check timed out")), 3000)),
    ]);
    return NextResponse.json({ status: "ok", database: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[preflight] health check: database unreachable:", error instanceof Error ? error.message : error);
    return NextResponse.json(
      { status: "error", database: "down" },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
});
