"use client";

import { useEffect } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { toast, Toaster as Sonner } from "sonner";

export { toast };

/** Where toasts appear: one per page, announced politely to screen readers by sonner. */
export function Toaster() {
  return <Sonner position="top-center" richColors closeButton duration={5000} />;
}

/**
 * Shows a toast for a one-off event that a redirect announced in the URL (e.g. `?toast=saved`
 * after a server action redirected to the pilot page), then removes it from the URL, so a
 * reload or a later action never shows it again.
 */
export function FlashToast({ messages }: { messages: Record<string, string> }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const key = params.get("toast");
  useEffect(() => {
    if (!key) return;
    const message = messages[key];
    if (message) toast.success(message, { id: key });
    const rest = new URLSearchParams(params);
    rest.delete("toast");
    router.replace(rest.size > 0 ? `${pathname}?${rest}` : pathname, { scroll: false });
  }, [key, messages, params, pathname, router]);
  return null;
}
