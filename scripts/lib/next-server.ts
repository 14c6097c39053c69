/**
 * For benchmarks that drive the app over HTTP: start the production server (`next start`) on a
 * given database, wait until it answers, sign in the way a browser does, and stop it again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import { webServerArgv } from "./build";

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface RunningServer {
  /** Base URL for requests, e.g. http://127.0.0.1:4123 */
  url: string;
  port: number;
  logFile: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * Starts `next start -p <port>` with `env` (stdout and stderr to `logFile`) in its own process
 * group, and waits until GET /api/health answers 200. `stop()` ends the whole group.
 */
export async function startNextServer(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  readyTimeoutMs?: number;
  /** Processes sharing the port (next-cluster.mjs); 1 runs `next start` alone. */
  workers?: number;
}): Promise<RunningServer> {
  const { port, env, logFile } = options;
  const workers = options.workers ?? 1;
  const fd = openSync(logFile, "a");
  // As `npm start` runs it: the benchmarks measure what is deployed.
  const child = spawn(process.execPath, webServerArgv({ port, workers }), {
    env,
    stdio: ["ignore", fd, fd],
    // Its own process group: Ctrl+C reaches only this script, which then stops the server itself.
    detached: true,
  });
  closeSync(fd);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        child.kill(signal);
      }
    };
    signalGroup("SIGTERM");
    const killed = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
    ]);
    if (!killed) {
      signalGroup("SIGKILL");
      await exited;
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `next start exited (${child.exitCode ?? child.signalCode}) before answering. Its log (${logFile}):\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `next start did not answer GET /api/health with 200 in time. Its log (${logFile}):\n${tail(logFile)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, logFile, child, stop };
}

/** name → value of the Set-Cookie headers of a response. */
function setCookies(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";", 1)[0]!;
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export const SESSION_COOKIE = "next-auth.session-token";

/**
 * Signs in with next-auth's credentials provider as the sign-in form does: GET /api/auth/csrf
 * (token + csrf cookie), then POST the form to /api/auth/callback/credentials without following
 * the redirect. Returns the session cookie's value; throws when there is none.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  if (csrfResponse.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");
  const jar = setCookies(csrfResponse);

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = setCookies(response).get(SESSION_COOKIE);
  if (!session) {
    const where = response.headers.get("location") ?? (await response.text()).slice(0, 300);
    throw new Error(
      `Sign-in failed: POST /api/auth/callback/credentials answered ${response.status} (${where}) without a session cookie`,
    );
  }
  return session;
}
