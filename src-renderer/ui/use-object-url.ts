import { useEffect, useRef, useState } from 'react';

/**
 * An object URL for a stored image, made once per `key` (a page's id). A live query hands out a
 * new Blob object for the same stored bytes at every change of its table, and a URL per Blob
 * made every thumbnail of a 400-page record decode again at each page stored (bench/capture:
 * 449 ms a page to store, against 17 ms). Stored images never change under their page's id
 * (page edits never re-encode), so the key says when a new URL is needed. Made on the next
 * frame, so a screen full of them does not hold up the first paint.
 */
export function useObjectUrl(blob: Blob | undefined, key: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  const latest = useRef(blob);
  // Runs before the effect below in the same commit: it reads the Blob of this render.
  useEffect(() => {
    latest.current = blob;
  });
  useEffect(() => {
    if (!key || !latest.current) return;
    const objectUrl = URL.createObjectURL(latest.current);
    const frame = requestAnimationFrame(() => setUrl(objectUrl));
    return () => {
      cancelAnimationFrame(frame);
      URL.revokeObjectURL(objectUrl);
    };
  }, [key]);
  return url;
}
