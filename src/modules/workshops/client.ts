"use client";
// The workshops module's entry for client components: following the live state of a workshop.
import { useCallback, useEffect, useRef, useState } from "react";

const visible = () => document.visibilityState !== "hidden";

/**
 * Follows a workshop's state by polling `url?since=<key>`: the server answers 204 while nothing
 * changed (one small query), or the new state. Short polling asks every `intervalMs`; long polling
 * (`longPoll`, the participants' phones) asks with `&wait=1`, the server holds the request until
 * the next change (or ~20 s), and the next request goes out at once. Polling stops while the tab
 * is hidden and resumes with an immediate fetch when it is shown again or the network comes back,
 * so a phone that was locked catches up at once. No server keeps any state: any web server behind
 * a load balancer can answer any poll. `keyOf` must be a stable function (declared outside the
 * component).
 */
export function useLiveState<T>(
  url: string,
  initial: T,
  keyOf: (state: T) => string,
  { intervalMs = 400, longPoll = false }: { intervalMs?: number; longPoll?: boolean } = {},
): { state: T; offline: boolean; replace: (state: T) => void } {
  const [state, setState] = useState<T>(initial);
  const [offline, setOffline] = useState(false);
  const key = useRef<string>("");

  useEffect(() => {
    key.current = keyOf(initial);
    // Only the first state seeds the key; later ones arrive through polling or replace().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const replace = useCallback(
    (next: T) => {
      key.current = keyOf(next);
      setState(next);
    },
    [keyOf],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let inFlight: AbortController | null = null;
    let stopped = false;

    async function poll() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (stopped || !visible() || inFlight) return;
      const controller = (inFlight = new AbortController());
      let wait = longPoll ? 0 : intervalMs;
      try {
        const response = await fetch(`${url}?since=${encodeURIComponent(key.current)}${longPoll ? "&wait=1" : ""}`, {
          cache: "no-store",
          headers: { accept: "application/json" },
          signal: controller.signal,
        });
        if (response.status === 200) replace((await response.json()) as T);
        else if (response.status === 409 || response.status === 401 || response.status === 404) {
          // Closed, or the seat is gone: reload the page, which explains.
          window.location.reload();
          return;
        }
        setOffline(response.status >= 500);
        if (response.status >= 500) wait = 2000;
      } catch {
        if (controller.signal.aborted) return;
        setOffline(true);
        wait = 2000;
      } finally {
        if (inFlight === controller) inFlight = null;
      }
      if (!stopped && visible()) timer = setTimeout(poll, wait);
    }

    const wake = () => {
      // Hidden: drop the held request (a locked phone keeps no connection open); shown: catch up.
      if (!visible()) inFlight?.abort();
      else void poll();
    };
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("online", wake);
    window.addEventListener("focus", wake);
    timer = setTimeout(poll, intervalMs);
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", wake);
      window.removeEventListener("online", wake);
      window.removeEventListener("focus", wake);
      if (timer) clearTimeout(timer);
      inFlight?.abort();
    };
  }, [url, intervalMs, longPoll, replace]);

  return { state, offline, replace };
}
