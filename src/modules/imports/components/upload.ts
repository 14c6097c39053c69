/** What a multipart POST answered: its status and JSON body (a problem document on failure). */
export interface UploadAnswer<T> {
  ok: boolean;
  status: number;
  body: T | { detail?: string; errors?: Record<string, string[]> } | null;
}

/**
 * Posts the file (and the mapping) with XMLHttpRequest rather than fetch: only it reports upload
 * progress, which a 10 MB file on a slow line needs. `onProgress` gets 0–1, then null once the
 * bytes are sent and the server is reading the file.
 */
export function postFile<T>(
  url: string,
  file: File,
  mapping: unknown,
  onProgress: (fraction: number | null) => void,
): Promise<UploadAnswer<T>> {
  return new Promise((resolve) => {
    const form = new FormData();
    form.append("file", file);
    if (mapping !== undefined) form.append("mapping", JSON.stringify(mapping));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : 0);
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = () =>
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body: xhr.response as never });
    xhr.onerror = () => resolve({ ok: false, status: 0, body: null });
    xhr.send(form);
  });
}

/** The message to show for a failed upload. */
export function failureMessage(answer: UploadAnswer<unknown>): string {
  const body = answer.body as { detail?: string; errors?: Record<string, string[]> } | null;
  if (answer.status === 0) return "The upload did not reach Preflight. Check your connection and try again.";
  const field = body?.errors?.file?.[0] ?? body?.errors?.mapping?.[0];
  return field ?? body?.detail ?? "Something went wrong on our side. Please try again.";
}

/** Saves text as a file the browser downloads. */
export function download(text: string, fileName: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
